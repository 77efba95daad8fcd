// Watchlists and their entries: each list carries a version bumped on every change to it or
// to any of its entries; entries are validated by the watchlist package before they are stored.
import { ConflictError, NotFoundError, ValidationError } from '@paxguard/domain';
import {
  parseWatchlist,
  parseWatchlistEntry,
  type Watchlist,
  type WatchlistEntry,
} from '@paxguard/watchlist';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { recordChange, toJson, type Actor, type Tx } from './reference-change.ts';

export interface WatchlistMeta {
  id: string;
  name: string;
  kind: 'persons' | 'documents';
  alertThreshold: number;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface WatchlistInputMeta {
  id: string;
  name: string;
  kind: 'persons' | 'documents';
  alertThreshold?: number;
}

type Row = Awaited<ReturnType<PrismaClient['referenceWatchlist']['findUnique']>>;

function meta(r: NonNullable<Row>): WatchlistMeta {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as WatchlistMeta['kind'],
    alertThreshold: r.alertThreshold,
    version: r.version,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Validates list metadata and entries together, the way the index will read them. */
function validate(m: WatchlistInputMeta, entries: unknown[]): Watchlist {
  const r = parseWatchlist({
    id: m.id,
    name: m.name,
    version: '1',
    kind: m.kind,
    thresholds: { alert: m.alertThreshold ?? 0.8 },
    entries,
  });
  if (!r.ok)
    throw new ValidationError(
      r.issues[0]?.code ?? 'INVALID_LIST',
      r.issues
        .slice(0, 5)
        .map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`)
        .join('; '),
      { issues: r.issues.slice(0, 100) },
    );
  return r.value;
}

export function createWatchlistRepository(prisma: PrismaClient) {
  async function live(tx: Tx | PrismaClient, id: string) {
    const r = await tx.referenceWatchlist.findUnique({ where: { id } });
    if (!r || r.deletedAt) throw new NotFoundError('WATCHLIST_NOT_FOUND', `no watchlist ${id}`);
    return r;
  }
  async function bump(tx: Tx, id: string, actor: Actor, action: string, details = {}) {
    const r = await tx.referenceWatchlist.update({
      where: { id },
      data: { version: { increment: 1 } },
    });
    await recordChange(tx, {
      area: 'watchlist',
      listId: id,
      version: r.version,
      actor,
      action,
      subjectType: 'watchlist',
      subjectId: id,
      details,
    });
    return meta(r);
  }

  return {
    async list(): Promise<(WatchlistMeta & { entries: number })[]> {
      const rows = await prisma.referenceWatchlist.findMany({
        where: { deletedAt: null },
        orderBy: { id: 'asc' },
      });
      const counts = await prisma.referenceWatchlistEntry.groupBy({
        by: ['listId'],
        _count: { _all: true },
      });
      const n = new Map(counts.map((c) => [c.listId, c._count._all]));
      return rows.map((r) => ({ ...meta(r), entries: n.get(r.id) ?? 0 }));
    },

    async get(id: string): Promise<WatchlistMeta> {
      return meta(await live(prisma, id));
    },

    async create(input: WatchlistInputMeta, actor: Actor): Promise<WatchlistMeta> {
      validate(input, []);
      return prisma.$transaction(async (tx) => {
        const existing = await tx.referenceWatchlist.findUnique({ where: { id: input.id } });
        if (existing && !existing.deletedAt)
          throw new ConflictError('WATCHLIST_EXISTS', `watchlist ${input.id} already exists`);
        // A list deleted earlier comes back with its version still growing, so versions never repeat.
        const r = existing
          ? await tx.referenceWatchlist.update({
              where: { id: input.id },
              data: {
                name: input.name,
                kind: input.kind,
                alertThreshold: input.alertThreshold ?? 0.8,
                deletedAt: null,
                version: { increment: 1 },
              },
            })
          : await tx.referenceWatchlist.create({
              data: {
                id: input.id,
                name: input.name,
                kind: input.kind,
                alertThreshold: input.alertThreshold ?? 0.8,
                createdBy: actor.id,
              },
            });
        if (existing) await tx.referenceWatchlistEntry.deleteMany({ where: { listId: input.id } });
        await recordChange(tx, {
          area: 'watchlist',
          listId: r.id,
          version: r.version,
          actor,
          action: 'watchlist.create',
          subjectType: 'watchlist',
          subjectId: r.id,
          details: { name: r.name, kind: r.kind },
        });
        return meta(r);
      });
    },

    async update(
      id: string,
      patch: { name?: string; alertThreshold?: number },
      actor: Actor,
    ): Promise<WatchlistMeta> {
      return prisma.$transaction(async (tx) => {
        const cur = await live(tx, id);
        validate(
          {
            id,
            name: patch.name ?? cur.name,
            kind: cur.kind as WatchlistMeta['kind'],
            alertThreshold: patch.alertThreshold ?? cur.alertThreshold,
          },
          [],
        );
        await tx.referenceWatchlist.update({
          where: { id },
          data: {
            ...(patch.name !== undefined ? { name: patch.name } : {}),
            ...(patch.alertThreshold !== undefined ? { alertThreshold: patch.alertThreshold } : {}),
          },
        });
        return bump(tx, id, actor, 'watchlist.update', patch);
      });
    },

    async remove(id: string, actor: Actor): Promise<void> {
      await prisma.$transaction(async (tx) => {
        await live(tx, id);
        await tx.referenceWatchlist.update({ where: { id }, data: { deletedAt: new Date() } });
        await tx.referenceWatchlistEntry.deleteMany({ where: { listId: id } });
        await bump(tx, id, actor, 'watchlist.delete');
      });
    },

    async entries(
      id: string,
      opts: { limit?: number; offset?: number } = {},
    ): Promise<{ total: number; entries: WatchlistEntry[] }> {
      await live(prisma, id);
      const [total, rows] = await Promise.all([
        prisma.referenceWatchlistEntry.count({ where: { listId: id } }),
        prisma.referenceWatchlistEntry.findMany({
          where: { listId: id },
          orderBy: { entryId: 'asc' },
          take: Math.min(opts.limit ?? 100, 1000),
          skip: opts.offset ?? 0,
        }),
      ]);
      return { total, entries: rows.map((r) => r.entry as unknown as WatchlistEntry) };
    },

    async entry(id: string, entryId: string): Promise<WatchlistEntry> {
      const r = await prisma.referenceWatchlistEntry.findUnique({
        where: { listId_entryId: { listId: id, entryId } },
      });
      if (!r) throw new NotFoundError('ENTRY_NOT_FOUND', `no entry ${entryId} in watchlist ${id}`);
      return r.entry as unknown as WatchlistEntry;
    },

    async upsertEntry(id: string, input: unknown, actor: Actor): Promise<WatchlistMeta> {
      const parsed = parseWatchlistEntry(input);
      if (!parsed.ok)
        throw new ValidationError(
          parsed.issues[0]?.code ?? 'INVALID_ENTRY',
          parsed.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join('; '),
          { issues: parsed.issues },
        );
      return prisma.$transaction(async (tx) => {
        const list = await live(tx, id);
        const [entry] = validate(
          { id, name: list.name, kind: list.kind as WatchlistMeta['kind'] },
          [parsed.value],
        ).entries;
        await tx.referenceWatchlistEntry.upsert({
          where: { listId_entryId: { listId: id, entryId: parsed.value.id } },
          create: {
            listId: id,
            entryId: parsed.value.id,
            entry: toJson(entry),
            updatedBy: actor.id,
          },
          update: { entry: toJson(entry), updatedBy: actor.id },
        });
        return bump(tx, id, actor, 'watchlist.entry.upsert', { entryId: parsed.value.id });
      });
    },

    async removeEntry(id: string, entryId: string, actor: Actor): Promise<WatchlistMeta> {
      return prisma.$transaction(async (tx) => {
        await live(tx, id);
        const gone = await tx.referenceWatchlistEntry.deleteMany({
          where: { listId: id, entryId },
        });
        if (gone.count === 0)
          throw new NotFoundError('ENTRY_NOT_FOUND', `no entry ${entryId} in watchlist ${id}`);
        return bump(tx, id, actor, 'watchlist.entry.remove', { entryId });
      });
    },

    /**
     * Bulk import of a JSON list of entries, validated as a whole (duplicate ids included).
     * `replace` drops the entries not in the file; otherwise the file's entries are upserted.
     */
    async importEntries(
      id: string,
      json: unknown,
      actor: Actor,
      opts: { replace?: boolean } = {},
    ): Promise<WatchlistMeta & { imported: number }> {
      if (!Array.isArray(json))
        throw new ValidationError('INVALID_LIST', 'expected a JSON array of watchlist entries');
      const cur = await live(prisma, id);
      const list = validate(
        {
          id,
          name: cur.name,
          kind: cur.kind as WatchlistMeta['kind'],
          alertThreshold: cur.alertThreshold,
        },
        json,
      );
      return prisma.$transaction(
        async (tx) => {
          await live(tx, id);
          if (opts.replace) await tx.referenceWatchlistEntry.deleteMany({ where: { listId: id } });
          else
            await tx.$executeRawUnsafe(
              `DELETE FROM "ReferenceWatchlistEntry" WHERE "listId" = $1 AND "entryId" = ANY($2::text[])`,
              id,
              list.entries.map((e) => e.id),
            );
          // unnest over (id, json) arrays: one statement per 5 000 entries, not one row object each.
          for (let i = 0; i < list.entries.length; i += 5000) {
            const batch = list.entries.slice(i, i + 5000);
            await tx.$executeRawUnsafe(
              `INSERT INTO "ReferenceWatchlistEntry" ("listId","entryId","entry","updatedBy","updatedAt")
               SELECT $1, e, j::jsonb, $2, now() FROM unnest($3::text[], $4::text[]) AS t(e, j)`,
              id,
              actor.id,
              batch.map((e) => e.id),
              batch.map((e) => JSON.stringify(e)),
            );
          }
          const m = await bump(tx, id, actor, 'watchlist.import', {
            entries: list.entries.length,
            replace: opts.replace ?? false,
          });
          return { ...m, imported: list.entries.length };
        },
        // Large lists take a while; the timeout grows with them.
        { timeout: Math.max(120_000, list.entries.length * 2), maxWait: 30_000 },
      );
    },

    /** Every live list with its entries, in the watchlist package's own type. */
    async loadAll(): Promise<Watchlist[]> {
      const lists = await prisma.referenceWatchlist.findMany({
        where: { deletedAt: null },
        orderBy: { id: 'asc' },
      });
      const out: Watchlist[] = [];
      for (const l of lists) {
        const rows = await prisma.referenceWatchlistEntry.findMany({
          where: { listId: l.id },
          orderBy: { entryId: 'asc' },
          select: { entry: true },
        });
        out.push({
          id: l.id,
          name: l.name,
          version: String(l.version),
          kind: l.kind as Watchlist['kind'],
          thresholds: { alert: l.alertThreshold },
          entries: rows.map((r) => r.entry as unknown as WatchlistEntry),
        });
      }
      return out;
    },
  };
}
export type WatchlistRepository = ReturnType<typeof createWatchlistRepository>;
