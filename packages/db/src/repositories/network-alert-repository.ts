// Facilitator alerts from link analysis, one per (flight, pattern, facilitator), with the
// subgraph as evidence; bookings received in the analysis window are read from here too.
import type { Pnr } from '@paxguard/domain';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface NetworkAlertInput {
  flightKey: string;
  pattern: string;
  facilitator: { kind: string; value: string };
  score: number;
  summary: string;
  evidence: unknown;
}

export function createNetworkAlertRepository(prisma: PrismaClient) {
  return {
    /** Bookings received since `since`, newest first, at most `limit`: the analysis window. */
    async bookingsSince(
      since: Date,
      limit = 50_000,
    ): Promise<{ flightKey: string; receivedAt: Date; pnr: Pnr }[]> {
      const rows = await prisma.pnr.findMany({
        where: { receivedAt: { gte: since } },
        orderBy: { receivedAt: 'desc' },
        take: limit,
        select: { flightKey: true, receivedAt: true, data: true },
      });
      return rows.map((r) => ({
        flightKey: r.flightKey,
        receivedAt: r.receivedAt,
        pnr: r.data as unknown as Pnr,
      }));
    },
    async upsert(a: NetworkAlertInput, at: Date): Promise<void> {
      const key = `${a.flightKey}|${a.pattern}|${a.facilitator.kind}:${a.facilitator.value}`;
      const data = {
        score: a.score,
        summary: a.summary,
        evidence: a.evidence as Prisma.InputJsonValue,
        updatedAt: at,
      };
      await prisma.networkAlert.upsert({
        where: { key },
        create: {
          key,
          flightKey: a.flightKey,
          pattern: a.pattern,
          facilitatorKind: a.facilitator.kind,
          facilitatorValue: a.facilitator.value,
          detectedAt: at,
          ...data,
        },
        update: data,
      });
    },
    async list(opts: { flightKey?: string; limit?: number } = {}) {
      return prisma.networkAlert.findMany({
        where: { flightKey: opts.flightKey },
        orderBy: [{ score: 'desc' }, { updatedAt: 'desc' }],
        take: Math.min(opts.limit ?? 100, 1000),
      });
    },
  };
}
export type NetworkAlertRepository = ReturnType<typeof createNetworkAlertRepository>;
