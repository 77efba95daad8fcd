// Parts of multi-part PAXLST messages (UNH S010 01:C … NN:F), held until every part is in.
// Raw SQL, so they run in a Prisma transaction or in the batch ingest's own.
import type { Prisma } from '../generated/prisma/client.ts';
import { sqlOf, type AnyTx } from './sql-tx.ts';

type Tx = Prisma.TransactionClient;

/** Serialise work on one multi-part message across replicas for the rest of the transaction. */
export async function lockMessage(tx: AnyTx, carrierId: string, messageRef: string): Promise<void> {
  await sqlOf(tx).query('SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext($1))', [
    `${carrierId}|${messageRef}`,
  ]);
}

/** Record a part; false when that part number was already received (a resend). */
export async function recordPart(
  tx: AnyTx,
  p: Omit<StoredPart, 'id' | 'assembledAt' | 'raw'>,
): Promise<boolean> {
  // The caller holds the message's lock, so nobody inserts this part in between.
  const inserted = await sqlOf(tx).query<{ id: string }>(
    `INSERT INTO "MessagePart" (id, "carrierId", "messageRef", "partNumber", last, "submissionId", "receivedAt")
     VALUES (gen_random_uuid(), $1::uuid, $2, $3::int, $4::boolean, $5::uuid, $6::timestamptz)
     ON CONFLICT ("carrierId", "messageRef", "partNumber") DO NOTHING RETURNING id::text AS id`,
    [p.carrierId, p.messageRef, p.partNumber, p.last, p.submissionId, p.receivedAt.toISOString()],
  );
  return inserted.length === 1;
}

export interface StoredPart {
  id: string;
  carrierId: string;
  messageRef: string;
  partNumber: number;
  last: boolean;
  submissionId: string;
  receivedAt: Date;
  assembledAt: Date | null;
  raw: Buffer;
}

export async function partsOf(
  tx: AnyTx,
  carrierId: string,
  messageRef: string,
): Promise<StoredPart[]> {
  const rows = await sqlOf(tx).query<Omit<StoredPart, 'raw'> & { raw: Uint8Array }>(
    `SELECT p.id::text AS id, p."carrierId"::text AS "carrierId", p."messageRef", p."partNumber", p.last,
       p."submissionId"::text AS "submissionId", p."receivedAt", p."assembledAt", s.raw
     FROM "MessagePart" p JOIN "Submission" s ON s.id = p."submissionId"
     WHERE p."carrierId" = $1::uuid AND p."messageRef" = $2 AND p."assembledAt" IS NULL
     ORDER BY p."partNumber"`,
    [carrierId, messageRef],
  );
  return rows.map((r) => ({
    ...r,
    receivedAt: new Date(r.receivedAt),
    assembledAt: r.assembledAt === null ? null : new Date(r.assembledAt),
    raw: Buffer.from(r.raw),
  }));
}

export async function markAssembled(
  tx: AnyTx,
  carrierId: string,
  messageRef: string,
  at: Date,
): Promise<void> {
  await sqlOf(tx).query(
    `UPDATE "MessagePart" SET "assembledAt" = $3::timestamptz
     WHERE "carrierId" = $1::uuid AND "messageRef" = $2 AND "assembledAt" IS NULL`,
    [carrierId, messageRef, at.toISOString()],
  );
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
