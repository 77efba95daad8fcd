// Arrival outcomes as reported (API, Kafka, demo): stored once per reporter id, read per flight.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface StoredOutcomeInput {
  id: string;
  flightKey: string;
  flightId: string;
  travellerId: string;
  kind: string;
  /** The validated outcome, as JSON (money in minor units). */
  outcome: Record<string, unknown>;
  recordedAt: Date;
  recordedBy: string;
  channel: 'api' | 'kafka' | 'demo';
}

/** JSON with keys sorted at every level: jsonb does not keep the order a reporter used. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export function createOutcomeRepository(prisma: PrismaClient) {
  return {
    /**
     * Store an outcome. The same id again is idempotent when the content is identical
     * (`duplicate`), a conflict otherwise (`conflict`): a reporter cannot rewrite history.
     */
    async record(input: StoredOutcomeInput): Promise<'created' | 'duplicate' | 'conflict'> {
      const existing = await prisma.arrivalOutcomeRecord.findUnique({ where: { id: input.id } });
      if (existing)
        return canonical(existing.outcome) === canonical(input.outcome) ? 'duplicate' : 'conflict';
      try {
        await prisma.arrivalOutcomeRecord.create({
          data: { ...input, outcome: input.outcome as Prisma.InputJsonValue },
        });
        return 'created';
      } catch (err) {
        // A concurrent report with the same id won the insert.
        if ((err as { code?: string }).code === 'P2002') return 'duplicate';
        throw err;
      }
    },
    async listForFlight(flightKey: string) {
      return prisma.arrivalOutcomeRecord.findMany({
        where: { flightKey },
        orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
      });
    },
    async byIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return prisma.arrivalOutcomeRecord.findMany({ where: { id: { in: [...ids] } } });
    },
    async addReturnRequest(input: {
      flightKey: string;
      travellerId: string;
      requestedAt: Date;
      dueBy: Date;
      requestedBy: string;
    }) {
      return prisma.returnRequest.create({ data: input });
    },
    async returnRequestsForFlight(flightKey: string) {
      return prisma.returnRequest.findMany({
        where: { flightKey },
        orderBy: { requestedAt: 'asc' },
      });
    },
    /** Flights with a return due in [from, to]: the periodic pass checks they were performed. */
    async flightsWithReturnsDue(from: Date, to: Date): Promise<string[]> {
      const rows = await prisma.returnRequest.findMany({
        where: { dueBy: { gte: from, lte: to } },
        distinct: ['flightKey'],
        select: { flightKey: true },
      });
      return rows.map((r) => r.flightKey).sort();
    },
    /** Flights with outcomes recorded since a time: what the periodic detection re-examines. */
    async flightsWithOutcomesSince(since: Date): Promise<string[]> {
      const rows = await prisma.arrivalOutcomeRecord.findMany({
        where: { createdAt: { gte: since } },
        distinct: ['flightKey'],
        select: { flightKey: true },
      });
      return rows.map((r) => r.flightKey).sort();
    },
  };
}
export type OutcomeRepository = ReturnType<typeof createOutcomeRepository>;
