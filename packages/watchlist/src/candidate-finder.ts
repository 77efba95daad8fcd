// Query side of the index: expand each query token to listed phonetic keys within one
// edit, probe key-pair blocks for candidate entries, then align names token by token.
import type { EntryRecord, IndexStore } from './index-store.ts';
import { isParticle, type NormalisedName } from './name-normaliser.ts';
import { pairKey } from './pair-postings.ts';
import {
  alignNames,
  tokenSimilarity,
  type NameAgreement,
  type TokenSim,
  type WeightedToken,
} from './token-matcher.ts';
import type { SkeletonNeighbour } from './token-vocabulary.ts';

const PARTICLE_WEIGHT = 0.1;
const INITIAL_WEIGHT = 0.3;

export interface QueryName {
  norm: NormalisedName;
  tokens: WeightedToken[];
  /** Per query token: similarity to listed token ids, filled lazily. */
  cache: Map<number, TokenSim>[];
}

function weighted(
  store: IndexStore,
  text: string,
  skeleton: string,
  id: number | undefined,
): WeightedToken {
  const particle = isParticle(text);
  const initial = text.length === 1;
  const base = store.vocab.weight(id);
  return {
    text,
    skeleton,
    weight: particle ? PARTICLE_WEIGHT : initial ? INITIAL_WEIGHT : base,
    minor: particle || initial,
  };
}

export function prepareQueryName(store: IndexStore, norm: NormalisedName): QueryName {
  return {
    norm,
    tokens: norm.tokens.map((t) =>
      weighted(store, t.text, t.skeleton, store.vocab.tokenId(t.text)),
    ),
    cache: norm.tokens.map(() => new Map<number, TokenSim>()),
  };
}

/** Adds to `out` every live entry with a name sharing two keys (one may be one edit off). */
export function findCandidates(store: IndexStore, qn: QueryName, out: Set<number>): void {
  const major = qn.norm.tokens.filter((t) => !t.particle && !t.initial);
  const expansions: SkeletonNeighbour[][] = major.map((t) => store.vocab.neighbours(t.skeleton));
  const keys = new Set<number>();
  for (let i = 0; i < expansions.length; i++) {
    const ei = expansions[i] ?? [];
    for (const a of ei) if (a.distance === 0) keys.add(pairKey(a.skelId, a.skelId));
    if (expansions.length === 1) for (const a of ei) keys.add(pairKey(a.skelId, a.skelId));
    for (let j = i + 1; j < expansions.length; j++)
      for (const a of ei)
        for (const b of expansions[j] ?? [])
          if (a.distance + b.distance <= 1) keys.add(pairKey(a.skelId, b.skelId));
  }
  const visit = (ref: number) => {
    const recIdx = store.nameRecord[ref] ?? -1;
    if (store.records[recIdx]?.alive) out.add(recIdx);
  };
  for (const k of keys) store.postings.forEach(k, visit);
}

export interface BestName {
  agreement: NameAgreement;
  listedIndex: number;
  queryIndex: number;
}

/** The best-agreeing pair of (query name, listed name) for one entry. */
export function bestNameAgreement(
  store: IndexStore,
  rec: EntryRecord,
  queryNames: readonly QueryName[],
): BestName | undefined {
  let best: BestName | undefined;
  for (let r = 0; r < rec.nameCount; r++) {
    const ids = store.nameTokensOf(rec.firstName + r);
    const listed = ids.map((id) =>
      weighted(
        store,
        store.vocab.texts[id] ?? '',
        store.vocab.skels[store.vocab.tokenSkel[id] ?? 0] ?? '',
        id,
      ),
    );
    queryNames.forEach((qn, qIdx) => {
      const agreement = alignNames(qn.tokens, listed, (qi, li) => {
        const id = ids[li] ?? -1;
        const cache = qn.cache[qi];
        const hit = cache?.get(id);
        if (hit) return hit;
        const q = qn.tokens[qi];
        const l = listed[li];
        const s =
          q && l
            ? tokenSimilarity(q.text, q.skeleton, l.text, l.skeleton)
            : { sim: 0, reason: 'spelling' as const };
        cache?.set(id, s);
        return s;
      });
      if (!best || agreement.score > best.agreement.score)
        best = { agreement, listedIndex: r, queryIndex: qIdx };
    });
  }
  return best;
}
