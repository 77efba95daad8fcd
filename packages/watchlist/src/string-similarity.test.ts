import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance, jaroWinkler } from './string-similarity.ts';
import { documentKey } from './document-number.ts';

describe('jaroWinkler', () => {
  it('matches the textbook values', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
  });

  it('is symmetric, in [0, 1] and 1 only for equal strings (short and long)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const x = jaroWinkler(a, b);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1 + 1e-12);
        expect(Math.abs(x - jaroWinkler(b, a))).toBeLessThan(1e-9);
        if (a === b && a.length > 0) expect(x).toBe(1);
      }),
    );
  });
});

describe('boundedEditDistance', () => {
  it('counts substitutions, insertions, deletions and transpositions', () => {
    expect(boundedEditDistance('HASSAN', 'HASAN', 2)).toBe(1);
    expect(boundedEditDistance('HASSAN', 'HSASAN', 2)).toBe(1);
    expect(boundedEditDistance('HASSAN', 'HUSSEIN', 3)).toBe(3);
    expect(boundedEditDistance('HASSAN', 'MOHAMMED', 1)).toBe(2);
  });
});

describe('documentKey', () => {
  it('folds OCR-confusable characters and separators', () => {
    expect(documentKey('N0123456')).toBe(documentKey('NO-123 456'));
    expect(documentKey('L898902C3')).toBe(documentKey('L8989O2C3'));
    expect(documentKey('AB5S8B')).toBe(documentKey('A8SS88'));
    expect(documentKey('123')).toBeUndefined();
  });
});

/** boundedEditDistance as first written, one array per row: the reference for the reuse. */
function arrayRowsDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

describe('boundedEditDistance with reused rows', () => {
  it('answers as the one-array-per-row version, long strings included', () => {
    const name = fc.stringMatching(/^[A-F]{0,12}$/);
    fc.assert(
      fc.property(
        fc.oneof(name, fc.string({ maxLength: 90 })),
        fc.oneof(name, fc.string({ maxLength: 90 })),
        fc.integer({ min: 0, max: 4 }),
        (a, b, max) => {
          expect(boundedEditDistance(a, b, max)).toBe(arrayRowsDistance(a, b, max));
        },
      ),
      { numRuns: 500 },
    );
  });
});
