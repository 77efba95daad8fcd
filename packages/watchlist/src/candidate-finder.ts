// Query side of the index: expand each query token to listed phonetic keys within one
// edit (or by prefix when an MRZ cut it), probe key-pair blocks, then align names.
import type { CandidateSet } from './candidate-set.ts';
import { equivalentKeys } from './chinese-romanisation.ts';
import {
  undatedKey,
  undatedKeysLessOne,
  type EntryRecord,
  type IndexStore,
} from './index-store.ts';
import {
  isParticle,
  joinedVariants,
  type NameToken,
  type NormalisedName,
} from './name-normaliser.ts';
import {
  alignNames,
  tokenSimilarity,
  type NameAgreement,
  type TokenSim,
  type WeightedToken,
} from './token-matcher.ts';
import type { SkeletonNeighbour } from './token-vocabulary.ts';
import { SINGLE, type DateWindow } from './pair-postings.ts';
import { boundedEditDistance } from './string-similarity.ts';

const PARTICLE_WEIGHT = 0.1;
const INITIAL_WEIGHT = 0.3;
/** Two misspelt tokens at once: only probed when the neighbour sets are small. */
const MAX_DOUBLE_FUZZY_PROBES = 64;

export interface QueryName {
  norm: NormalisedName;
  tokens: WeightedToken[];
  /** Per query token: similarity to listed token ids, filled lazily. */
  cache: Map<number, TokenSim>[];
}

export class QueryContext {
  readonly names: QueryName[];
  private readonly listedTokens = new Map<number, WeightedToken>();
  private readonly listedMajorTokens = new Map<number, WeightedToken>();

  constructor(
    private readonly store: IndexStore,
    names: readonly NormalisedName[],
  ) {
    const all = names.flatMap((n) => [n, ...joinedVariants(n)]);
    this.names = all.map((norm) => ({
      norm,
      tokens: norm.tokens.map((t) =>
        this.weighted(t.text, t.skeleton, store.vocab.tokenId(t.text), t.particle),
      ),
      cache: norm.tokens.map(() => new Map<number, TokenSim>()),
    }));
  }

  private weighted(
    text: string,
    skeleton: string,
    id: number | undefined,
    particle: boolean,
  ): WeightedToken {
    const initial = text.length === 1;
    return {
      text,
      skeleton,
      weight: particle ? PARTICLE_WEIGHT : initial ? INITIAL_WEIGHT : this.store.vocab.weight(id),
      bits: particle || initial ? 0 : this.store.vocab.bits(id),
      minor: particle || initial,
    };
  }

  /** A listed token; `major` when its word is a particle but not in this name (a surname). */
  listed(id: number, major = false): WeightedToken {
    const cache = major ? this.listedMajorTokens : this.listedTokens;
    let t = cache.get(id);
    if (!t) {
      const v = this.store.vocab;
      const text = v.texts[id] ?? '';
      t = this.weighted(text, v.skels[v.tokenSkel[id] ?? 0] ?? '', id, !major && isParticle(text));
      cache.set(id, t);
    }
    return t;
  }
}

/**
 * Adds to `out` every live entry with a name sharing two keys (misspelt or cut) whose
 * birth date can agree with the window: a disagreeing date caps the score (0.55) below
 * every permitted threshold, so those namesakes are never read.
 */
export function findCandidates(
  store: IndexStore,
  qn: QueryName,
  window: DateWindow | undefined,
  out: CandidateSet,
): void {
  const toks = qn.norm.tokens.filter((t) => !t.initial);
  const lastMajor = toks.length - 1;
  const expansions: SkeletonNeighbour[][] = toks.map((t, i) => {
    const near = withEquivalents(store, t.text, store.vocab.neighbours(t.skeleton));
    if (!qn.norm.mrz || i !== lastMajor) return near;
    return near.concat(store.vocab.prefixNeighbours(t.text));
  });
  const visit = (ref: number) => {
    const recIdx = store.nameRecord[ref] ?? -1;
    if (!out.has(recIdx) && store.records[recIdx]?.alive) out.add(recIdx);
  };
  const postings = store.postings;
  // Entries without a birth date: the key set of the name, and the sets one key apart (a
  // middle name the passport or the listing lacks), a few lookups.
  const major: number[] = [];
  let unknown = 0;
  for (const t of qn.norm.tokens) {
    if (t.particle || t.initial || major.length >= 6) continue;
    const id = store.vocab.skeletonId(t.skeleton);
    if (id === undefined) unknown++;
    else if (!major.includes(id)) major.push(id);
  }
  if (unknown === 0) {
    const key = undatedKey(major);
    for (const ref of store.undated.get(key) ?? []) visit(ref);
    for (const ref of store.undatedLessOne.get(key) ?? []) visit(ref);
    if (major.length >= 3)
      for (const less of undatedKeysLessOne(major))
        for (const ref of store.undated.get(less) ?? []) visit(ref);
  } else if (unknown === 1 && major.length >= 2)
    for (const ref of store.undated.get(undatedKey(major)) ?? []) visit(ref);
  if (window) findTypoCandidates(store, toks, window, out);
  forEachProbe(expansions, (a, b) => postings.probe(a, b, window, visit));
}

