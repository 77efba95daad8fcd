// Name-to-name agreement: token similarity (spelling, phonetic key, initial, truncation)
// and a weighted token-set alignment that tolerates order swaps and missing middle names.
import { boundedEditDistance, jaroWinkler } from './string-similarity.ts';

export type TokenReason = 'exact' | 'phonetic' | 'spelling' | 'initial' | 'truncated';

export interface TokenSim {
  sim: number;
  reason: TokenReason;
}

/** Below this a token pair does not count as matched. */
export const TOKEN_MATCH_FLOOR = 0.84;
const NONE: TokenSim = { sim: 0, reason: 'spelling' };

export function tokenSimilarity(q: string, qSkel: string, e: string, eSkel: string): TokenSim {
  if (q === e) return { sim: 1, reason: 'exact' };
  if (q.length === 1 || e.length === 1)
    return q[0] === e[0] ? { sim: 0.8, reason: 'initial' } : NONE;
  let best: TokenSim = { sim: jaroWinkler(q, e), reason: 'spelling' };
  if (qSkel === eSkel) {
    const s = qSkel.length >= 3 ? 0.93 : 0.88;
    if (s > best.sim) best = { sim: s, reason: 'phonetic' };
  } else if (
    best.sim < 0.88 &&
    qSkel.length >= 4 &&
    eSkel.length >= 4 &&
    boundedEditDistance(qSkel, eSkel, 1) <= 1 &&
    q[0] === e[0]
  )
    best = { sim: 0.86, reason: 'phonetic' };
  if (
    best.sim < 0.9 &&
    q.length >= 3 &&
    (e.startsWith(q) || q.startsWith(e)) &&
    Math.min(q.length, e.length) >= 3
  )
    best = { sim: 0.9, reason: 'truncated' };
  return best;
}

export interface AlignedToken {
  query: string;
  listed: string;
  sim: number;
  reason: TokenReason;
}

export interface NameAgreement {
  score: number;
  pairs: AlignedToken[];
  unmatchedQuery: string[];
  unmatchedListed: string[];
}

export interface WeightedToken {
  text: string;
  skeleton: string;
  weight: number;
  /** Particles and initials do not count towards the two-token minimum. */
  minor: boolean;
}

/**
 * Greedy best-pair alignment. Score mixes coverage of both names (the better side weighs
 * three times the other) so a missing middle name costs little and a different surname a lot.
 */
export function alignNames(
  query: readonly WeightedToken[],
  listed: readonly WeightedToken[],
  sim: (qi: number, li: number) => TokenSim,
): NameAgreement {
  const cells: { qi: number; li: number; s: TokenSim }[] = [];
  for (let qi = 0; qi < query.length; qi++)
    for (let li = 0; li < listed.length; li++) {
      const s = sim(qi, li);
      if (s.sim >= TOKEN_MATCH_FLOOR || (s.reason === 'initial' && s.sim > 0))
        cells.push({ qi, li, s });
    }
  cells.sort((a, b) => b.s.sim - a.s.sim);
  const usedQ = new Array<boolean>(query.length).fill(false);
  const usedL = new Array<boolean>(listed.length).fill(false);
  const pairs: AlignedToken[] = [];
  let matched = 0;
  let matchedW = 0;
  let majorMatches = 0;
  for (const c of cells) {
    if (usedQ[c.qi] || usedL[c.li]) continue;
    const q = query[c.qi];
    const l = listed[c.li];
    if (!q || !l) continue;
    usedQ[c.qi] = true;
    usedL[c.li] = true;
    const w = Math.min(q.weight, l.weight);
    matched += c.s.sim * w;
    matchedW += w;
    if (!q.minor && !l.minor && c.s.reason !== 'initial') majorMatches++;
    pairs.push({ query: q.text, listed: l.text, sim: c.s.sim, reason: c.s.reason });
  }
  let restQ = 0;
  const unmatchedQuery: string[] = [];
  query.forEach((q, i) => {
    if (usedQ[i]) return;
    restQ += q.weight;
    unmatchedQuery.push(q.text);
  });
  let restL = 0;
  const unmatchedListed: string[] = [];
  listed.forEach((l, i) => {
    if (usedL[i]) return;
    restL += l.weight;
    unmatchedListed.push(l.text);
  });
  const cq = matchedW + restQ > 0 ? matched / (matchedW + restQ) : 0;
  const cl = matchedW + restL > 0 ? matched / (matchedW + restL) : 0;
  let score = 0.75 * Math.max(cq, cl) + 0.25 * Math.min(cq, cl);
  const majorQ = query.filter((t) => !t.minor).length;
  const majorL = listed.filter((t) => !t.minor).length;
  // One shared token proves little unless one of the names has only one.
  if (majorMatches < 2 && Math.min(majorQ, majorL) >= 2) score = Math.min(score, 0.5);
  return { score, pairs, unmatchedQuery, unmatchedListed };
}
