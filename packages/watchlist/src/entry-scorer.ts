// Scores one listed entry against a query and says why: name tokens, birth-date rule,
// nationality and document, combined into one number in [0, 1].
import {
  describeBirthDate,
  matchBirthDate,
  type BirthDateAgreement,
} from './birth-date-matcher.ts';
import type { PartialDate } from './partial-date.ts';
import type { NameAgreement } from './token-matcher.ts';
import type { WatchlistQuery } from './watchlist-query.ts';
import type { WatchlistEntry } from './watchlist-schema.ts';

export interface DocumentAgreement {
  traveller: string;
  listed: string;
  /** equal as written, or equal only once confusable characters are folded. */
  how: 'exact' | 'confusable';
  issuingStateConflict: boolean;
}

export interface HitExplanation {
  summary: string;
  name?: NameAgreement & { listedName: string; queryName: string };
  birthDate: BirthDateAgreement & { text: string };
  nationality: { rule: 'agrees' | 'differs' | 'not-compared'; text: string };
  /** Why the name and date together prove too little for a full score, when they do. */
  weakEvidence?: string;
  document?: DocumentAgreement & { text: string };
}

export interface ScoredEntry {
  score: number;
  /** Built only when asked: most candidates never become hits. */
  explain(): HitExplanation;
}

/** Dual nationals exist, so a different nationality weakens a match without ruling it out. */
const NATIONALITY_DIFFERS = 0.93;
const WEAK_DATES = new Set(['year-only', 'placeholder-01-01', 'not-compared']);

export function scoreEntry(
  entry: WatchlistEntry,
  dates: readonly PartialDate[],
  kind: 'persons' | 'documents',
  query: WatchlistQuery,
  name: (NameAgreement & { listedName: string; queryName: string }) | undefined,
  document: DocumentAgreement | undefined,
  /** log2 of the listed names: the bits a chance namesake has to beat in a list this size. */
  listBits = 20,
): ScoredEntry {
  const bd = matchBirthDate(query.birthDate, dates);
  const nat = nationalityAgreement(query.nationality, entry.nationalities);
  let score = 0;
  let evidence: string | undefined;
  if (name) {
    // Without a date to compare, a merely similar name is not enough, nor an incomplete one
    // unless the rest is spelt as listed (initials aside) and rare enough (evidenceShortfall).
    let nameScore =
      bd.rule === 'not-compared' &&
      name.pairs.some(
        (p) =>
          p.reason === 'spelling' ||
          (name.unmatchedMajor > 0 && p.reason !== 'exact' && p.reason !== 'initial'),
      )
        ? Math.min(name.score, 0.85)
        : name.score;
    // A weak date (year only, 01-01 placeholder) does not carry a loosely similar token.
    if (WEAK_DATES.has(bd.rule) && name.pairs.some((p) => p.sim < 0.9 && p.reason === 'spelling'))
      nameScore *= 0.9;
    score = nameScore * bd.factor * (nat.rule === 'differs' ? NATIONALITY_DIFFERS : 1);
    evidence = evidenceShortfall(name, bd.rule, nat.rule, listBits);
    if (evidence) score *= WEAK_EVIDENCE;
  }
  if (document) {
    let docScore: number;
    if (kind === 'documents') docScore = document.how === 'exact' ? 1 : 0.95;
    else docScore = name && name.score >= 0.6 ? 0.99 : 0.9;
    if (document.issuingStateConflict) docScore *= 0.6;
    score = Math.max(score, docScore);
  }
  score = Math.min(1, Math.max(0, score));
  return { score, explain: () => explanation(query, name, document, bd, nat, evidence) };
}

/**
 * A large list holds many namesakes: how much a hit proves is the rarity of the agreeing
 * tokens (bits, see TokenVocabulary.bits) plus what the birth date adds. Below these
 * floors a chance namesake is likelier than the listed person, so the score drops by
 * WEAK_EVIDENCE (under the default threshold, visible to lists set lower).
 */
const WEAK_EVIDENCE = 0.8;
/**
 * Name bits needed beyond the list's own size (log2 of its names): name-only evidence
 * must make a chance namesake unlikely by itself; a year-only date adds about 6 bits.
 */
const UNDATED_EXTRA_BITS = 1.5;
const YEAR_ONLY_LOOSE_EXTRA_BITS = -2.5;
const YEAR_ONLY_OTHER_NATIONALITY_EXTRA_BITS = -0.5;
const NEAR_DATE_PARTIAL_EXTRA_BITS = 1.5;
/** A year-only date with a name missing a token on one side. */
const YEAR_ONLY_PARTIAL_EXTRA_BITS = -4.5;
const YEAR_ONLY_PARTIAL_OTHER_NATIONALITY_EXTRA_BITS = 1.5;
const NEAR_DATES = new Set(['day-month-swapped', 'year-off-by-one', 'placeholder-01-01']);

