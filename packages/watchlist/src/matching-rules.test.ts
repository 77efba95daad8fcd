// Behaviour of the matching rules added for recall and false alerts: one small list, each
// rule shown by a traveller it must find and one it must leave alone.
import { describe, expect, it } from 'vitest';
import { sameChineseSurname, wadeGilesToPinyin } from './chinese-romanisation.ts';
import { normaliseName } from './name-normaliser.ts';
import { skeletonKey } from './phonetic-key.ts';
import { joinedSimilarity } from './token-matcher.ts';
import { buildWatchlistIndex } from './watchlist-index.ts';
import {
  lists,
  NOW,
  person,
  PERSONS,
  query,
  rulesList,
} from './watchlist-fixtures.test-support.ts';
import type { WatchlistQueryInput } from './watchlist-query.ts';

const ids = rulesList('rules', [
  person('OTAIBI', 'AL-OTAIBI, Sara Muhammad Bilal', '1954-08-15', 'SAU'),
  person('SILVA', 'DA SILVA MUÑOZ, María Silvia', '1973-08-19', 'ESP'),
  person('WALID', 'WALID, Nizar Youssef', '1985-08-15', 'YEM'),
  person('CHANDRAN', 'CHANDRAN, Rahim', '1990-02-10', 'IND'),
  person('KOFI', 'OLASEGUN, Kofi', '1976-06-06', 'CIV'),
]);

describe('French OU for W', () => {
  it('gives OUALID/WALID, AOUAD/AWAD and HAOUA/HAWA one key', () => {
    expect(skeletonKey('OUALID')).toBe(skeletonKey('WALID'));
    expect(skeletonKey('AOUAD')).toBe(skeletonKey('AWAD'));
    expect(skeletonKey('HAOUA')).toBe(skeletonKey('HAWA'));
    // OU before a consonant is a vowel (MOUSSA = MUSA), not a W.
    expect(skeletonKey('MOUSSA')).toBe(skeletonKey('MUSA'));
  });

  it('finds a listed WALID written OUALID', () => {
    expect(
      ids({ names: [{ surname: 'OUALID', given: ['NIZAR', 'YOUSSEF'] }], birthDate: '1985-08-15' }),
    ).toContain('WALID');
  });
});

describe('words written joined', () => {
  it('scores a token against two adjacent ones joined', () => {
    expect(joinedSimilarity('ALOTAIBI', 'ALOTAIBI')).toBeGreaterThan(0.95);
    expect(joinedSimilarity('NASRALLAH', 'NASRALAH')).toBeGreaterThan(0.84);
    expect(joinedSimilarity('ALOTAIBI', 'ALHARBI')).toBe(0);
  });

  it('matches AL-OTAIBI to ALOTAIBI and DA SILVA to DASILVA', () => {
    expect(
      ids({
        names: [{ surname: 'ALOTAIBI', given: ['SARA', 'MUHAMMAD', 'BELAL'] }],
        birthDate: '1954-08-15',
      }),
    ).toContain('OTAIBI');
    expect(
      ids({
        names: [{ surname: 'DASILVA MUNOZ', given: ['MARIA', 'SILVIA'] }],
        birthDate: '1973-08-19',
      }),
    ).toContain('SILVA');
  });
});

describe('typos beyond one edit of the phonetic key', () => {
  it('finds a name whose misspelt token breaks its key, through the birth-date window', () => {
    expect(
      ids({ names: [{ surname: 'CMHANDRAN', given: ['RAHIM'] }], birthDate: '1990-02-10' }),
    ).toContain('CHANDRAN');
  });

  it('does not read namesakes of another date', () => {
    expect(
      ids({ names: [{ surname: 'CMHANDRAN', given: ['RAHIM'] }], birthDate: '1991-07-22' }),
    ).toEqual([]);
  });
});

describe('evidence: namesakes of common names', () => {
  // 600 listed GARCIA JOSE MORENOs make JOSE and MORENO common tokens of this list.
  const filler = Array.from({ length: 600 }, (_, i) =>
    person(`F${i}`, 'GARCIA, Jose Moreno', `19${10 + (i % 80)}-02-03`, 'ESP'),
  );
  const entries = [
    ...filler,
    person('UNDATED-COMMON', 'MORENO, Jose', '', 'MEX'),
    person('UNDATED-RARE', 'KOWALCZYK, Zbigniew', '', 'POL'),
  ];
  const build = (alert: number) =>
    buildWatchlistIndex(
      lists({
        id: 'ev',
        name: 'Evidence',
        version: '1',
        kind: 'persons',
        thresholds: { alert },
        entries,
      }),
    );
  const strict = build(0.8);
  const lenient = build(0.6);
  const screen = (i: typeof strict, input: WatchlistQueryInput) =>
    i.screen(query(input), NOW).filter((h) => h.entryId.startsWith('UNDATED'));

  it('a common name with no listed date to compare does not alert at the default threshold', () => {
    const input = {
      names: [{ surname: 'MORENO', given: ['JOSE'] }],
      birthDate: '1967-10-23',
      nationality: 'MEX',
    };
    expect(screen(strict, input)).toEqual([]);
    const [hit] = screen(lenient, input);
    expect(hit?.entryId).toBe('UNDATED-COMMON');
    expect(hit?.explanation.weakEvidence).toMatch(/no birth date to compare/);
    expect(hit?.explanation.summary).toMatch(/weak evidence/);
  });

  it('a rare name alone still alerts', () => {
    const [hit] = screen(strict, {
      names: [{ surname: 'KOWALCZYK', given: ['ZBIGNIEW'] }],
      birthDate: '1970-01-05',
      nationality: 'POL',
    });
    expect(hit?.entryId).toBe('UNDATED-RARE');
    expect(hit?.explanation.weakEvidence).toBeUndefined();
  });
});

