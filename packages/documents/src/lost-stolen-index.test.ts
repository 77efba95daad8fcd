import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LostStolenBuilder } from './lost-stolen-builder.ts';
import { normaliseDocumentNumber } from './document-number.ts';

const CSV = [
  'issuing_state,number,status,reported_date',
  'FRA,14OI23456,stolen,2025-02-03',
  'D,C01X00T47,lost,2024-12-24',
  'GBD,123456789,revoked,2023-01-01\r',
  'USA,AB-12/34.56,invalidated,2022-06-30',
  'XYZ,123456,lost,2024-01-01',
  'FRA,12,lost,2024-01-01',
  'FRA,12345678,misplaced,2024-01-01',
  'FRA,12345679,lost,2024-02-30',
  'FRA,12345680,lost',
  '',
].join('\n');

function build(chunks: string[]) {
  const b = new LostStolenBuilder({ version: 'test-list@1' });
  for (const c of chunks) b.push(c);
  return b.finish();
}

describe('LostStolenBuilder / LostStolenIndex', () => {
  const built = build([CSV]);

  it('accepts good rows and reports bad ones with their line', () => {
    expect(built.accepted).toBe(4);
    expect(built.rejected).toBe(5);
    expect(built.issues.map((i) => [i.line, i.code])).toEqual([
      [6, 'LS_STATE'],
      [7, 'LS_NUMBER'],
      [8, 'LS_STATUS'],
      [9, 'LS_DATE'],
      [10, 'LS_COLUMNS'],
    ]);
  });

  it.each([
    ['FRA', '14OI23456', 'stolen'],
    ['FRA', '140123456', 'stolen'],
    ['FRA', '14o-i2 3456', 'stolen'],
    ['DEU', 'C01X00T47', 'lost'],
    ['D', 'CO1XOOT47', 'lost'],
    ['GBR', '123456789', 'revoked'],
    ['USA', 'AB123456', 'invalidated'],
  ])('finds %s %s despite spelling (%s)', (state, number, status) => {
    const hit = built.index.lookup(state, number);
    expect(hit?.status).toBe(status);
    expect(hit?.listVersion).toBe('test-list@1');
  });

  it('reports the reported date and the normalised number', () => {
    expect(built.index.lookup('FRA', '14OI23456')).toMatchObject({
      reportedDate: '2025-02-03',
      normalisedNumber: '140123456',
      issuingState: 'FRA',
    });
  });

  it.each([
    ['ITA', '14OI23456'],
    ['FRA', '14OI23457'],
    ['FRA', ''],
  ])('misses %s %s', (state, number) => {
    expect(built.index.lookup(state, number)).toBeNull();
  });

  it('gives the same index whatever the chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: CSV.length }), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(CSV.slice(prev, p));
          prev = p;
        }
        chunks.push(CSV.slice(prev));
        const b = build(chunks);
        expect(b.accepted).toBe(4);
        expect(b.rejected).toBe(5);
        expect(b.index.lookup('USA', 'AB123456')?.status).toBe('invalidated');
      }),
      { numRuns: 50 },
    );
  });

  it('finds every entry of a larger seeded list and rejects near misses', () => {
    const b = new LostStolenBuilder({ version: 'big', expectedEntries: 10 });
    let seed = 42;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed);
    const numbers: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const n = `X${(next() % 1e8).toString().padStart(8, '0')}`;
      numbers.push(n);
      expect(b.add('NLD', n, 'stolen', '2024-05-05')).toBeNull();
    }
    const { index } = b.finish();
    expect(index.size).toBe(20000);
    expect(index.byteLength / index.size).toBeLessThan(40);
    for (const n of numbers) expect(index.lookup('NLD', n)).not.toBeNull();
    const present = new Set(numbers.map(normaliseDocumentNumber));
    let falseHits = 0;
    for (let i = 0; i < 20000; i++) {
      const n = `Y${i}`;
      if (!present.has(n) && index.lookup('NLD', n)) falseHits++;
    }
    expect(falseHits).toBe(0);
  });
});

describe('normaliseDocumentNumber', () => {
  it.each([
    ['ab 12-34/56.7<8', 'AB12345678'],
    ['O0I1', '0011'],
    ['  ', ''],
  ])('%s → %s', (raw, out) => expect(normaliseDocumentNumber(raw)).toBe(out));
});

describe('lookup tolerance', () => {
  it('finds a listed number whatever O/0, I/1, case and separators are used', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9]{6,9}$/),
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        (num, flips) => {
          const b = new LostStolenBuilder({ version: 'v' });
          b.add('ESP', num, 'stolen', '2024-01-01');
          const { index } = b.finish();
          const typed = [...num]
            .map((ch, i) => {
              const flip = flips[i] ?? false;
              if (!flip) return ch;
              return ch === '0'
                ? 'O'
                : ch === 'O'
                  ? '0'
                  : ch === '1'
                    ? 'I'
                    : ch === 'I'
                      ? '1'
                      : ch.toLowerCase();
            })
            .join(i0(flips) ? '-' : '');
          expect(index.lookup('ESP', typed)?.status).toBe('stolen');
          expect(index.lookup('PRT', typed)).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });
});

function i0(flips: boolean[]): boolean {
  return flips[0] === true;
}

describe('LostStolenIndex edge cases', () => {
  it('answers from an empty list', () => {
    const { index, accepted } = new LostStolenBuilder({ version: 'empty' }).finish();
    expect(accepted).toBe(0);
    expect(index.lookup('FRA', '12345678')).toBeNull();
  });

  it.each([0.1, 0.5, 0.95])(
    'finds every entry and keeps duplicates at load factor %s',
    (loadFactor) => {
      const b = new LostStolenBuilder({ version: 'lf', loadFactor });
      for (let i = 0; i < 3000; i++)
        b.add('ITA', `YA${i}`, i % 2 ? 'lost' : 'stolen', '2023-03-03');
      b.add('ITA', 'YA7', 'revoked', '2024-04-04');
      const { index } = b.finish();
      expect(index.size).toBe(3001);
      for (let i = 0; i < 3000; i++) expect(index.lookup('ITA', `YA${i}`)).not.toBeNull();
      expect(index.lookup('ITA', 'YA3000')).toBeNull();
      expect(index.byteLength / index.size).toBeLessThan(12 / loadFactor + 1);
    },
  );
});
