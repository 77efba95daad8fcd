// The in-process screening index: listed names become canonical tokens, phonetic keys and
// key-pair blocks; a query gathers candidates through one-edit key neighbours, then scores.
import { documentKey, plainDocumentNumber } from './document-number.ts';
import { birthDateFactor } from './birth-date-matcher.ts';
import { bestNameAgreement, findCandidates, QueryContext } from './candidate-finder.ts';
import { ClearedList } from './cleared-list.ts';
import { scoreEntry, type DocumentAgreement, type HitExplanation } from './entry-scorer.ts';
import { IndexStore, recordKey, type ListMeta } from './index-store.ts';
import { dateWindow } from './pair-postings.ts';
import { fail, ok, type Result } from './watchlist-issues.ts';
import type { WatchlistQuery } from './watchlist-query.ts';
import {
  parseWatchlistEntry,
  type ClearedTraveller,
  type Watchlist,
  type WatchlistEntry,
  type WatchlistSeverity,
} from './watchlist-schema.ts';
export interface WatchlistHit {
  entryId: string;
  listId: string;
  listName: string;
  listVersion: string;
  category: string;
  severity: WatchlistSeverity;
  /** In [0, 1]; at or above the list's alert threshold. */
  score: number;
  threshold: number;
  /** The listed name (primary or alias) that matched best, as listed. */
  matchedName?: string;
  explanation: HitExplanation;
}

export interface WatchlistIndexOptions {
  cleared?: readonly ClearedTraveller[];
  /** At most this many hits per query, best first (default 20). */
  maxHits?: number;
}

export interface WatchlistIndexStats {
  lists: number;
  entries: number;
  names: number;
  tokens: number;
  phoneticKeys: number;
  pairKeys: number;
  postings: number;
  deltaPostings: number;
  documents: number;
  cleared: number;
  approxBytes: number;
}

export interface WatchlistIndex {
  screen(query: WatchlistQuery, now: Date): WatchlistHit[];
  /** Adds or replaces an entry of a list already in the index. */
  upsert(entry: unknown, listId: string): Result<{ id: string; created: boolean }>;
  /** Removes the entry from every list (or from `listId` only); false when absent. */
  remove(id: string, listId?: string): boolean;
  addCleared(record: ClearedTraveller): void;
  /** Folds incremental additions into the compact blocks (optional housekeeping). */
  compact(): void;
  stats(): WatchlistIndexStats;
}

const DEFAULT_MAX_HITS = 20;

export function buildWatchlistIndex(
  lists: readonly Watchlist[],
  options: WatchlistIndexOptions = {},
): WatchlistIndex {
  let store = bulkLoad(
    lists.map((l) => ({
      meta: {
        id: l.id,
        name: l.name,
        version: l.version,
        kind: l.kind,
        threshold: l.thresholds.alert,
      },
      entries: l.entries,
    })),
  );
  const cleared = new ClearedList(options.cleared ?? []);
  const maxHits = options.maxHits ?? DEFAULT_MAX_HITS;
  return {
    screen: (query, now) => screen(store, cleared, query, now, maxHits),
    upsert(entry, listId) {
      const list = store.lists.findIndex((l) => l.id === listId);
      if (list < 0) return fail('UNKNOWN_LIST', `no list ${listId} in this index`, 'listId');
      const parsed = parseWatchlistEntry(entry);
      if (!parsed.ok) return parsed;
      const e = parsed.value;
      if (store.lists[list]?.kind === 'persons' && e.names.length === 0)
        return fail('EMPTY_NAME', `entry ${e.id} of a persons list has no name`, 'names');
      const known = store.byKey.get(recordKey(listId, e.id));
      if (known !== undefined) store.kill(known);
      store.add(e, list);
      return ok({ id: e.id, created: known === undefined });
    },
    remove(id, listId) {
      let removed = false;
      for (const l of store.lists) {
        if (listId !== undefined && l.id !== listId) continue;
        const known = store.byKey.get(recordKey(l.id, id));
        if (known === undefined) continue;
        store.kill(known);
        removed = true;
      }
      return removed;
    },
    addCleared: (record) => cleared.add(record),
    compact: () => {
      const live = store.lists.map((meta, i) => ({
        meta,
        entries: store.records.filter((r) => r.alive && r.list === i).map((r) => r.entry),
      }));
      store = bulkLoad(live);
    },
    stats: () => {
      const p = store.postings.size;
      return {
        lists: store.lists.length,
        entries: store.liveEntries,
        names: store.vocab.liveNames,
        tokens: store.vocab.texts.length,
        phoneticKeys: store.vocab.skels.length,
        pairKeys: p.keys,
        postings: p.postings,
        deltaPostings: p.delta,
        documents: store.docs.size,
        cleared: cleared.size,
        approxBytes:
          store.postings.bytes +
          (store.nameRecord.length * 2 + store.nameTokens.length) * 8 +
          store.records.length * 160 +
          store.vocab.texts.length * 120 +
          store.docs.size * 80,
      };
    },
  };
}

