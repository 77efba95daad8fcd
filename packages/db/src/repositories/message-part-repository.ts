// Parts of multi-part PAXLST messages (UNH S010 01:C … NN:F), held until every part is in.
import type { Prisma } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** Serialise work on one multi-part message across replicas for the rest of the transaction. */
export async function lockMessage(tx: Tx, carrierId: string, messageRef: string): Promise<void> {
  await tx.$executeRawUnsafe(
    'SELECT pg_advisory_xact_lock(hashtext($1))',
    `${carrierId}|${messageRef}`,
  );
}

/** Record a part; false when that part number was already received (a resend). */
export async function recordPart(
  tx: Tx,
  p: {
    carrierId: string;
    messageRef: string;
    partNumber: number;
    last: boolean;
    submissionId: string;
    receivedAt: Date;
  },
): Promise<boolean> {
  const existing = await tx.messagePart.findUnique({
    where: {
      carrierId_messageRef_partNumber: {
        carrierId: p.carrierId,
        messageRef: p.messageRef,
        partNumber: p.partNumber,
      },
    },
  });
  if (existing) return false;
  await tx.messagePart.create({ data: p });
  return true;
}

export async function partsOf(tx: Tx, carrierId: string, messageRef: string) {
  const parts = await tx.messagePart.findMany({
    where: { carrierId, messageRef, assembledAt: null },
    orderBy: { partNumber: 'asc' },
  });
  const subs = await tx.submission.findMany({
    where: { id: { in: parts.map((p) => p.submissionId) } },
    select: { id: true, raw: true },
  });
  const raw = new Map(subs.map((s) => [s.id, Buffer.from(s.raw)]));
  return parts.map((p) => ({ ...p, raw: raw.get(p.submissionId)! }));
}

export async function markAssembled(
  tx: Tx,
  carrierId: string,
  messageRef: string,
  at: Date,
): Promise<void> {
  await tx.messagePart.updateMany({
    where: { carrierId, messageRef, assembledAt: null },
    data: { assembledAt: at },
  });
}

/** Multi-part messages still incomplete whose first part arrived before `before`. */
export async function listIncompleteSince(tx: Tx, before: Date) {
  const rows = await tx.messagePart.groupBy({
    by: ['carrierId', 'messageRef'],
    where: { assembledAt: null },
    _min: { receivedAt: true },
  });
  return rows
    .filter((r) => r._min.receivedAt && r._min.receivedAt < before)
    .map((r) => ({ carrierId: r.carrierId, messageRef: r.messageRef }));
}
