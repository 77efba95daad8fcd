// The index's storage: entries, their names as token ids, the vocabulary, the key-pair
// blocks and the document-number map, with incremental add and tombstone removal.
import { CandidateSet } from './candidate-set.ts';
import { documentKey } from './document-number.ts';
import {
  isParticle,
  joinedVariants,
  normaliseName,
  type NormalisedName,
} from './name-normaliser.ts';
import { ANY_DATE, packDate, pairKey, PairPostings, SINGLE } from './pair-postings.ts';
import { parsePartialDate, type PartialDate } from './partial-date.ts';
import { TokenVocabulary } from './token-vocabulary.ts';
import type { WatchlistEntry } from './watchlist-schema.ts';

export interface ListMeta {
  id: string;
  name: string;
  version: string;
  kind: 'persons' | 'documents';
  threshold: number;
}

export interface EntryRecord {
  entry: WatchlistEntry;
  list: number;
  alive: boolean;
  dates: PartialDate[];
  firstName: number;
  nameCount: number;
  docKeys: string[];
}

export class IndexStore {
  readonly vocab = new TokenVocabulary();
  readonly postings = new PairPostings();
  readonly lists: ListMeta[] = [];
  readonly records: EntryRecord[] = [];
  readonly byKey = new Map<string, number>();
  readonly nameRecord: number[] = [];
  /** Packed birth date of the name's entry, ANY_DATE when unknown or several. */
  readonly nameDate: number[] = [];
  /** Which of the entry's listed names a stored name came from (variants share it). */
  readonly nameSource: number[] = [];
  /** Per name, a bit per token position whose word is a particle but not here (LÊ, GIA PHÚC). */
  readonly nameMajorParticles: number[] = [];
  readonly nameTokStart: number[] = [];
  readonly nameTokens: number[] = [];
  readonly docs = new Map<string, number[]>();
  /**
   * Names of entries without any birth date, by their sorted key set: such a name only
   * alerts when every token agrees by spelling or sound (a middle name aside, see
   * undatedLessOne), so it needs no typo blocks, and kept out of the pair blocks it
   * cannot swamp every namesake's date-windowed read.
   */
  readonly undated = new Map<string, number[]>();
  /**
   * The same names by each key set with one key left out (names of three keys or more): a
   * traveller whose passport drops a middle name listed here is found in one lookup.
   */
  readonly undatedLessOne = new Map<string, number[]>();
  /** Scratch for the query being screened (screening is synchronous: one at a time). */
  readonly candidates = new CandidateSet();
  private pending: { keys: Float64Array; refs: Int32Array; count: number } | undefined;
  liveEntries = 0;

  beginBulk(expectedPairs: number): void {
    const n = Math.max(1024, expectedPairs);
    this.pending = { keys: new Float64Array(n), refs: new Int32Array(n), count: 0 };
  }

  endBulk(): void {
    const p = this.pending;
    this.pending = undefined;
    if (p) this.postings.build(p.keys, p.refs, p.count, (ref) => this.nameDate[ref] ?? ANY_DATE);
  }

  private file(key: number, ref: number): void {
    const p = this.pending;
    if (!p) return this.postings.add(key, ref);
    if (p.count === p.keys.length) {
      const keys = new Float64Array(p.keys.length * 2);
      keys.set(p.keys);
      const refs = new Int32Array(p.refs.length * 2);
      refs.set(p.refs);
      p.keys = keys;
      p.refs = refs;
    }
    p.keys[p.count] = key;
    p.refs[p.count] = ref;
    p.count++;
  }

  add(entry: WatchlistEntry, list: number): void {
    const recIdx = this.records.length;
    const rec: EntryRecord = {
      entry,
      list,
      alive: true,
      dates: entry.birthDates
        .map(parsePartialDate)
        .filter((d): d is PartialDate => d !== undefined),
      firstName: this.nameRecord.length,
      nameCount: 0,
      docKeys: [],
    };
    this.records.push(rec);
    this.byKey.set(recordKey(this.lists[list]?.id ?? '', entry.id), recIdx);
    entry.names.forEach((n, source) => {
      const norm = normaliseName(n);
      if (norm.tokens.length === 0) return;
      for (const v of [norm, ...joinedVariants(norm)]) this.addName(v, recIdx, source, rec);
    });
    for (const d of entry.documents) {
      const key = documentKey(d.number);
      if (!key) continue;
      rec.docKeys.push(key);
      const l = this.docs.get(key);
      if (l) l.push(recIdx);
      else this.docs.set(key, [recIdx]);
    }
    this.liveEntries++;
  }

