import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchBirthDate } from './birth-date-matcher.ts';
import { dateWindow, packDate, pairKey, PairPostings } from './pair-postings.ts';
import type { PartialDate } from './partial-date.ts';

const date = fc.record({
  year: fc.integer({ min: 1950, max: 1960 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});

describe('PairPostings date window', () => {
  // Blocks up to 30 names: short ones are scanned, longer ones binary-searched.
  it.each([
    ['any traveller date', date],
    ['a 01-01 placeholder traveller date', date.map((d) => ({ ...d, month: 1, day: 1 }))],
  ])('reads exactly the listed dates that the birth-date rules could accept: %s', (_, qDate) => {
    fc.assert(
      fc.property(
        qDate,
        fc.array(
          fc.oneof(
            date,
            date.map((d) => ({ year: d.year })),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        (q, listed) => {
          const p = new PairPostings();
          const keys = new Float64Array(listed.length).fill(pairKey(3, 7));
          const refs = Int32Array.from(listed.keys());
          p.build(keys, refs, listed.length, (r) => {
            const d: PartialDate | undefined = listed[r];
            return d ? packDate(d.year, d.month, d.day) : 0;
          });
          const seen = new Set<number>();
          p.probe(7, 3, dateWindow(q.year, q.month, q.day), (r) => seen.add(r));
          listed.forEach((d, r) => {
            const agrees = matchBirthDate(q, [d]).rule !== 'mismatch';
            expect(seen.has(r), JSON.stringify({ q, d })).toBe(agrees);
          });
        },
      ),
    );
  });

  it('reads everything without a window, and names added after the build', () => {
    const p = new PairPostings();
    p.build(new Float64Array([pairKey(1, 2)]), new Int32Array([0]), 1, () => packDate(1970, 5, 5));
    p.add(pairKey(2, 1), 9);
    const seen: number[] = [];
    p.probe(2, 1, undefined, (r) => seen.push(r));
    expect(seen).toEqual([0, 9]);
    const windowed: number[] = [];
    p.probe(1, 2, dateWindow(1990, 1, 2), (r) => windowed.push(r));
    expect(windowed).toEqual([9]);
  });
});