function bulkLoad(lists: { meta: ListMeta; entries: readonly WatchlistEntry[] }[]): IndexStore {
  const store = new IndexStore();
  store.beginBulk(lists.reduce((n, l) => n + l.entries.length, 0) * 8);
  for (const { meta, entries } of lists) {
    const idx = store.lists.length;
    store.lists.push(meta);
    for (const e of entries) {
      const known = store.byKey.get(recordKey(meta.id, e.id));
      if (known !== undefined) store.kill(known);
      store.add(e, idx);
    }
  }
  store.endBulk();
  return store;
}

function screen(
  store: IndexStore,
  cleared: ClearedList,
  query: WatchlistQuery,
  now: Date,
  maxHits: number,
): WatchlistHit[] {
  const ctx = new QueryContext(store, query.names);
  const candidates = store.candidates;
  candidates.reset(store.records.length);
  const bd = query.birthDate;
  const window = bd?.month && bd.day ? dateWindow(bd.year, bd.month, bd.day) : undefined;
  for (const qn of ctx.names) findCandidates(store, qn, window, candidates);
  const docHits = new Map<number, DocumentAgreement>();
  for (const d of query.documents)
    for (const recIdx of store.docs.get(d.key) ?? []) {
      const rec = store.records[recIdx];
      if (!rec?.alive) continue;
      const listed = rec.entry.documents.find((x) => documentKey(x.number) === d.key);
      if (!listed) continue;
      const exact = plainDocumentNumber(listed.number) === d.number;
      const prev = docHits.get(recIdx);
      if (prev && prev.how === 'exact') continue;
      docHits.set(recIdx, {
        traveller: d.number,
        listed: listed.number,
        how: exact ? 'exact' : 'confusable',
        issuingStateConflict:
          d.issuingState !== undefined &&
          listed.issuingState !== undefined &&
          d.issuingState !== listed.issuingState,
      });
      candidates.add(recIdx);
    }
  const hits: WatchlistHit[] = [];
  const listBits = Math.log2(Math.max(store.vocab.liveNames, 1000) + 1);
  for (let c = 0; c < candidates.size; c++) {
    const recIdx = candidates.at(c);
    const rec = store.records[recIdx];
    const list = rec ? store.lists[rec.list] : undefined;
    if (!rec || !list) continue;
    const doc = docHits.get(recIdx);
    // Cheap bound first: a conflicting birth date rules most namesakes out unscored.
    if (!doc && birthDateFactor(query.birthDate, rec.dates) < list.threshold) continue;
    const best = list.kind === 'persons' ? bestNameAgreement(store, rec, ctx) : undefined;
    // Display names are filled in only for hits: most candidates score below the threshold.
    const name = best ? { ...best.agreement, listedName: '', queryName: '' } : undefined;
    const scored = scoreEntry(rec.entry, rec.dates, list.kind, query, name, doc, listBits);
    if (scored.score < list.threshold) continue;
    if (name && best) {
      name.listedName = listedDisplay(rec.entry.names[best.listedSource]);
      name.queryName = best.queryName.norm.display;
    }
    if (cleared.find(rec.entry.id, list.id, query, now)) continue;
    hits.push({
      entryId: rec.entry.id,
      listId: list.id,
      listName: list.name,
      listVersion: list.version,
      category: rec.entry.category,
      severity: rec.entry.severity,
      score: Math.round(scored.score * 1000) / 1000,
      threshold: list.threshold,
      ...(name ? { matchedName: name.listedName } : {}),
      explanation: scored.explain(),
    });
  }
  hits.sort((a, b) => b.score - a.score || a.entryId.localeCompare(b.entryId));
  return hits.slice(0, maxHits);
}

function listedDisplay(n: WatchlistEntry['names'][number] | undefined): string {
  if (n === undefined) return '';
  return typeof n === 'string' ? n : `${n.surname}, ${n.given.join(' ')}`;
}
