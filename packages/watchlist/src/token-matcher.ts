// Name-to-name agreement: token similarity (spelling, phonetic key, initial, truncation)
// and a weighted token-set alignment that tolerates order swaps and missing middle names.
import { pinyinSimilarity, sameChineseSurname } from './chinese-romanisation.ts';
import { boundedEditDistance, jaroWinkler } from './string-similarity.ts';

export type TokenReason = 'exact' | 'phonetic' | 'spelling' | 'initial' | 'truncated' | 'joined';

export interface TokenSim {
  sim: number;
  reason: TokenReason;
}

/** Below this a token pair does not count as matched. */
export const TOKEN_MATCH_FLOOR = 0.84;
const NONE: TokenSim = { sim: 0, reason: 'spelling' };

/** ABD/ABU compounds share a prefix that proves nothing: compare what follows it. */
const COMPOUND = /^(ABD|ABU)(?=[A-Z]{3})/;

export function tokenSimilarity(
  q: string,
  qSkel: string,
  e: string,
  eSkel: string,
  mayBeCut = false,
): TokenSim {
  if (q === e) return { sim: 1, reason: 'exact' };
  if (q.length === 1 || e.length === 1)
    return q[0] === e[0] ? { sim: 0.8, reason: 'initial' } : NONE;
  const cq = COMPOUND.exec(q)?.[1];
  if (cq && cq === COMPOUND.exec(e)?.[1]) {
    const rest = tokenSimilarity(q.slice(3), qSkel.slice(3), e.slice(3), eSkel.slice(3), mayBeCut);
    return rest.reason === 'exact' ? { sim: 0.97, reason: 'spelling' } : rest;
  }
  if (mayBeCut && q.length >= 3 && e.startsWith(q)) return { sim: 0.9, reason: 'truncated' };
  // LEE = LI, CHAN = CHEN, TSAO = CAO: one Chinese surname, romanised apart.
  if (sameChineseSurname(q, e)) return { sim: 0.93, reason: 'phonetic' };
  const jw = jaroWinkler(q, e);
  // Pinyin carries a name in its vowels: the consonant key would call LING and LIANG one.
  const pinyin = pinyinSimilarity(q, e, jw);
  if (pinyin !== undefined) return { sim: pinyin, reason: 'spelling' };
  let best: TokenSim = { sim: jw, reason: 'spelling' };
  // Short names: one edit is a typo, though Jaro-Winkler scores it low.
  if (
    jw < 0.86 &&
    q.length >= 3 &&
    e.length >= 3 &&
    Math.max(q.length, e.length) <= 5 &&
    boundedEditDistance(q, e, 1) <= 1
  )
    best = { sim: 0.86, reason: 'spelling' };
  // The same key counts when the spellings are not far apart (XIAOYING ≠ SONG, DINGHAI ≠
  // DONGYUE); long keys are specific enough to trust with less (ZWETKOW = TSVETKOV), and
  // vowel-less tokens come from abjad scripts (MHMD = MUHAMMAD).
  if (qSkel === eSkel && jw >= phoneticGate(qSkel.length, q, e)) {
    const s = qSkel.length >= 3 ? 0.93 : 0.86;
    best = { sim: Math.max(s, best.sim), reason: 'phonetic' };
  } else if (
    best.sim < 0.88 &&
    jw >= 0.75 &&
    qSkel.length >= 4 &&
    eSkel.length >= 4 &&
    boundedEditDistance(qSkel, eSkel, 1) <= 1 &&
    q[0] === e[0]
  )
    best = { sim: 0.86, reason: 'phonetic' };
  // A much shorter token with vowels is another name (TING ≠ TINGHUI), unless cut by an
  // MRZ; vowel-less tokens come from abjad scripts (MHMD = MUHAMMAD).
  const shorter = q.length <= e.length ? q : e;
  const longer = q.length <= e.length ? e : q;
  const ratio = shorter.length / longer.length;
  const sameKey = qSkel === eSkel && ratio >= 0.6;
  if (ratio < 0.75 && !sameKey && /[AEIOUY]/.test(shorter) && best.sim >= TOKEN_MATCH_FLOOR)
    best = { sim: Math.min(best.sim, TOKEN_MATCH_FLOOR - 0.04), reason: best.reason };
  return best;
}

const VOWEL = /[AEIOUY]/;

/** Two pinyin syllables written as one token: its vowels carry the name, the key little. */
const PINYIN_PAIR = /^(?:(?:ZH|CH|SH|[BPMFDTNLGKHJQXRZCSYW])?[AEIOU]{1,3}(?:NG|N|R)?){2}$/;

function phoneticGate(keyLength: number, q: string, e: string): number {
  if (q.length >= 6 && e.length >= 6 && PINYIN_PAIR.test(q) && PINYIN_PAIR.test(e)) return 0.9;
  if (keyLength >= 5) return 0.5;
  if (keyLength >= 3) return VOWEL.test(q) && VOWEL.test(e) ? 0.68 : 0.65;
  return 0.72;
}

