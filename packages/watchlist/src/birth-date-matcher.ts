// Birth-date agreement with the tolerances real data needs: year-only entries, day and
// month swapped, one year off, and the 01-01 placeholder for an unknown day and month.
import { formatPartialDate, type PartialDate } from './partial-date.ts';

export type BirthDateRule =
  | 'exact'
  | 'year-only'
  | 'day-month-swapped'
  | 'year-off-by-one'
  | 'placeholder-01-01'
  | 'mismatch'
  | 'not-compared';

export interface BirthDateAgreement {
  rule: BirthDateRule;
  /** Multiplier on the name score. */
  factor: number;
  /** The listed date that decided, for the explanation. */
  listed?: string;
}

export const DATE_FACTORS: Record<BirthDateRule, number> = {
  exact: 1,
  'year-only': 0.92,
  'day-month-swapped': 0.93,
  'year-off-by-one': 0.92,
  'placeholder-01-01': 0.92,
  'not-compared': 0.85,
  mismatch: 0.55,
};

const PREFERENCE: BirthDateRule[] = [
  'exact',
  'year-only',
  'day-month-swapped',
  'year-off-by-one',
  'placeholder-01-01',
];

function compareOne(q: PartialDate, e: PartialDate): BirthDateRule {
  if (q.month === undefined || e.month === undefined || q.day === undefined || e.day === undefined)
    return q.year === e.year ? 'year-only' : 'mismatch';
  if (q.year === e.year && q.month === e.month && q.day === e.day) return 'exact';
  if (q.year === e.year && q.month === e.day && q.day === e.month) return 'day-month-swapped';
  if (Math.abs(q.year - e.year) === 1 && q.month === e.month && q.day === e.day)
    return 'year-off-by-one';
  const placeholder = (d: PartialDate) => d.month === 1 && d.day === 1;
  if (q.year === e.year && (placeholder(q) || placeholder(e))) return 'placeholder-01-01';
  return 'mismatch';
}

/** matchBirthDate's factor alone, without building the explanation: the candidate pre-filter. */
export function birthDateFactor(
  query: PartialDate | undefined,
  listed: readonly PartialDate[],
): number {
  if (query === undefined || listed.length === 0) return DATE_FACTORS['not-compared'];
  let best = DATE_FACTORS.mismatch;
  for (const e of listed) best = Math.max(best, DATE_FACTORS[compareOne(query, e)]);
  return best;
}

/** The best agreement between the traveller's date and any listed date. */
export function matchBirthDate(
  query: PartialDate | undefined,
  listed: readonly PartialDate[],
): BirthDateAgreement {
  if (query === undefined || listed.length === 0)
    return { rule: 'not-compared', factor: DATE_FACTORS['not-compared'] };
  // Runs for every candidate before its name is scored: format the decisive date once.
  let bestRule: BirthDateRule = 'mismatch';
  let bestDate = listed[0];
  let bestRank = PREFERENCE.length;
  for (const e of listed) {
    const rule = compareOne(query, e);
    const rank = rule === 'mismatch' ? PREFERENCE.length : PREFERENCE.indexOf(rule);
    if (rank < bestRank) {
      bestRank = rank;
      bestRule = rule;
      bestDate = e;
    }
  }
  return {
    rule: bestRule,
    factor: DATE_FACTORS[bestRule],
    ...(bestDate ? { listed: formatPartialDate(bestDate) } : {}),
  };
}

export function describeBirthDate(a: BirthDateAgreement, query?: PartialDate): string {
  const q = query ? formatPartialDate(query) : 'none';
  switch (a.rule) {
    case 'exact':
      return `birth date ${q} equals the listed date`;
    case 'year-only':
      return `birth year ${query?.year} agrees with the listed year-only date ${a.listed}`;
    case 'day-month-swapped':
      return `birth date ${q} is the listed ${a.listed} with day and month swapped`;
    case 'year-off-by-one':
      return `birth date ${q} is one year off the listed ${a.listed}`;
    case 'placeholder-01-01':
      return `birth date ${q} agrees with the listed ${a.listed} in the year; 01-01 is a placeholder`;
    case 'mismatch':
      return `birth date ${q} does NOT agree with the listed ${a.listed}`;
    case 'not-compared':
      return query ? 'no listed birth date to compare' : 'traveller has no birth date';
  }
}
