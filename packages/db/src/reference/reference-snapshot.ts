// Everything the screener needs, in the engines' own types, with one stable version string
// (a hash over every area's version) that names the reference data a verdict was reached with.
import { createHash } from 'node:crypto';
import type { TravelAuthorisation } from '@paxguard/documents';
import type { Profile } from '@paxguard/profiles';
import type { ClearedTraveller, Watchlist } from '@paxguard/watchlist';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createAuthorisationRepository } from './authorisation-repository.ts';
import { createClearedRepository } from './cleared-repository.ts';
import { createEntryRulesRepository } from './entry-rules-repository.ts';
import { createLostStolenRepository, type LostStolenRow } from './lost-stolen-repository.ts';
import { createRiskProfileRepository } from './risk-profile-repository.ts';
import { readShippedEntryRules, type EntryRulesFiles } from './shipped-entry-rules.ts';
import { createWatchlistRepository } from './watchlist-repository.ts';

export interface ReferenceSnapshot {
  /** Stable hash of `versions`: equal snapshots have equal versions. */
  version: string;
  /** Area (`watchlist:<id>`, `cleared`, `profiles`, `entry-rules`, `authorisations`, `lost-stolen`) → version. */
  versions: Record<string, string>;
  watchlists: Watchlist[];
  /** Clearances neither revoked nor expired at `now`. */
  cleared: ClearedTraveller[];
  /** Active profiles whose window has not ended at `now` (the screener still calls isActive). */
  profiles: Profile[];
  entryRules: EntryRulesFiles & { source: 'database' | 'shipped' };
  /** Every registered authorisation; revoked ones carry `revoked: true`. */
  authorisations: TravelAuthorisation[];
  lostStolen: {
    /** `list@version` of each current list, comma-separated; `none` without any. */
    version: string;
    count: number;
    /**
     * Read in pages from the database each time it is iterated. A list's rows stay readable
     * until the import after the next one, so a snapshot being loaded is never cut short.
     */
    rows: AsyncIterable<LostStolenRow>;
    /** The same rows as CSV text chunks (`issuing_state,number,status,reported_date`), no header. */
    csvChunks: AsyncIterable<string>;
  };
}

