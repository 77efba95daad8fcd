// Bookings pushed by carriers. A push updates the current version of each booking for its
// flight (changed-only pushes touch only what they carry; a full push also cancels the
// bookings of that flight it no longer carries); the event names the travellers on that flight
// whose booking changed or went, so screening re-assesses them with their current booking data.
import { canonicalJson, type Envelope, type Pnr } from '@paxguard/domain';
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface ApplyPnrPushInput {
  carrierId: string;
  submissionId: string;
  flightKey: string;
  pnrs: readonly Pnr[];
  /** `full` (MSG+:22): the push is every booking on the flight; `changed` (MSG+:141): only some. */
  pushType: 'full' | 'changed';
  receivedAt: Date;
  event: (travellerIds: string[]) => Envelope & { topic: string };
}

export async function applyPnrPush(tx: Prisma.TransactionClient, input: ApplyPnrPushInput) {
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  let cancelled = 0;
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
    const prev = await tx.pnr.findUnique({
      where,
      select: { contentHash: true, version: true, cancelledAt: true },
    });
    if (prev?.contentHash === hash && !prev.cancelledAt) {
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
        cancelledAt: null,
      },
    });
    if (prev) changed++;
    else added++;
    changedRefs.push(pnr.bookingRef);
  }
  if (input.pushType === 'full') {
    // The kept row (data, hash, version) stays as evidence of what was booked; only its
    // standing changes, so screening and link analysis can tell it went.
    const gone = await tx.pnr.findMany({
      where: {
        carrierId: input.carrierId,
        flightKey: input.flightKey,
        cancelledAt: null,
        bookingRef: { notIn: input.pnrs.map((p) => p.bookingRef) },
      },
      select: { id: true, bookingRef: true },
    });
    if (gone.length > 0) {
      await tx.pnr.updateMany({
        where: { id: { in: gone.map((g) => g.id) } },
        data: {
          cancelledAt: input.receivedAt,
          version: { increment: 1 },
          submissionId: input.submissionId,
        },
      });
      cancelled = gone.length;
      changedRefs.push(...gone.map((g) => g.bookingRef));
    }
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
  return {
    flightKey: input.flightKey,
    added,
    changed,
    unchanged,
    cancelled,
    travellers: travellers.length,
  };
}

export function createPnrRepository(prisma: PrismaClient) {
  return {
    async forBooking(flightKey: string, bookingRef: string): Promise<Pnr | undefined> {
      const row = await prisma.pnr.findFirst({
        where: { flightKey, bookingRef, cancelledAt: null },
        select: { data: true },
      });
      return row ? (row.data as unknown as Pnr) : undefined;
    },
    async forFlight(flightKey: string): Promise<Pnr[]> {
      const rows = await prisma.pnr.findMany({
        where: { flightKey, cancelledAt: null },
        select: { data: true },
      });
      return rows.map((r) => r.data as unknown as Pnr);
    },
  };
}
export type PnrRepository = ReturnType<typeof createPnrRepository>;