/**
 * The key pairs to read for a name's expanded tokens: each token's own key alone (when it
 * is the only token or the key is its own), and across two tokens every pair of keys at
 * most one edit apart in total, or two when both neighbour lists are short.
 */
export function forEachProbe(
  expansions: readonly SkeletonNeighbour[][],
  probe: (a: number, b: number) => void,
): void {
  // Each token's same-key expansions, in order: a one-edit key on one side pairs only with
  // these on the other, so the loop never walks the product of two long lists.
  const exact = expansions.map((e) => e.filter((n) => n.distance === 0));
  for (let i = 0; i < expansions.length; i++) {
    const ei = expansions[i] ?? [];
    for (const a of ei) if (a.distance === 0 || expansions.length === 1) probe(a.skelId, a.skelId);
    for (let j = i + 1; j < expansions.length; j++) {
      const ej = expansions[j] ?? [];
      const xj = exact[j] ?? [];
      if (ei.length * ej.length <= MAX_DOUBLE_FUZZY_PROBES)
        for (const a of ei) for (const b of ej) probe(a.skelId, b.skelId);
      else
        for (const a of ei) for (const b of a.distance === 0 ? ej : xj) probe(a.skelId, b.skelId);
    }
  }
}

/** A Chinese surname's other romanisations' keys join its neighbours (LEE reads LI's blocks). */
function withEquivalents(
  store: IndexStore,
  text: string,
  near: SkeletonNeighbour[],
): SkeletonNeighbour[] {
  const keys = equivalentKeys(text);
  if (keys.length === 0) return near;
  const out = near.slice();
  for (const k of keys) {
    const id = store.vocab.skeletonId(k);
    if (id !== undefined && !out.some((n) => n.skelId === id))
      out.push({ skelId: id, distance: 0 });
  }
  return out;
}

/** Typos that break a phonetic key by more than one edit (CMHANDRAN, ZENV). */
const MAX_TYPO_EDITS = 2;

/**
 * A token no list spells is a typo or an unseen spelling: read the single-key blocks of
 * the name's known tokens through the date window and keep the names holding a token
 * within two edits of it. Queries whose tokens are all listed spellings skip this.
 */
function findTypoCandidates(
  store: IndexStore,
  toks: readonly NameToken[],
  window: DateWindow,
  out: CandidateSet,
): void {
  const vocab = store.vocab;
  const unknown = toks.filter(
    (t) => !t.particle && t.text.length >= 3 && vocab.tokenId(t.text) === undefined,
  );
  if (unknown.length === 0 || unknown.length === toks.length) return;
  const close = new Map<number, boolean>();
  for (const known of toks) {
    if (known.particle || unknown.includes(known)) continue;
    const skel = vocab.skeletonId(known.skeleton);
    if (skel === undefined) continue;
    store.postings.probe(skel, SINGLE, window, (ref) => {
      const recIdx = store.nameRecord[ref] ?? -1;
      if (out.has(recIdx) || !store.records[recIdx]?.alive) return;
      const end = store.nameTokensEnd(ref);
      for (let k = store.nameTokStart[ref] ?? end; k < end; k++) {
        const id = store.nameTokens[k] ?? -1;
        // Common names share tokens: decide each listed token once per query.
        let near = close.get(id);
        if (near === undefined) {
          const text = vocab.texts[id] ?? '';
          near = unknown.some(
            (u) => boundedEditDistance(u.text, text, MAX_TYPO_EDITS) <= MAX_TYPO_EDITS,
          );
          close.set(id, near);
        }
        if (near) {
          out.add(recIdx);
          return;
        }
      }
    });
  }
}

export interface BestName {
  agreement: NameAgreement;
  /** Index into the entry's `names` of the listed name that agreed best. */
  listedSource: number;
  queryName: QueryName;
}

/** The best-agreeing pair of (query name, listed name) for one entry. */
export function bestNameAgreement(
  store: IndexStore,
  rec: EntryRecord,
  ctx: QueryContext,
): BestName | undefined {
  let best: BestName | undefined;
  for (let r = rec.firstName; r < rec.firstName + rec.nameCount; r++) {
    const ids = store.nameTokensOf(r);
    const majorParticles = store.nameMajorParticles[r] ?? 0;
    const listed = ids.map((id, k) => ctx.listed(id, (majorParticles & (1 << k)) !== 0));
    for (const qn of ctx.names) {
      const agreement = alignNames(qn.tokens, listed, (qi, li) => {
        const id = ids[li] ?? -1;
        const cache = qn.cache[qi];
        const hit = cache?.get(id);
        if (hit) return hit;
        const q = qn.tokens[qi];
        const l = listed[li];
        const cut = qn.norm.mrz && qi === qn.tokens.length - 1;
        const s =
          q && l
            ? tokenSimilarity(q.text, q.skeleton, l.text, l.skeleton, cut)
            : { sim: 0, reason: 'spelling' as const };
        cache?.set(id, s);
        return s;
      });
      if (!best || agreement.score > best.agreement.score)
        best = { agreement, listedSource: store.nameSource[r] ?? 0, queryName: qn };
    }
  }
  return best;
}