export interface SnapshotOptions {
  now?: Date;
  /** Used when no entry-rules version is stored; defaults to the documents package's files. */
  shippedEntryRules?: EntryRulesFiles;
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A hash of the version map with its keys sorted: independent of the order areas are read in. */
export function snapshotVersion(versions: Record<string, string>): string {
  const sorted = Object.keys(versions)
    .sort()
    .map((k) => [k, versions[k]]);
  return `ref-${sha(JSON.stringify(sorted)).slice(0, 16)}`;
}

/** Shipped rules when none is stored: the caller's override, else the documents package's file. */
function fallbackRules(options: SnapshotOptions): EntryRulesFiles {
  return (
    options.shippedEntryRules ?? {
      visaMatrixCsv: readShippedEntryRules().visaMatrixCsv,
      rulesFiles: [readShippedEntryRules().rulesFile],
    }
  );
}

/** The per-area versions from small queries only (no list content), inside the caller's transaction. */
async function readVersions(
  p: PrismaClient,
  now: Date,
  fallback: EntryRulesFiles,
): Promise<Record<string, string>> {
  const [areas, lists, cleared, profiles, rules, imports] = await Promise.all([
    p.referenceAreaVersion.findMany(),
    p.referenceWatchlist.findMany({
      where: { deletedAt: null },
      orderBy: { id: 'asc' },
      select: { id: true, version: true },
    }),
    p.referenceClearedTraveller.findMany({
      where: { revokedAt: null, validUntil: { gt: now } },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    }),
    p.referenceRiskProfile.findMany({
      where: { status: 'active', OR: [{ effectiveTo: null }, { effectiveTo: { gt: now } }] },
      orderBy: [{ profileId: 'asc' }, { version: 'asc' }],
      select: { profileId: true, version: true },
    }),
    p.referenceEntryRulesVersion.findMany({
      orderBy: [{ effectiveFrom: 'asc' }, { createdAt: 'asc' }],
      select: { sha256: true },
    }),
    p.referenceLostStolenImport.findMany({
      where: { status: 'current' },
      orderBy: { listId: 'asc' },
      select: { listId: true, version: true },
    }),
  ]);
  const area = new Map(areas.map((a) => [a.area, String(a.version)]));
  const versions: Record<string, string> = {};
  for (const w of lists) versions[`watchlist:${w.id}`] = String(w.version);
  // Expiry changes the cleared set without a write: the ids in force are part of its version.
  versions.cleared = `${area.get('cleared') ?? '0'}:${sha(cleared.map((c) => c.id).join(',')).slice(0, 8)}`;
  versions.profiles = profiles.map((r) => `${r.profileId}@${r.version}`).join(',') || 'none';
  versions['entry-rules'] =
    rules.length > 0
      ? `db:${area.get('entry-rules') ?? '0'}:${sha(rules.map((r) => r.sha256).join(',')).slice(0, 12)}`
      : `shipped:${sha(fallback.rulesFiles.join('\n')).slice(0, 12)}`;
  versions.authorisations = area.get('authorisations') ?? '0';
  versions['lost-stolen'] = imports.map((i) => `${i.listId}@${i.version}`).join(',') || 'none';
  return versions;
}

/**
 * Only the versions (cheap: no list content is read), e.g. for a screener to decide whether
 * its loaded snapshot is still current. Same values as the snapshot's `version`/`versions`.
 */
export async function loadReferenceVersions(
  prisma: PrismaClient,
  options: SnapshotOptions = {},
): Promise<{ version: string; versions: Record<string, string> }> {
  const versions = await readVersions(prisma, options.now ?? new Date(), fallbackRules(options));
  return { version: snapshotVersion(versions), versions };
}

export async function loadReferenceSnapshot(
  prisma: PrismaClient,
  options: SnapshotOptions = {},
): Promise<ReferenceSnapshot> {
  const now = options.now ?? new Date();
  const fallback = fallbackRules(options);
  const lostStolenRepo = createLostStolenRepository(prisma);
  // One repeatable-read transaction: the versions and the content come from the same instant.
  const [versions, watchlists, cleared, profiles, rulesTexts, authorisations, lsImports] =
    await prisma.$transaction(
      async (tx) => {
        const p = tx as unknown as PrismaClient;
        return Promise.all([
          readVersions(p, now, fallback),
          createWatchlistRepository(p).loadAll(),
          createClearedRepository(p).list({ now }),
          createRiskProfileRepository(p).loadActive(now),
          createEntryRulesRepository(p).allTexts(),
          createAuthorisationRepository(p).loadAll(),
          createLostStolenRepository(p).current(),
        ]);
      },
      { isolationLevel: 'RepeatableRead', timeout: 120_000, maxWait: 30_000 },
    );

  const entryRules: ReferenceSnapshot['entryRules'] =
    rulesTexts.length > 0
      ? { visaMatrixCsv: fallback.visaMatrixCsv, rulesFiles: rulesTexts, source: 'database' }
      : { ...fallback, source: 'shipped' };

  return {
    version: snapshotVersion(versions),
    versions,
    watchlists,
    cleared: cleared.map((c) => c.record),
    profiles,
    entryRules,
    authorisations,
    lostStolen: {
      version: versions['lost-stolen'] ?? 'none',
      count: lsImports.reduce((n, i) => n + i.accepted, 0),
      rows: {
        [Symbol.asyncIterator]: () => lostStolenRepo.rows(lsImports.map((i) => i.id)),
      },
      csvChunks: {
        [Symbol.asyncIterator]: () => lostStolenRepo.csvChunks(lsImports.map((i) => i.id)),
      },
    },
  };
}