function evidenceShortfall(
  name: NameAgreement,
  date: BirthDateAgreement['rule'],
  nationality: HitExplanation['nationality']['rule'],
  listBits: number,
): string | undefined {
  // Spelling slack, not a shared sound: the agreement a namesake reaches by chance.
  const loose = name.pairs.some(
    (p) => p.sim < 0.93 && (p.reason === 'spelling' || p.reason === 'joined'),
  );
  const partial = name.unmatchedMajor > 0;
  const otherNationality = nationality === 'differs';
  const bits = name.bits.toFixed(0);
  // A date that only nearly agrees carries a same-sounding name, complete unless rare.
  if (NEAR_DATES.has(date)) {
    if (loose) return 'the birth date agrees only nearly and the name only loosely';
    if (partial && otherNationality)
      return 'the birth date agrees only nearly, the name is incomplete and the nationality differs';
    if (partial && name.bits < listBits + NEAR_DATE_PARTIAL_EXTRA_BITS)
      return `the birth date agrees only nearly and the name is incomplete and common (${bits} bits)`;
  }
  if (date === 'exact' && partial && loose)
    return 'the name is both incomplete and loosely similar';
  if (date === 'year-only') {
    if (partial && (loose || name.unmatchedMajor > 1))
      return 'a year-only date with an incomplete name needs the rest to agree exactly';
    if (loose && otherNationality)
      return 'a year-only date, another nationality and a loosely similar name';
    const partialNeeds =
      nationality === 'differs'
        ? YEAR_ONLY_PARTIAL_OTHER_NATIONALITY_EXTRA_BITS
        : YEAR_ONLY_PARTIAL_EXTRA_BITS;
    if (partial && name.bits < listBits + partialNeeds)
      return `a year-only date and an incomplete name of common tokens (${bits} bits)`;
    if (loose && name.bits < listBits + YEAR_ONLY_LOOSE_EXTRA_BITS)
      return `a year-only date and a loosely similar name of common tokens (${bits} bits)`;
    if (nationality === 'differs' && name.bits < listBits + YEAR_ONLY_OTHER_NATIONALITY_EXTRA_BITS)
      return `a year-only date, another nationality and a name of common tokens (${bits} bits)`;
  }
  if (date === 'not-compared' && name.bits < listBits + UNDATED_EXTRA_BITS)
    return `no birth date to compare and a name of common tokens (${bits} bits)`;
  return undefined;
}

function explanation(
  query: WatchlistQuery,
  name: (NameAgreement & { listedName: string; queryName: string }) | undefined,
  document: DocumentAgreement | undefined,
  bd: BirthDateAgreement,
  nat: HitExplanation['nationality'],
  evidence: string | undefined,
): HitExplanation {
  const bdText = describeBirthDate(bd, query.birthDate);
  const docText = document
    ? `document ${document.traveller} ${document.how === 'exact' ? 'equals' : 'equals after folding confusable characters (0/O, 1/I, 5/S, 8/B)'} listed ${document.listed}${document.issuingStateConflict ? ', but the issuing state differs' : ''}`
    : undefined;
  const parts: string[] = [];
  if (name) parts.push(describeName(name));
  if (docText) parts.push(docText);
  parts.push(bdText, nat.text);
  if (evidence) parts.push(`weak evidence: ${evidence}`);
  return {
    summary: parts.join('; '),
    ...(name ? { name } : {}),
    birthDate: { ...bd, text: bdText },
    nationality: nat,
    ...(evidence ? { weakEvidence: evidence } : {}),
    ...(document && docText ? { document: { ...document, text: docText } } : {}),
  };
}

function nationalityAgreement(
  query: string | undefined,
  listed: readonly string[],
): HitExplanation['nationality'] {
  if (!query || listed.length === 0)
    return { rule: 'not-compared', text: 'nationality not compared' };
  if (listed.includes(query)) return { rule: 'agrees', text: `nationality ${query} agrees` };
  return { rule: 'differs', text: `nationality ${query} differs from listed ${listed.join('/')}` };
}

const REASON_TEXT = {
  exact: 'same',
  phonetic: 'same sound',
  spelling: 'similar spelling',
  initial: 'initial',
  truncated: 'truncated',
  joined: 'written joined',
} as const;

function describeName(n: NameAgreement & { listedName: string; queryName: string }): string {
  const matched = n.pairs
    .map((p) =>
      p.reason === 'exact'
        ? p.query
        : `${p.query}~${p.listed} (${REASON_TEXT[p.reason]} ${p.sim.toFixed(2)})`,
    )
    .join(', ');
  let s = `name "${n.queryName}" vs listed "${n.listedName}" (${n.score.toFixed(2)}): matched ${matched || 'nothing'}`;
  if (n.unmatchedQuery.length) s += `; traveller's ${n.unmatchedQuery.join(' ')} not listed`;
  if (n.unmatchedListed.length) s += `; listed ${n.unmatchedListed.join(' ')} not given`;
  return s;
}
