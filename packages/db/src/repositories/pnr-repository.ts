// Bookings pushed by carriers. A push updates the current version of each booking for its
// flight (changed-only pushes touch only what they carry); the event names the travellers on
// that flight whose booking changed, so screening re-assesses them with their booking data.
import { canonicalJson, type Envelope, type Pnr } from '@paxguard/domain';
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface ApplyPnrPushInput {
  carrierId: string;
  submissionId: string;
  flightKey: string;
  pnrs: readonly Pnr[];
  receivedAt: Date;
  event: (travellerIds: string[]) => Envelope & { topic: string };
}

export async function applyPnrPush(tx: Prisma.TransactionClient, input: ApplyPnrPushInput) {
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  const changedRefs: string[] = [];
  for (const pnr of input.pnrs) {
    const hash = createHash('sha256').update(canonicalJson(pnr)).digest('hex');
    const where = {
      carrierId_flightKey_bookingRef: {
        carrierId: input.carrierId,
        flightKey: input.flightKey,
        bookingRef: pnr.bookingRef,
      },
    };
    const prev = await tx.pnr.findUnique({ where, select: { contentHash: true, version: true } });
    if (prev?.contentHash === hash) {
      unchanged++;
      continue;
    }
    await tx.pnr.upsert({
      where,
      create: {
        carrierId: input.carrierId,
        flightKey: input.flightKey,
        bookingRef: pnr.bookingRef,
        data: pnr as unknown as Prisma.InputJsonValue,
        contentHash: hash,
        submissionId: input.submissionId,
        receivedAt: input.receivedAt,
      },
      update: {
        data: pnr as unknown as Prisma.InputJsonValue,
        contentHash: hash,
        version: (prev?.version ?? 0) + 1,
        submissionId: input.submissionId,
        receivedAt: input.receivedAt,
      },
    });
    if (prev) changed++;
    else added++;
    changedRefs.push(pnr.bookingRef);
  }
  const travellers = changedRefs.length
    ? await tx.traveller.findMany({
        where: {
          flight: { key: input.flightKey },
          OR: changedRefs.map((ref) => ({
            data: { path: ['references', 'booking'], equals: ref },
          })),
        },
        select: { id: true },
      })
    : [];
  const { topic, ...envelope } = input.event(travellers.map((t) => t.id));
  await tx.outboxMessage.create({
    data: {
      id: envelope.id,
      topic,
      key: envelope.key,
      envelope: envelope as unknown as Prisma.InputJsonValue,
    },
  });
  return { flightKey: input.flightKey, added, changed, unchanged, travellers: travellers.length };
}

export function createPnrRepository(prisma: PrismaClient) {
  return {
    async forBooking(flightKey: string, bookingRef: string): Promise<Pnr | undefined> {
      const row = await prisma.pnr.findFirst({
        where: { flightKey, bookingRef },
        select: { data: true },
      });
      return row ? (row.data as unknown as Pnr) : undefined;
    },
    async forFlight(flightKey: string): Promise<Pnr[]> {
      const rows = await prisma.pnr.findMany({ where: { flightKey }, select: { data: true } });
      return rows.map((r) => r.data as unknown as Pnr);
    },
  };
}
export type PnrRepository = ReturnType<typeof createPnrRepository>;