describe('Chinese romanisations', () => {
  it('rewrites Wade-Giles syllables to pinyin and leaves pinyin and other names alone', () => {
    expect(wadeGilesToPinyin('HSIAOHSUEH')).toBe('XIAOXUE');
    expect(wadeGilesToPinyin('CHIH')).toBe('ZHI');
    expect(wadeGilesToPinyin('CHIEN')).toBe('JIAN');
    expect(wadeGilesToPinyin('HANLUNG')).toBe('HANLONG');
    expect(wadeGilesToPinyin('XIAOMING')).toBe('XIAOMING');
    expect(wadeGilesToPinyin('HASSAN')).toBe('HASSAN');
    expect(wadeGilesToPinyin('CHINEDU')).toBe('CHINEDU');
    // A surname with known other spellings keeps its form: TSAO is CAO, not ZAO.
    expect(wadeGilesToPinyin('TSAO')).toBe('TSAO');
  });

  it('knows the Cantonese and Wade-Giles spellings of common surnames', () => {
    expect(sameChineseSurname('LEE', 'LI')).toBe(true);
    expect(sameChineseSurname('WONG', 'WANG')).toBe(true);
    expect(sameChineseSurname('WONG', 'HUANG')).toBe(true);
    expect(sameChineseSurname('LEE', 'LIU')).toBe(false);
  });

  it('finds a pinyin listing from a Cantonese surname and Wade-Giles given name', () => {
    const zh = buildWatchlistIndex(
      lists({
        id: 'zh',
        name: 'Zh',
        version: '1',
        kind: 'persons',
        thresholds: { alert: 0.8 },
        entries: [
          person('SUN', 'SUN, Xiaoxue', '1979-11-20', 'TWN'),
          person('CAO', 'CAO, Shanjia', '1974-10-13', 'HKG'),
        ],
      }),
    );
    const found = (input: WatchlistQueryInput) =>
      zh.screen(query(input), NOW).map((h) => h.entryId);
    expect(
      found({ names: [{ surname: 'SUN', given: ['HSIAO-HSUEH'] }], birthDate: '1979-11-20' }),
    ).toEqual(['SUN']);
    expect(
      found({ names: [{ surname: 'TSAO', given: ['SHAN-CHIA'] }], birthDate: '1974-10-13' }),
    ).toEqual(['CAO']);
    expect(
      found({ names: [{ surname: 'TSAO', given: ['SHAN-CHIA'] }], birthDate: '1975-03-02' }),
    ).toEqual([]);
  });
});

describe('ABD compounds with a typo', () => {
  it('joins a misspelt ABD before an article, or a misspelt ABDUL, like the real one', () => {
    const toks = (s: string) => normaliseName(s).tokens.map((t) => t.text);
    expect(toks('NOUR AYD AL-AZIZ')).toEqual(toks('NOUR ABD AL-AZIZ'));
    expect(toks('ADD AL-AZIZ JAWAD')).toEqual(toks('ABD AL-AZIZ JAWAD'));
    expect(toks('ABEDUL HAMEED')).toEqual(toks('ABDUL HAMEED'));
    // The French ABDOU- spelling joins like ABDUL-: ABDOULAYE = ABDULAYE.
    expect(toks('ABDOULAYE')).toEqual(toks('ABDULAYE'));
    expect(toks('ABDOULKARIM')).toEqual(toks('ABDUL KARIM'));
    // Not every short A-word is an ABD: ALI AL-HASSAN stays three words.
    expect(toks('ALI AL-HASSAN')).toEqual(['ALI', 'AL', 'HASSAN']);
    expect(toks('ABEL MARTIN')).toEqual(['ABEL', 'MARTIN']);
  });
});

