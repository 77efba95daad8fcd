// Cleared travellers: known false positives, each suppressing one entry until its expiry.
import { NotFoundError, ValidationError } from '@paxguard/domain';
import { ClearedTraveller } from '@paxguard/watchlist';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { recordChange, toJson, type Actor } from './reference-change.ts';

export interface StoredClearedTraveller {
  id: string;
  record: ClearedTraveller;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

function stored(r: {
  id: string;
  record: unknown;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}): StoredClearedTraveller {
  return {
    id: r.id,
    record: r.record as ClearedTraveller,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    revokedAt: r.revokedAt,
  };
}

export function createClearedRepository(prisma: PrismaClient) {
  return {
    /** The actor is recorded as `clearedBy` whatever the input says: clearance is accountable. */
    async add(input: unknown, actor: Actor): Promise<StoredClearedTraveller> {
      const withActor =
        typeof input === 'object' && input !== null ? { ...input, clearedBy: actor.id } : input;
      const r = ClearedTraveller.safeParse(withActor);
      if (!r.success)
        throw new ValidationError(
          'INVALID_CLEARED_RECORD',
          r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
          { issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
        );
      const rec = r.data;
      return prisma.$transaction(async (tx) => {
        const row = await tx.referenceClearedTraveller.create({
          data: {
            entryId: rec.entryId,
            listId: rec.listId ?? null,
            record: toJson(rec),
            validFrom: new Date(rec.validFrom),
            validUntil: new Date(rec.validUntil),
            createdBy: actor.id,
          },
        });
        await recordChange(tx, {
          area: 'cleared',
          actor,
          action: 'cleared.add',
          subjectType: 'cleared-traveller',
          subjectId: row.id,
          details: { entryId: rec.entryId, listId: rec.listId, validUntil: rec.validUntil },
        });
        return stored(row);
      });
    },

    async revoke(id: string, actor: Actor): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const row = await tx.referenceClearedTraveller.findUnique({ where: { id } });
        if (!row || row.revokedAt)
          throw new NotFoundError('CLEARED_NOT_FOUND', `no current cleared traveller ${id}`);
        await tx.referenceClearedTraveller.update({
          where: { id },
          data: { revokedAt: new Date(), revokedBy: actor.id },
        });
        await recordChange(tx, {
          area: 'cleared',
          actor,
          action: 'cleared.revoke',
          subjectType: 'cleared-traveller',
          subjectId: id,
          details: { entryId: row.entryId },
        });
      });
    },

    async get(id: string): Promise<StoredClearedTraveller> {
      const row = await prisma.referenceClearedTraveller.findUnique({ where: { id } });
      if (!row) throw new NotFoundError('CLEARED_NOT_FOUND', `no cleared traveller ${id}`);
      return stored(row);
    },

    /** Clearances not revoked and not expired at `now` (all of them with `includeExpired`). */
    async list(
      opts: { now?: Date; includeExpired?: boolean; entryId?: string; limit?: number } = {},
    ): Promise<StoredClearedTraveller[]> {
      const rows = await prisma.referenceClearedTraveller.findMany({
        where: {
          ...(opts.entryId ? { entryId: opts.entryId } : {}),
          ...(opts.includeExpired
            ? {}
            : { revokedAt: null, validUntil: { gt: opts.now ?? new Date() } }),
        },
        orderBy: { createdAt: 'asc' },
        take: Math.min(opts.limit ?? 10_000, 100_000),
      });
      return rows.map(stored);
    },
  };
}
export type ClearedRepository = ReturnType<typeof createClearedRepository>;