/** A token against two adjacent tokens written joined: 0 when they are not the same word. */
/** A leftover token of one side against two adjacent leftover tokens of the other, joined. */
function joinLeftover(
  one: readonly WeightedToken[],
  two: readonly WeightedToken[],
  usedOne: number,
  usedTwo: number,
): [number, number, AlignedToken, number] | undefined {
  for (let i = 0; i < one.length && i < 30; i++) {
    const a = one[i];
    if (!a || usedOne & (1 << i) || a.text.length < 4) continue;
    for (let j = 0; j + 1 < two.length && j + 1 < 30; j++) {
      const b = two[j];
      const c = two[j + 1];
      if (!b || !c || usedTwo & (3 << j) || a.text[0] !== b.text[0]) continue;
      if (Math.abs(a.text.length - b.text.length - c.text.length) > 2) continue;
      const s = joinedSimilarity(a.text, b.text + c.text);
      if (s === 0) continue;
      const w = Math.min(a.weight, Math.max(b.weight, c.weight));
      const pair: AlignedToken = {
        query: a.text,
        listed: `${b.text} ${c.text}`,
        sim: s,
        reason: 'joined',
        weight: w,
      };
      return [i, j, pair, Math.min(a.bits, Math.max(b.bits, c.bits))];
    }
  }
  return undefined;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** A leftover pair one typo apart: just at the floor, a loose spelling match. */
const TYPO_SIM = TOKEN_MATCH_FLOOR;

function oneTypoApart(a: string, b: string): boolean {
  if (a[0] !== b[0] || Math.max(a.length, b.length) < 3) return false;
  return boundedEditDistance(a, b, 1) <= 1;
}

/** A loose spelling agreement proves less than the same spelling or sound. */
function evidenceBits(bits: number, sim: number): number {
  return sim >= 0.93 ? bits : sim >= 0.84 ? bits * 0.75 : bits * 0.5;
}

export function joinedSimilarity(token: string, joined: string): number {
  if (token === joined) return 0.97;
  if (Math.abs(token.length - joined.length) > 2 || token[0] !== joined[0]) return 0;
  const jw = jaroWinkler(token, joined);
  if (jw >= 0.93) return Math.round(jw * 0.95 * 1000) / 1000;
  // One typo that also split the word at a particle (ALMKSEYEVNA read as AL MKSEYEVNA).
  return token.length >= 6 && boundedEditDistance(token, joined, 1) <= 1 ? TYPO_SIM : 0;
}

export interface AlignedToken {
  query: string;
  listed: string;
  sim: number;
  reason: TokenReason;
  /** How distinctive the pair is: the commoner side's inverse-frequency weight, in [0.1, 1]. */
  weight: number;
}

export interface NameAgreement {
  score: number;
  pairs: AlignedToken[];
  unmatchedQuery: string[];
  unmatchedListed: string[];
  /** Unmatched tokens that are neither particles nor initials, both sides together. */
  unmatchedMajor: number;
  /** Bits of name evidence: the matched tokens' rarity, weighed by their similarity. */
  bits: number;
}

export interface WeightedToken {
  text: string;
  skeleton: string;
  weight: number;
  /**
   * How many bits a chance agreement on this token is worth, log2 of names per name
   * carrying it (0 for particles and initials): the evidence the birth date must add to.
   */
  bits: number;
  /** Particles and initials do not count towards the two-token minimum. */
  minor: boolean;
}

let cellBuffer = new Float64Array(64);

/**
 * Greedy best-pair alignment. Score mixes coverage of both names (the better side weighs
 * four times the other) so a missing middle name costs little and a different surname a lot.
 */
export function alignNames(
  query: readonly WeightedToken[],
  listed: readonly WeightedToken[],
  sim: (qi: number, li: number) => TokenSim,
): NameAgreement {
  // Cells packed as sim·2^12 + qi·64 + li in one typed array reused across calls: this
  // runs per candidate, and sim() never calls back into it.
  const nq = Math.min(query.length, 30);
  const nl = Math.min(listed.length, 30);
  if (cellBuffer.length < nq * nl) cellBuffer = new Float64Array(nq * nl);
  const cells = cellBuffer;
  let n = 0;
  for (let qi = 0; qi < nq; qi++)
    for (let li = 0; li < nl; li++) {
      const s = sim(qi, li);
      if (s.sim >= TOKEN_MATCH_FLOOR || (s.reason === 'initial' && s.sim > 0))
        cells[n++] = Math.round(s.sim * 1e6) * 4096 + qi * 64 + li;
    }
  const sorted = cells.subarray(0, n).sort();
  let usedQ = 0;
  let usedL = 0;
  const pairs: AlignedToken[] = [];
  let matched = 0;
  let matchedW = 0;
  let bits = 0;
  let majorMatches = 0;
  for (let k = n - 1; k >= 0; k--) {
    const cell = sorted[k] ?? 0;
    const qi = Math.floor(cell / 64) % 64;
    const li = cell % 64;
    const qb = 1 << qi;
    const lb = 1 << li;
    if (usedQ & qb || usedL & lb) continue;
    const q = query[qi];
    const l = listed[li];
    if (!q || !l) continue;
    usedQ |= qb;
    usedL |= lb;
    const c = sim(qi, li);
    const w = Math.min(q.weight, l.weight);
    matched += c.sim * w;
    matchedW += w;
    // A word that is a particle on one side only (LE as a surname, a given name) agrees
    // as a name when spelt the same.
    if (
      c.reason !== 'initial' &&
      ((!q.minor && !l.minor) || (c.reason === 'exact' && (!q.minor || !l.minor)))
    )
      majorMatches++;
    pairs.push({ query: q.text, listed: l.text, sim: c.sim, reason: c.reason, weight: w });
    bits += evidenceBits(l.bits, c.sim);
  }
  // One side writes two adjacent words as one (AL-OTAIBI / ALOTAIBI, DA SILVA / DASILVA,
  // NASR ALLAH / NASRALLAH): match the joined form against the leftover token.
  const freeQ = nq - popcount(usedQ);
  const freeL = nl - popcount(usedL);
  const joinable = (freeQ >= 1 && freeL >= 2) || (freeQ >= 2 && freeL >= 1);
  for (let guard = 0; joinable && guard < 4; guard++) {
    const qj = joinLeftover(query, listed, usedQ, usedL);
    const lj = qj ? undefined : joinLeftover(listed, query, usedL, usedQ);
    if (!qj && !lj) break;
    if (qj) {
      usedQ |= 1 << qj[0];
      usedL |= 3 << qj[1];
      pairs.push(qj[2]);
    } else if (lj) {
      usedL |= 1 << lj[0];
      usedQ |= 3 << lj[1];
      const p = lj[2];
      pairs.push({ ...p, query: p.listed, listed: p.query });
    }
    const p = pairs[pairs.length - 1];
    if (!p) break;
    matched += p.sim * p.weight;
    matchedW += p.weight;
    bits += evidenceBits((qj ?? lj)?.[3] ?? 0, p.sim);
    majorMatches++;
  }
  // A typo the token similarity does not forgive (TA for TAM, ALESANDR for ALEKSANDR read
  // as a Jaro artifact): a leftover major token one edit from a leftover on the other
  // side, same first letter, pairs at the floor. Loose: the date must carry it.
  for (let qi = 0; qi < nq; qi++) {
    const q = query[qi];
    if (!q || q.minor || usedQ & (1 << qi) || q.text.length < 2) continue;
    for (let li = 0; li < nl; li++) {
      const l = listed[li];
      if (!l || l.minor || usedL & (1 << li) || !oneTypoApart(q.text, l.text)) continue;
      usedQ |= 1 << qi;
      usedL |= 1 << li;
      const w = Math.min(q.weight, l.weight);
      matched += TYPO_SIM * w;
      matchedW += w;
      majorMatches++;
      pairs.push({ query: q.text, listed: l.text, sim: TYPO_SIM, reason: 'spelling', weight: w });
      bits += evidenceBits(l.bits, TYPO_SIM);
      break;
    }
  }
  let restQ = 0;
  let unmatchedMajor = 0;
  let majorQ = 0;
  const unmatchedQuery: string[] = [];
  query.forEach((q, i) => {
    if (!q.minor) majorQ++;
    if (usedQ & (1 << i)) return;
    restQ += q.weight;
    if (!q.minor) unmatchedMajor++;
    unmatchedQuery.push(q.text);
  });
  let restL = 0;
  let majorL = 0;
  const unmatchedListed: string[] = [];
  listed.forEach((l, i) => {
    if (!l.minor) majorL++;
    if (usedL & (1 << i)) return;
    restL += l.weight;
    if (!l.minor) unmatchedMajor++;
    unmatchedListed.push(l.text);
  });
  // Names missing on one side only (a patronymic not in the passport, a second given name
  // not listed) are absent information, weighed half; unmatched on both sides is conflict.
  const oneSided = restQ === 0 || restL === 0;
  const missing = oneSided ? 0.5 : 1;
  const cq = matchedW + restQ > 0 ? matched / (matchedW + missing * restQ) : 0;
  const cl = matchedW + restL > 0 ? matched / (matchedW + missing * restL) : 0;
  let score = 0.8 * Math.max(cq, cl) + 0.2 * Math.min(cq, cl);
  // One shared token proves little unless one of the names has only one.
  if (majorMatches < 2 && Math.min(majorQ, majorL) >= 2) score = Math.min(score, 0.5);
  return { score, pairs, unmatchedQuery, unmatchedListed, unmatchedMajor, bits };
}
