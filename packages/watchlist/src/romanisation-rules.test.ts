// Romanisation rules for Chinese (pinyin syllables, Wade-Giles without aspiration marks)
// and Russian in German or French documents: each shown by a traveller it must find and
// one it must leave alone.
import { describe, expect, it } from 'vitest';
import { pinyinSimilarity, pinyinSyllables } from './chinese-romanisation.ts';
import { normaliseName } from './name-normaliser.ts';
import { jaroWinkler } from './string-similarity.ts';
import { person, rulesList } from './watchlist-fixtures.test-support.ts';

const ids = rulesList('romanisation', [
  person('LIANG', 'LIANG, Cheng', '1981', 'SGP'),
  person('QING', 'WU, Qing', '1961-02-11', 'CHN'),
  person('BORUI', 'XU, Borui', '1965-07-08', 'SGP'),
  person('ZAKHAROV', 'ZAKHAROV, Leonid Romanovich', '1993-03-19', 'UZB'),
  person('ZHUKOV', 'ZHUKOV, Nikolay Sergeyevich', '1971', 'BLR'),
  person('CHAYKIN', 'CHAYKIN, Fyodor', '2004-04-09', 'UZB'),
]);
const sim = (a: string, b: string) => pinyinSimilarity(a, b, jaroWinkler(a, b));

describe('pinyin syllables', () => {
  it('splits joined given names and leaves other names alone', () => {
    expect(pinyinSyllables('XIAOMING')).toEqual(['XIAO', 'MING']);
    expect(pinyinSyllables('LIANG')).toEqual(['LIANG']);
    for (const other of ['ANNA', 'AYESHA', 'HANANE', 'ERGUEN', 'MUHAMMAD'])
      expect(pinyinSyllables(other)).toBeUndefined();
  });

  it('calls another syllable another name, though the consonant key agrees', () => {
    expect(sim('LING', 'LIANG')).toBeLessThan(0.9);
    expect(sim('HAO', 'HUA')).toBeLessThan(0.84);
    expect(sim('FANG', 'FENGYI')).toBeLessThan(0.84);
    expect(sim('SHENHAO', 'SHENHUA')).toBeLessThan(0.9);
    expect(sim('MOHAMMED', 'MUHAMMAD')).toBeUndefined();
  });

  it('reads syllables apart only in aspiration as one name, loosely', () => {
    expect(sim('JING', 'QING')).toBe(0.9);
    expect(sim('PORUI', 'BORUI')).toBe(0.9);
  });

  it('leaves a namesake one syllable off alone on a year-only listing', () => {
    expect(
      ids({
        names: [{ surname: 'LING', given: ['CHENG'] }],
        birthDate: '1981-03-02',
        nationality: 'TWN',
      }),
    ).not.toContain('LIANG');
    expect(
      ids({ names: [{ surname: 'LIANG', given: ['CHENG'] }], birthDate: '1981-03-02' }),
    ).toContain('LIANG');
  });

  it('finds Wade-Giles written without its aspiration mark', () => {
    // CHING is JING unaspirated, QING aspirated; NG is the Cantonese WU.
    expect(
      ids({ names: [{ surname: 'NG', given: ['CHING'] }], birthDate: '1961-02-11' }),
    ).toContain('QING');
    expect(
      ids({ names: [{ surname: 'TSUI', given: ['PO-JUI'] }], birthDate: '1965-07-08' }),
    ).toContain('BORUI');
  });
});

describe('Russian names in German and French documents', () => {
  it('reads German CH as KH and J after a vowel as Й once the endings show the scheme', () => {
    const german = normaliseName('SACHAROW, LEONID ROMANOWITSCH').tokens.map((t) => t.skeleton);
    const bgn = normaliseName('ZAKHAROV, LEONID ROMANOVICH').tokens.map((t) => t.skeleton);
    expect(german).toEqual(bgn);
    expect(
      ids({
        names: [{ surname: 'SACHAROW', given: ['LEONID', 'ROMANOWITSCH'] }],
        birthDate: '1993-03-19',
      }),
    ).toContain('ZAKHAROV');
    expect(
      ids({ names: [{ surname: 'TSCHAJKIN', given: ['FJODOR'] }], birthDate: '2004-04-09' }),
    ).toContain('CHAYKIN');
  });

  it('reads French J as ZH in a Russian name', () => {
    expect(
      ids({
        names: [{ surname: 'JOUKOV', given: ['NIKOLAI', 'SERGUEIEVITCH'] }],
        birthDate: '1971-11-18',
        nationality: 'BLR',
      }),
    ).toContain('ZHUKOV');
  });

  it('leaves names without Slavic endings as written', () => {
    expect(normaliseName('RICHTER, Hans').tokens[0]?.text).toBe('RICHTER');
    expect(normaliseName('JAMAL, Mousa').tokens[0]?.text).toBe('JAMAL');
  });
});
