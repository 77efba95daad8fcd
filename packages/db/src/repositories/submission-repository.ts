// The archive of everything carriers sent. A submission row (raw bytes + hash) is committed
// before any parsing, so a message survives a crash at any later point and can be re-driven.
import { createHash, randomUUID } from 'node:crypto';
import { manifestQuality, type Manifest } from '@paxguard/domain';
import type { Database } from '../database.ts';
import { sqlOf, sqlSource, type AnyTx, type SqlTx } from './sql-tx.ts';

export type SubmissionStatus = 'received' | 'accepted' | 'rejected' | 'duplicate' | 'pending-parts';

export interface ArchiveInput {
  carrierId: string;
  channel: 'http' | 'kafka';
  receivedAt: Date;
  contentType?: string;
  raw: Buffer;
  carrierMessageId?: string;
}

export interface SubmissionOutcome {
  status: SubmissionStatus;
  format?: string;
  interchangeRef?: string;
  messageRef?: string;
  flightKey?: string;
  duplicateOfId?: string;
  errors?: unknown[];
  warnings?: unknown[];
  processedAt: Date;
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

const SUMMARY = {
  id: true,
  carrierId: true,
  channel: true,
  receivedAt: true,
  contentType: true,
  sha256: true,
  sizeBytes: true,
  status: true,
  format: true,
  interchangeRef: true,
  messageRef: true,
  carrierMessageId: true,
  flightKey: true,
  duplicateOfId: true,
  errors: true,
  warnings: true,
  processedAt: true,
} as const;

// The columns `complete` may set, and their SQL types; an absent value leaves the column alone.
const OUTCOME_COLUMNS = {
  status: 'text',
  format: 'text',
  interchangeRef: 'text',
  messageRef: 'text',
  flightKey: 'text',
  duplicateOfId: 'uuid',
  errors: 'jsonb',
  warnings: 'jsonb',
  processedAt: 'timestamptz',
} as const satisfies Partial<Record<keyof SubmissionOutcome | 'duplicateOfId', string>>;

/** Record how processing ended. Only a submission still `received` changes (idempotent). */
export async function completeSubmission(
  tx: AnyTx,
  id: string,
  outcome: SubmissionOutcome,
): Promise<boolean> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [column, type] of Object.entries(OUTCOME_COLUMNS)) {
    const v = outcome[column as keyof SubmissionOutcome];
    if (v === undefined) continue;
    params.push(
      v instanceof Date ? v.toISOString() : type === 'jsonb' && v !== null ? JSON.stringify(v) : v,
    );
    sets.push(`"${column}" = $${params.length}::${type}`);
  }
  const rows = await sqlOf(tx).query<{ id: string }>(
    `UPDATE "Submission" SET ${sets.join(', ')} WHERE id = $1::uuid AND status = 'received' RETURNING id::text AS id`,
    params,
  );
  return rows.length === 1;
}

/** Raw SQL through the driver; Prisma only for the reads it still makes. */
/**
 * Archive raw submissions (bytes, SHA-256, receipt time) in one INSERT: the first write of
 * every path, so nothing accepted is lost whatever happens after.
 */
export async function archiveSubmissions(
  tx: SqlTx,
  inputs: readonly ArchiveInput[],
): Promise<{ id: string; sha256: string }[]> {
  const rows = inputs.map((input) => ({ id: randomUUID(), sha256: sha256Hex(input.raw), input }));
  const params: unknown[] = [];
  const values = rows.map(({ id, sha256, input }) => {
    const n = params.length;
    params.push(
      id,
      input.carrierId,
      input.channel,
      input.receivedAt.toISOString(),
      input.contentType ?? null,
      input.raw,
      sha256,
      input.raw.length,
      input.carrierMessageId ?? null,
    );
    return `($${n + 1}::uuid, $${n + 2}::uuid, $${n + 3}, $${n + 4}::timestamptz, $${n + 5}, $${n + 6}::bytea, $${n + 7}, $${n + 8}::int, $${n + 9})`;
  });
  await tx.query(
    `INSERT INTO "Submission" (id, "carrierId", channel, "receivedAt", "contentType", raw, sha256, "sizeBytes", "carrierMessageId")
     VALUES ${values.join(', ')}`,
    params,
  );
  return rows.map(({ id, sha256 }) => ({ id, sha256 }));
}

export function createSubmissionRepository(db: Database) {
  const sql = sqlSource(db);
  const prisma = sql.prisma;
  return {
    async archive(input: ArchiveInput): Promise<{ id: string; sha256: string }> {
      const [stored] = await archiveSubmissions(sql, [input]);
      return stored!;
    },

    async get(id: string) {
      return prisma.submission.findUnique({ where: { id }, select: { ...SUMMARY, raw: true } });
    },

    /**
     * Timeliness, counts and missing required elements of each manifest version this
     * submission produced, measured against its flight's scheduled departure.
     */
    async quality(id: string) {
      const rows = await prisma.manifestVersion.findMany({
        where: { submissionId: id },
        orderBy: { version: 'asc' },
        select: {
          version: true,
          manifest: true,
          submission: { select: { receivedAt: true } },
          flight: { select: { key: true, scheduledDeparture: true } },
        },
      });
      return rows.map((r) => ({
        flightKey: r.flight.key,
        version: r.version,
        ...manifestQuality(r.manifest as unknown as Manifest, {
          receivedAt: r.submission.receivedAt,
          scheduledDeparture: r.flight.scheduledDeparture,
        }),
      }));
    },

    /** An earlier submission by the same carrier with identical bytes that was accepted or is waiting for parts. */
    async findEarlierIdentical(
      carrierId: string,
      sha256: string,
      beforeId: string,
    ): Promise<{ id: string; status: string } | null> {
      const [row] = await sql.query<{ id: string; status: string }>(
        `SELECT id::text AS id, status FROM "Submission"
         WHERE "carrierId" = $1::uuid AND sha256 = $2 AND id <> $3::uuid AND status IN ('accepted', 'pending-parts')
         ORDER BY "receivedAt" LIMIT 1`,
        [carrierId, sha256, beforeId],
      );
      return row ?? null;
    },

    /** Record how processing ended. Only a submission still `received` changes (idempotent). */
    complete: (id: string, outcome: SubmissionOutcome, tx: AnyTx = prisma): Promise<boolean> =>
      completeSubmission(tx === prisma ? { query: sql.query } : tx, id, outcome),

    /** Submissions archived but never processed (the process died in between): re-drive them. */
    async listUnprocessed(olderThan: Date, limit = 100) {
      return prisma.submission.findMany({
        where: { status: 'received', receivedAt: { lte: olderThan } },
        orderBy: { receivedAt: 'asc' },
        take: limit,
        select: {
          id: true,
          carrierId: true,
          channel: true,
          contentType: true,
          raw: true,
          sha256: true,
          receivedAt: true,
          carrierMessageId: true,
        },
      });
    },

    async listForCarrier(carrierId: string, opts: { limit?: number; before?: Date } = {}) {
      return prisma.submission.findMany({
        where: { carrierId, ...(opts.before ? { receivedAt: { lt: opts.before } } : {}) },
        orderBy: { receivedAt: 'desc' },
        take: Math.min(opts.limit ?? 50, 500),
        select: SUMMARY,
      });
    },
  };
}
export type SubmissionRepository = ReturnType<typeof createSubmissionRepository>;
