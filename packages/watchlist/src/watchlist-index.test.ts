import { describe, expect, it } from 'vitest';
import { index, NOW, query } from './watchlist-fixtures.test-support.ts';

const idx = index();
const screen = (input: Parameters<typeof query>[0]) => idx.screen(query(input), NOW);
const ids = (input: Parameters<typeof query>[0]) => screen(input).map((h) => h.entryId);

describe('screen: variation classes', () => {
  it('exact', () => {
    const [hit] = screen({
      names: [{ surname: 'AL-RASHID', given: ['MOHAMMED', 'ALI'] }],
      birthDate: '1980-03-12',
      nationality: 'SYR',
    });
    expect(hit?.entryId).toBe('E-RASHID');
    expect(hit?.score).toBeGreaterThan(0.95);
    expect(hit?.listId).toBe('national');
  });

  it('diacritics and ICAO folding, both ways', () => {
    expect(
      ids({ names: [{ surname: 'MULLER', given: ['HANS', 'JURGEN'] }], birthDate: '1968-11-23' }),
    ).toContain('E-MUELLER');
    expect(
      ids({ names: [{ surname: 'MUELLER', given: ['HANS JUERGEN'] }], birthDate: '1968-11-23' }),
    ).toContain('E-MUELLER');
    expect(
      ids({
        names: [{ surname: 'GARCIA NUNEZ', given: ['JOSE', 'LUIS'] }],
        birthDate: '1985-01-01',
      }),
    ).toContain('E-GARCIA');
  });

  it('name order swaps and "SURNAME, GIVEN"', () => {
    expect(ids({ names: ['Mohammed Ali Al-Rashid'], birthDate: '1980-03-12' })).toContain(
      'E-RASHID',
    );
    expect(
      ids({
        names: [{ surname: 'ALI', given: ['AL-RASHID', 'MOHAMMED'] }],
        birthDate: '1980-03-12',
      }),
    ).toContain('E-RASHID');
    expect(ids({ names: ['XIAOMING ZHANG'], birthDate: '1992-02-14' })).toContain('E-ZHANG');
  });

  it('missing or extra middle names and initials', () => {
    expect(
      ids({ names: [{ surname: 'AL RASHID', given: ['MOHAMMED'] }], birthDate: '1980-03-12' }),
    ).toContain('E-RASHID');
    expect(
      ids({ names: [{ surname: 'GARCIA NUNEZ', given: ['JOSE', 'L'] }], birthDate: '1985-01-01' }),
    ).toContain('E-GARCIA');
    expect(
      ids({
        names: [{ surname: 'MUELLER', given: ['HANS', 'PETER', 'JUERGEN'] }],
        birthDate: '1968-11-23',
      }),
    ).toContain('E-MUELLER');
  });

  it('transliteration: other schemes, native script and spelling variants', () => {
    expect(
      ids({ names: [{ surname: 'SHEVCHENKO', given: ['YURIY'] }], birthDate: '1975-06-01' }),
    ).toContain('E-SHEVCHENKO');
    expect(
      ids({
        names: [{ surname: 'SCHEWTSCHENKO', given: ['JURIJ', 'PETROWITSCH'] }],
        birthDate: '1975-06-01',
      }),
    ).toContain('E-SHEVCHENKO');
    expect(
      ids({
        names: [{ surname: 'ALRASHID', given: ['MUHAMMAD', 'ALY'] }],
        birthDate: '1980-03-12',
      }),
    ).toContain('E-RASHID');
    expect(ids({ names: ['Abdulrahman Hasan Mahmud'], birthDate: '1990-07-04' })).toContain(
      'E-ABDULRAHMAN',
    );
    expect(ids({ names: ['ABDURRAHMAN HASSAN MAHMOUD'], birthDate: '1990-07-04' })).toContain(
      'E-ABDULRAHMAN',
    );
    expect(
      ids({ names: [{ surname: 'PAPADOPOULOS', given: ['GEORGIOS'] }], birthDate: '1959-05-30' }),
    ).toContain('E-PAPADOPOULOS');
    expect(ids({ names: ['ZHANG XIAO-MING'], birthDate: '1992-02-14' })).toContain('E-ZHANG');
  });

  it('typos', () => {
    expect(
      ids({
        names: [{ surname: 'AL-RASHIF', given: ['MOHAMMED', 'ALI'] }],
        birthDate: '1980-03-12',
      }),
    ).toContain('E-RASHID');
    expect(
      ids({ names: [{ surname: 'PAPADOPULOS', given: ['GEROGIOS'] }], birthDate: '1959-05-30' }),
    ).toContain('E-PAPADOPOULOS');
  });

  it('MRZ and OCR: fillers, digits for letters, truncation', () => {
    expect(ids({ names: ['AL<RASH1D<<MOHAMM3D<AL1<<<<<<'], birthDate: '1980-03-12' })).toContain(
      'E-RASHID',
    );
    expect(ids({ names: ['PAPAD0P0UL0S<<GEORG'], birthDate: '1959-05-30' })).toContain(
      'E-PAPADOPOULOS',
    );
    expect(ids({ names: ['5HEVCHENK0<<YURI<PETR'], birthDate: '1975-06-01' })).toContain(
      'E-SHEVCHENKO',
    );
  });

  it('birth-date tolerance: year only, day/month swapped, one year off, 01-01 placeholder', () => {
    const name = { surname: 'AL-RASHID', given: ['MOHAMMED', 'ALI'] };
    const rule = (birthDate: string) =>
      screen({ names: [name], birthDate })[0]?.explanation.birthDate.rule;
    expect(rule('1980-12-03')).toBe('day-month-swapped');
    expect(rule('1981-03-12')).toBe('year-off-by-one');
    expect(rule('1980-01-01')).toBe('placeholder-01-01');
    expect(
      screen({ names: ['Yuri Shevchenko'], birthDate: '1975-09-09' })[0]?.explanation.birthDate
        .rule,
    ).toBe('year-only');
    expect(
      screen({ names: ['Jose Luis Garcia Nunez'], birthDate: '1985-06-20' })[0]?.explanation
        .birthDate.rule,
    ).toBe('placeholder-01-01');
  });

  it('rules out a namesake whose birth date disagrees', () => {
    expect(
      ids({
        names: [{ surname: 'AL-RASHID', given: ['MOHAMMED', 'ALI'] }],
        birthDate: '1955-08-17',
      }),
    ).toEqual([]);
    expect(ids({ names: ['Yuri Shevchenko'], birthDate: '1990-01-05' })).toEqual([]);
  });

  it('does not alert on a different person from the same pool of names', () => {
    expect(
      ids({ names: [{ surname: 'AL-HASSAN', given: ['OMAR'] }], birthDate: '1980-03-12' }),
    ).toEqual([]);
    expect(
      ids({ names: [{ surname: 'MAHMOUD', given: ['KHALED'] }], birthDate: '1990-07-04' }),
    ).toEqual([]);
  });

  it('document numbers with confusable characters, on both kinds of list', () => {
    const hits = screen({
      names: ['John Smith'],
      birthDate: '1970-01-20',
      documents: [{ number: 'XK800S521' }],
    });
    const doc = hits.find((h) => h.entryId === 'D-1');
    expect(doc?.explanation.document?.how).toBe('confusable');
    expect(doc?.score).toBeGreaterThanOrEqual(0.9);
    const person = screen({
      names: ['Someone Else'],
      documents: [{ number: 'NO123456', issuingState: 'SYR' }],
    });
    expect(person.map((h) => h.entryId)).toContain('E-RASHID');
  });
});

describe('explanations', () => {
  it('say which tokens matched, how, which did not, and which date rule applied', () => {
    const [hit] = screen({
      names: [{ surname: 'RASHID', given: ['MUHAMMAD'] }],
      birthDate: '1980-12-03',
      nationality: 'SYR',
    });
    expect(hit).toBeDefined();
    const e = hit!.explanation;
    expect(e.name?.pairs.map((p) => p.query)).toEqual(
      expect.arrayContaining(['RASHID', 'MUHAMMAD']),
    );
    expect(e.name?.pairs.find((p) => p.query === 'MUHAMMAD')?.reason).toBe('phonetic');
    expect(e.name?.unmatchedListed).toContain('ALI');
    expect(e.summary).toMatch(/MUHAMMAD~MOHAMMED/);
    expect(e.summary).toMatch(/day and month swapped/);
    expect(e.summary).toMatch(/nationality SYR agrees/);
    expect(hit!.score).toBeLessThanOrEqual(1);
    expect(hit!.score).toBeGreaterThanOrEqual(hit!.threshold);
  });
});
