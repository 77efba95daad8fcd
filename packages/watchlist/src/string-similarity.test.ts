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
