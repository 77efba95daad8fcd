import { describe, expect, it } from 'vitest';
import { joinedVariants, normaliseName } from './name-normaliser.ts';
import { skeletonKey } from './phonetic-key.ts';
import { transliterateToLatin } from './script-transliterator.ts';

const tokens = (s: string) => normaliseName(s).tokens.map((t) => t.text);

describe('transliterateToLatin', () => {
  it('folds Latin the ICAO way', () => {
    expect(transliterateToLatin('Müller Straße')).toBe('MUELLER STRASSE');
    expect(transliterateToLatin('Björn Øster Åsa')).toBe('BJOERN OESTER AASA');
    expect(transliterateToLatin('Núñez Çelik Łukasz')).toBe('NUNEZ CELIK LUKASZ');
    // Decomposed umlaut folds like the composed one.
    expect(transliterateToLatin('Mu\u0308ller')).toBe('MUELLER');
  });

  it('uses the ICAO Cyrillic table', () => {
    expect(transliterateToLatin('Жанна Хасанова')).toBe('ZHANNA KHASANOVA');
    expect(transliterateToLatin('Щербаков Юрий')).toBe('SHCHERBAKOV IURII');
    expect(transliterateToLatin('Цветкова Яна')).toBe('TSVETKOVA IANA');
    expect(transliterateToLatin('Олексій Ґудзь')).toBe('OLEKSII GUDZ');
  });

  it('transliterates Greek with its digraphs', () => {
    expect(transliterateToLatin('ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ')).toBe('GEORGIOS PAPADOPOULOS');
    expect(transliterateToLatin('Χρήστος Θεοδώρου')).toBe('CHRISTOS THEODOROU');
  });

  it('romanises Arabic script consonantally, article apart', () => {
    expect(transliterateToLatin('محمد')).toBe('MHMD');
    expect(transliterateToLatin('الحسن')).toBe('AL HSN');
    expect(transliterateToLatin('علي')).toBe('ALI');
  });

  it('keeps the SURNAME, GIVEN and MRZ << separators', () => {
    expect(transliterateToLatin('AL<RASHID<<MOHAMMED<ALI')).toBe('AL RASHID,MOHAMMED ALI');
  });
});

describe('normaliseName', () => {
  it('accepts split names and free text alike', () => {
    expect(tokens('Hassan, Ali')).toEqual(['HASSAN', 'ALI']);
    expect(
      normaliseName({ surname: 'Hassan', given: ['Ali', 'Omar'] }).tokens.map((t) => t.text),
    ).toEqual(['HASSAN', 'ALI', 'OMAR']);
  });

  it('repairs OCR digits and MRZ fillers and flags the name as possibly cut', () => {
    const n = normaliseName('AL<RASH1D<<MOHAMM3D<AL1<<<<');
    expect(n.tokens.map((t) => t.text)).toEqual(['AL', 'RASHID', 'MOHAMMED', 'ALI']);
    expect(n.ocrRepaired).toBe(true);
    expect(n.mrz).toBe(true);
    expect(n.display).toBe('AL RASHID, MOHAMMED ALI');
  });

  it('joins Abd al- compounds however they are written', () => {
    for (const v of [
      'Abd al-Rahman',
      'Abdul Rahman',
      'ABDULRAHMAN',
      'Abdur Rahman',
      'Abdel-Rahman',
      'عبد الرحمن',
    ])
      expect(skeletonKey(tokens(v)[0] ?? '')).toBe('ABDRHMN');
  });

  it('marks particles, splits a joined Arabic article, keeps particles of a short name', () => {
    const n = normaliseName('Mohammed Alrashid bin Salem');
    expect(n.tokens.map((t) => [t.text, t.particle])).toEqual([
      ['MOHAMMED', false],
      ['AL', true],
      ['RASHID', false],
      ['BIN', true],
      ['SALEM', false],
    ]);
    expect(normaliseName('Le Van').tokens.every((t) => !t.particle)).toBe(true);
  });

  it('offers joined variants of pinyin syllables only', () => {
    expect(joinedVariants(normaliseName('ZHANG XIAO-MING')).map((v) => v.display)).toContain(
      'ZHANG XIAOMING',
    );
    expect(joinedVariants(normaliseName('ALI HASAN OMAR'))).toEqual([]);
  });

  it('has no tokens for a name without letters', () => {
    expect(normaliseName(' - , <<< ').tokens).toEqual([]);
  });
});

describe('skeletonKey', () => {
  it('gives one key to the spellings of one name', () => {
    const same = [
      ['MUHAMMAD', 'MOHAMMED', 'MOHAMED', 'MUKHAMMED', 'MHMD'],
      ['YURI', 'IURII', 'YURIY', 'JURIJ'],
      ['SHEVCHENKO', 'CHEVTCHENKO', 'SCHEWTSCHENKO'],
      ['YUSUF', 'YOUSSEF', 'YOUSEF'],
      ['HUSSEIN', 'HUSAYN', 'HOSSEIN'],
      ['ABDULLAH', 'ABDULLA'],
      ['ZHANG', 'CHANG'],
    ];
    for (const group of same) expect(new Set(group.map(skeletonKey)).size, group.join('/')).toBe(1);
  });

  it('keeps different names apart', () => {
    expect(skeletonKey('RASHID')).not.toBe(skeletonKey('HAMID'));
    expect(skeletonKey('PETROV')).not.toBe(skeletonKey('IVANOV'));
    expect(skeletonKey('PAPADOPOULOS')).not.toBe(skeletonKey('PAPAOPOULOS'));
  });
});