  private addName(norm: NormalisedName, recIdx: number, source: number, rec: EntryRecord): void {
    const ref = this.nameRecord.length;
    this.nameRecord.push(recIdx);
    this.nameSource.push(source);
    let majorParticles = 0;
    norm.tokens.forEach((t, k) => {
      if (k < 30 && !t.particle && isParticle(t.text)) majorParticles |= 1 << k;
    });
    this.nameMajorParticles.push(majorParticles);
    const d = rec.dates.length === 1 ? rec.dates[0] : undefined;
    this.nameDate.push(d ? packDate(d.year, d.month, d.day) : ANY_DATE);
    this.nameTokStart.push(this.nameTokens.length);
    const seen = new Set<number>();
    const major: number[] = [];
    /** Keys two major tokens share (HUSSEIN HASSAN, SAAD SAEED). */
    const repeated: number[] = [];
    for (const t of norm.tokens) {
      const id = this.vocab.intern(t);
      this.nameTokens.push(id);
      if (!seen.has(id)) {
        seen.add(id);
        this.vocab.df[id] = (this.vocab.df[id] ?? 0) + 1;
      }
      const skel = this.vocab.tokenSkel[id] ?? 0;
      if (t.particle || t.initial) continue;
      if (!major.includes(skel)) {
        if (major.length < 6) major.push(skel);
      } else if (!repeated.includes(skel)) repeated.push(skel);
    }
    this.vocab.liveNames++;
    rec.nameCount++;
    if (rec.dates.length === 0) {
      fileUnder(this.undated, undatedKey(major), ref);
      if (major.length >= 3)
        for (const key of undatedKeysLessOne(major)) fileUnder(this.undatedLessOne, key, ref);
      return;
    }
    if (major.length === 1) this.file(pairKey(major[0] ?? 0, major[0] ?? 0), ref);
    // A traveller giving only the two same-key tokens (SAAD SAEED of SAAD SAEED MAHER)
    // probes that key paired with itself.
    else for (const k of repeated) this.file(pairKey(k, k), ref);
    // Single-key blocks: read only for a query token no list spells (a typo) next to a
    // known one, through the birth-date window.
    for (const k of major) this.file(pairKey(k, SINGLE), ref);
    for (let i = 0; i < major.length; i++)
      for (let j = i + 1; j < major.length; j++)
        this.file(pairKey(major[i] ?? 0, major[j] ?? 0), ref);
  }

  kill(recIdx: number): void {
    const rec = this.records[recIdx];
    if (!rec || !rec.alive) return;
    rec.alive = false;
    this.liveEntries--;
    for (let r = rec.firstName; r < rec.firstName + rec.nameCount; r++) {
      const seen = new Set<number>();
      for (const id of this.nameTokensOf(r)) {
        if (seen.has(id)) continue;
        seen.add(id);
        this.vocab.df[id] = Math.max(0, (this.vocab.df[id] ?? 0) - 1);
      }
      this.vocab.liveNames--;
    }
    this.byKey.delete(recordKey(this.lists[rec.list]?.id ?? '', rec.entry.id));
  }

  nameTokensOf(ref: number): number[] {
    return this.nameTokens.slice(this.nameTokStart[ref] ?? 0, this.nameTokensEnd(ref));
  }

  /** End (exclusive) in nameTokens of the name's tokens, which start at nameTokStart[ref]. */
  nameTokensEnd(ref: number): number {
    return this.nameTokStart[ref + 1] ?? this.nameTokens.length;
  }
}

export function undatedKey(skelIds: readonly number[]): string {
  return [...new Set(skelIds)].sort((a, b) => a - b).join(',');
}

/** The key sets of `skelIds` with one key left out, each once. */
export function undatedKeysLessOne(skelIds: readonly number[]): Set<string> {
  const keys = new Set<string>();
  const ids = [...new Set(skelIds)];
  for (let i = 0; i < ids.length; i++) keys.add(undatedKey(ids.filter((_, k) => k !== i)));
  return keys;
}

function fileUnder(map: Map<string, number[]>, key: string, ref: number): void {
  const refs = map.get(key);
  if (refs) refs.push(ref);
  else map.set(key, [ref]);
}

export function recordKey(listId: string, entryId: string): string {
  return `${listId}\u001f${entryId}`;
}
