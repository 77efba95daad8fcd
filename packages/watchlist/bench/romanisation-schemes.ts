// Other romanisation schemes than the ICAO one the index uses, so the evaluation set holds
// the spellings real lists and documents carry: BGN/PCGN, German and French for Cyrillic,
// a phonetic (ELOT-like) one for Greek.
import { transliterateToLatin } from '../src/script-transliterator.ts';

type Table = Record<string, string>;

const BGN: Table = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Е: 'E',
  Ё: 'YO',
  Ж: 'ZH',
  З: 'Z',
  И: 'I',
  Й: 'Y',
  К: 'K',
  Л: 'L',
  М: 'M',
  Н: 'N',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  У: 'U',
  Ф: 'F',
  Х: 'KH',
  Ц: 'TS',
  Ч: 'CH',
  Ш: 'SH',
  Щ: 'SHCH',
  Ъ: '',
  Ы: 'Y',
  Ь: '',
  Э: 'E',
  Ю: 'YU',
  Я: 'YA',
  І: 'I',
  Ї: 'YI',
  Є: 'YE',
  Ґ: 'G',
};
const GERMAN: Table = {
  ...BGN,
  В: 'W',
  Ё: 'JO',
  Ж: 'SCH',
  З: 'S',
  Й: 'J',
  Х: 'CH',
  Ц: 'Z',
  Ч: 'TSCH',
  Ш: 'SCH',
  Щ: 'SCHTSCH',
  Ю: 'JU',
  Я: 'JA',
  Ы: 'Y',
};
const FRENCH: Table = {
  ...BGN,
  Ё: 'IO',
  Ж: 'J',
  Й: 'I',
  Ч: 'TCH',
  Ш: 'CH',
  Щ: 'CHTCH',
  У: 'OU',
  Ю: 'IOU',
  Я: 'IA',
};

function cyrillicWith(table: Table, word: string, yeAtStart: boolean): string {
  const up = word.toUpperCase();
  let out = '';
  for (let i = 0; i < up.length; i++) {
    const c = up[i] ?? '';
    const prevVowel = i > 0 && 'АЕЁИОУЫЭЮЯ'.includes(up[i - 1] ?? '');
    if (c === 'Е' && yeAtStart && (i === 0 || prevVowel)) out += table === GERMAN ? 'JE' : 'YE';
    else if (c === 'С' && table !== BGN && prevVowel && 'АЕЁИОУЫЭЮЯ'.includes(up[i + 1] ?? ''))
      out += 'SS';
    else out += table[c] ?? c;
  }
  return out;
}

/** A Cyrillic word in each scheme, always in this order: BGN (the common one), ICAO, German, French. */
export function cyrillicSchemes(word: string): string[] {
  return [
    cyrillicWith(BGN, word, true),
    transliterateToLatin(word),
    cyrillicWith(GERMAN, word, true),
    cyrillicWith(FRENCH, word, false),
  ];
}

/** Every romanisation of a Cyrillic word, BGN first. */
export function cyrillicSpellings(word: string): string[] {
  return [...new Set(cyrillicSchemes(word))];
}

const GREEK_PHONETIC: [RegExp, string][] = [
  [/ΟΥ/g, 'OU'],
  [/ΑΙ/g, 'E'],
  [/ΕΙ|ΟΙ/g, 'I'],
  [/ΑΥ/g, 'AV'],
  [/ΕΥ/g, 'EV'],
  [/^ΜΠ/g, 'B'],
  [/^ΝΤ/g, 'D'],
  [/Χ/g, 'H'],
  [/Η|Υ/g, 'I'],
  [/Θ/g, 'TH'],
  [/Φ/g, 'F'],
  [/Ψ/g, 'PS'],
  [/Ξ/g, 'X'],
  [/Ω/g, 'O'],
  [/Β/g, 'V'],
];

/** A Greek word in each scheme, always in this order: ICAO (ELOT 743), phonetic. */
export function greekSchemes(word: string): string[] {
  const icao = transliterateToLatin(word);
  let p = word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/ς/g, 'Σ');
  for (const [re, to] of GREEK_PHONETIC) p = p.replace(re, to);
  const phonetic = transliterateToLatin(p);
  return [icao, phonetic];
}

export function greekSpellings(word: string): string[] {
  return [...new Set(greekSchemes(word))];
}
