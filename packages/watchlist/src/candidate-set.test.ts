import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateSet } from './candidate-set.ts';

describe('CandidateSet', () => {
  it('behaves as a Set in insertion order across resets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: 300 }), { maxLength: 200 }), { maxLength: 8 }),
        (rounds) => {
          const s = new CandidateSet();
          for (const round of rounds) {
            s.reset(301);
            const ref = new Set<number>();
            const added = round.map((r) => s.add(r));
            const expected = round.map((r) => !ref.has(r) && ref.add(r) !== undefined);
            expect(added).toEqual(expected);
            expect(Array.from({ length: s.size }, (_, i) => s.at(i))).toEqual([...ref]);
            const members = Array.from({ length: 301 }, (_, r) => s.has(r));
            expect(members).toEqual(Array.from({ length: 301 }, (_, r) => ref.has(r)));
          }
        },
      ),
    );
  });

  it('grows when the index grows between queries', () => {
    const s = new CandidateSet();
    s.reset(2);
    s.add(1);
    s.reset(10_000);
    expect(s.has(1)).toBe(false);
    expect(s.add(9_999)).toBe(true);
    expect(s.has(9_999)).toBe(true);
  });
});
