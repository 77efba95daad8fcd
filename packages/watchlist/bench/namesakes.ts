// Which negative travellers are indistinguishable namesakes of a listed person: the
// generator labels them negatives, yet nothing the matcher is given tells them apart.
import { matchBirthDate } from '../src/birth-date-matcher.ts';
import { normaliseName, type NameInput } from '../src/name-normaliser.ts';
import { parsePartialDate, type PartialDate } from '../src/partial-date.ts';
import type { Watchlist } from '../src/watchlist-schema.ts';
import type { EvalQuery } from './eval-set.ts';

/** A full name as the matcher sees it: its normalised tokens, order-free. */
export const fullNameKey = (n: NameInput): string =>
  normaliseName(n)
    .tokens.map((t) => t.text)
    .sort()
    .join(' ');

const parseDates = (dates: readonly string[]): PartialDate[] =>
  dates.flatMap((d) => {
    const p = parsePartialDate(d);
    return p ? [p] : [];
  });

/**
 * For each query: true when some listed person (persons lists only) has a name or alias with
 * the same fullNameKey AND a birth date compatible with the traveller's under the matcher's
 * own rules (matchBirthDate gives anything but 'mismatch': exact, year-only, day and month
 * swapped, one year off, 01-01 placeholder, or no listed date to compare). Nationality and
 * documents are not part of the definition.
 */
export function indistinguishableNamesakes(
  lists: readonly Watchlist[],
  queries: readonly EvalQuery[],
): boolean[] {
  const keys = queries.map((q) => (q.input.names[0] ? fullNameKey(q.input.names[0]) : ''));
  // Only names some query carries are kept: the lists hold a million people.
  const wanted = new Set(keys.filter((k) => k !== ''));
  const datesByName = new Map<string, PartialDate[][]>();
  for (const list of lists) {
    if (list.kind !== 'persons') continue;
    for (const e of list.entries) {
      let dates: PartialDate[] | undefined;
      for (const k of new Set(e.names.map(fullNameKey))) {
        if (!wanted.has(k)) continue;
        dates ??= parseDates(e.birthDates);
        const held = datesByName.get(k) ?? [];
        held.push(dates);
        datesByName.set(k, held);
      }
    }
  }
  return queries.map((q, i) => {
    const listed = datesByName.get(keys[i] ?? '');
    if (!listed) return false;
    const d = q.input.birthDate ? parsePartialDate(q.input.birthDate) : undefined;
    return listed.some((dates) => matchBirthDate(d, dates).rule !== 'mismatch');
  });
}