describe('middle names on listings without a birth date', () => {
  const filler = Array.from({ length: 600 }, (_, i) =>
    person(`F${i}`, 'GARCIA, Jose Moreno', `19${10 + (i % 80)}-02-03`, 'ESP'),
  );
  const ids = rulesList('undated', [
    ...filler,
    person('RARE', 'KOWALCZYK, Zbigniew Tadeusz', '', 'POL'),
    person('RARE-SHORT', 'WIŚNIEWSKA, Bożena', '', 'POL'),
    person('COMMON', 'MORENO, Jose Luis', '', 'MEX'),
  ]);
  const undated = (surname: string, ...given: string[]) =>
    ids({ names: [{ surname, given }], birthDate: '1970-01-05', nationality: 'POL' }).filter(
      (id) => !id.startsWith('F'),
    );

  it('finds a rare name with its middle name left out or one more given', () => {
    expect(undated('KOWALCZYK', 'ZBIGNIEW')).toEqual(['RARE']);
    expect(undated('KOWALCZYK', 'ZBIGNIEW', 'T')).toEqual(['RARE']);
    expect(undated('WISNIEWSKA', 'BOZENA', 'MARIA')).toEqual(['RARE-SHORT']);
  });

  it('needs the rest spelt as listed and not common', () => {
    expect(undated('KOVALCZYK', 'ZBIGNIEW')).toEqual([]);
    expect(undated('MORENO', 'JOSE')).toEqual([]);
  });
});

describe('two given tokens with one key', () => {
  it('finds SAAD SAEED MAHER from SAAD SAEED', () => {
    const ids = rulesList('same-key', [person('S', 'SAAD, Saeed Maher', '1949-10-26', 'JOR')]);
    expect(
      ids({ names: [{ surname: 'SAAD', given: ['SAEED'] }], birthDate: '1949-10-26' }),
    ).toEqual(['S']);
  });
});

describe('typos the token similarity does not forgive', () => {
  const ids = rulesList('typos', [
    person('TAM', 'BÙI, Quốc Tâm', '1968-05-20', 'VNM'),
    person('VERA', 'GROMOVA, Vera Alekseyevna', '1973-01-01', 'BLR'),
  ]);

  it('pairs a leftover token one edit from the listed one when the date agrees', () => {
    expect(
      ids({ names: [{ surname: 'BUI', given: ['QUOC', 'TA'] }], birthDate: '1968-05-20' }),
    ).toEqual(['TAM']);
    // Two edits apart is another name.
    expect(
      ids({ names: [{ surname: 'BUI', given: ['QUOC', 'TU'] }], birthDate: '1968-05-20' }),
    ).toEqual([]);
  });

  it('joins a word a typo split at a particle (ALMKSEYEVNA read as AL MKSEYEVNA)', () => {
    expect(joinedSimilarity('ALEKSEYEVNA', 'ALMKSEYEVNA')).toBeGreaterThanOrEqual(0.84);
    expect(
      ids({
        names: [{ surname: 'GROMOVA', given: ['VERA', 'ALMKSEYEVNA'] }],
        birthDate: '1973-01-01',
      }),
    ).toEqual(['VERA']);
  });
});

describe('a surname that is a particle word', () => {
  const ids = rulesList('vn', [person('LE', 'LÊ, Gia Phúc', '1976', 'VNM')]);
  const found = (surname: string, ...given: string[]) =>
    ids({ names: [{ surname, given }], birthDate: '1976-12-12' });

  it('is the family name: another surname in its place is a conflict', () => {
    expect(normaliseName('LÊ, GIA PHÚC').tokens[0]?.particle).toBe(false);
    expect(normaliseName('LE BLANC, JEAN').tokens[0]?.particle).toBe(true);
    expect(found('NGUYEN', 'GIA', 'PHUC')).toEqual([]);
  });

  it('still matches itself, in any order', () => {
    expect(found('LE', 'GIA', 'PHUC')).toEqual(['LE']);
    expect(found('GIA', 'PHUC', 'LE')).toEqual(['LE']);
  });
});

describe('another nationality with a weak date', () => {
  const build = (alert: number) =>
    buildWatchlistIndex(lists({ ...PERSONS, thresholds: { alert } }));
  const strict = build(0.8);
  const lenient = build(0.6);
  const hit = (i: typeof strict, input: WatchlistQueryInput) =>
    i.screen(query(input), NOW).find((h) => h.entryId === 'E-RASHID');
  const partialSwapped = (nationality: string) => ({
    names: [{ surname: 'AL-RASHID', given: ['MOHAMMED'] }],
    birthDate: '1980-12-03',
    nationality,
  });

  it('an incomplete name with a nearly agreeing date alerts for the listed nationality', () => {
    expect(hit(strict, partialSwapped('SYR'))).toBeDefined();
  });

  it('but not for another one: the hit says why, to a list set lower', () => {
    expect(hit(strict, partialSwapped('JOR'))).toBeUndefined();
    expect(hit(lenient, partialSwapped('JOR'))?.explanation.weakEvidence).toMatch(
      /nationality differs/,
    );
  });
});
