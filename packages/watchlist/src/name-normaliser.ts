// Turns a name as written (any script, "SURNAME, Given", MRZ with `<` fillers and OCR
// digits) into canonical tokens with phonetic keys, the unit both index and query use.
import { wadeGilesToPinyin } from './chinese-romanisation.ts';
import { skeletonKey } from './phonetic-key.ts';
import { boundedEditDistance } from './string-similarity.ts';
import { transliterateToLatin } from './script-transliterator.ts';

export interface NameToken {
  /** Canonical MRZ-alphabet form (Abd al-Rahman → ABDRAHMAN). */
  text: string;
  skeleton: string;
  /** al-, bin, van, de…: kept for explanations, weighed lightly, not used for blocking. */
  particle: boolean;
  /** A single letter: an initial. */
  initial: boolean;
}

export interface NormalisedName {
  tokens: NameToken[];
  /** The folded display form, e.g. `AL RASHID, MOHAMMED`. */
  display: string;
  /** Digits were read as letters (OCR/MRZ repair happened). */
  ocrRepaired: boolean;
  /** Written with MRZ `<` fillers or OCR digits: the last token may be cut short. */
  mrz: boolean;
}

export type NameInput = string | { surname: string; given: readonly string[] };

const PARTICLES = new Set([
  'AL',
  'EL',
  'UL',
  'AD',
  'AR',
  'AS',
  'AZ',
  'AN',
  'AT',
  'ASH',
  'BIN',
  'BINT',
  'BINTI',
  'IBN',
  'BEN',
  'BENT',
  'OULD',
  'VAN',
  'VON',
  'DER',
  'DEN',
  'DE',
  'DI',
  'DA',
  'DOS',
  'DAS',
  'DO',
  'DEL',
  'DELLA',
  'LA',
  'LE',
  'DU',
  'Y',
  'E',
  'ZU',
  'TER',
  'MC',
]);

/** Digits never occur in names: an OCR or MRZ reader confused them with these letters. */
const OCR_DIGITS: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '3': 'E',
  '4': 'A',
  '5': 'S',
  '6': 'G',
  '7': 'T',
  '8': 'B',
  '9': 'G',
};

/** Arabic theophoric compounds are written joined or apart: ABD AL RAHMAN = ABDULRAHMAN. */
const ABD = /^(ABD|ABDU|ABDUL|ABDEL|ABDAL|ABDOL|ABDUR|ABDER|ABDOU|ABDI)$/;
const ABU = /^(ABU|ABOU|ABO)$/;

export function isParticle(text: string): boolean {
  return PARTICLES.has(text);
}

function canonicalAbd(token: string): string {
  if (!token.startsWith('ABD') || token.length < 6) return token;
  const rest = token
    .slice(3)
    .replace(/^(?:OU|[AEIOU])?L(?=[A-Z]{2})/, '')
    .replace(/^[AEIOU]([RSZTDN])(?=\1)/, '');
  return 'ABD' + rest;
}

/** ALRASHID, ELSAYED: the Arabic article written joined becomes the separate particle. */
function splitArticle(words: string[]): string[] {
  return words.flatMap((w) =>
    /^(AL|EL)[^AEIOUL][A-Z]{3,}$/.test(w) ? [w.slice(0, 2), w.slice(2)] : [w],
  );
}

const ARTICLE = /^(AL|EL|UL|AR|UR|AS|AD)$/;

/**
 * ABD with a typo (AYD AL-AZIZ, ABEDUL HAMEED): a three-letter word one letter off ABD
 * before a separate article and a name, or a word one edit off ABDUL/ABDEL/ABDUR.
 */
function misspeltAbd(w: string, next: string | undefined, after: string | undefined): boolean {
  if (next === undefined || w[0] !== 'A') return false;
  if (w.length === 3 && ARTICLE.test(next) && after !== undefined)
    return boundedEditDistance(w, 'ABD', 1) <= 1;
  if (w.length >= 5 && w.length <= 6 && !isParticle(next))
    return ['ABDUL', 'ABDEL', 'ABDAL', 'ABDUR'].some((a) => boundedEditDistance(w, a, 1) <= 1);
  return false;
}

function joinCompounds(input: string[]): string[] {
  const words = splitArticle(input);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const next = words[i + 1];
    if ((ABD.test(w) || ABU.test(w) || misspeltAbd(w, next, words[i + 2])) && next !== undefined) {
      // Skip a separate article: ABD AL RAHMAN, ABU EL FADL.
      const afterArticle = /^(AL|EL|UL|AR|UR|AS|AD)$/.test(next) ? words[i + 2] : undefined;
      const tail = afterArticle ?? next;
      out.push(ABU.test(w) ? 'ABU' + tail : canonicalAbd('ABDAL' + tail));
      i += afterArticle !== undefined ? 2 : 1;
      continue;
    }
    out.push(canonicalAbd(w));
  }
  return out;
}

/** Slavic surname and patronymic endings as German-scheme romanisation writes them (В = W). */
const GERMAN_SLAVIC = /(?:OW|EW|OWA|EWA|OWNA|EWNA|OWITSCH|EWITSCH)$|TSCH/;
/** The same endings as BGN, ICAO and French write them (В = V). */
const SLAVIC = /(?:OV|EV|OVA|EVA|OVNA|EVNA|OVICH|EVICH|OVITCH|EVITCH|ENKO)$/;

/**
 * A Russian or Ukrainian name in a German or French document (SACHAROW = ZAKHAROV, JOUKOV
 * = ZHUKOV): the letters those schemes use for another sound, read once the name's
 * Slavic endings show the scheme. German CH is KH and J not before a vowel is Й
 * (TSCHAJKIN = CHAYKIN); French J is Ж. Other names are left alone.
 */
function cyrillicSchemeRepairs(words: string[]): string[] {
  if (words.some((w) => GERMAN_SLAVIC.test(w)))
    return words.map((w) =>
      w.replace(/(^|[^ST])CH/g, '$1KH').replace(/([AEIOU])J(?![AEIOU])/g, '$1I'),
    );
  if (words.some((w) => SLAVIC.test(w)) && words.some((w) => w.includes('J')))
    return words.map((w) => w.replace(/J/g, 'ZH'));
  return words;
}

function toText(name: NameInput): string {
  if (typeof name === 'string') return name;
  return `${name.surname}, ${name.given.join(' ')}`;
}

export function normaliseName(name: NameInput): NormalisedName {
  const latin = transliterateToLatin(toText(name));
  let ocrRepaired = false;
  const repaired = latin.replace(/[0-9]/g, (d) => {
    ocrRepaired = true;
    return OCR_DIGITS[d] ?? '';
  });
  const words = cyrillicSchemeRepairs(repaired.split(/[ ,]+/).filter((w) => w.length > 0));
  const joined = joinCompounds(words).map(wadeGilesToPinyin);
  let tokens: NameToken[] = joined.map((text) => ({
    text,
    skeleton: skeletonKey(text),
    particle: PARTICLES.has(text),
    initial: text.length === 1,
  }));
  // A name made mostly of particles (LE VAN AN) keeps them as real tokens.
  if (tokens.filter((t) => !t.particle && !t.initial).length < 2)
    tokens = tokens.map((t) => ({ ...t, particle: false }));
  // A surname that is one particle word is no particle: it is the family name (Vietnamese
  // LÊ, ĐỖ; Indian DAS), and another surname in its place is a conflict, not a detail.
  const comma = repaired.indexOf(',');
  const surname = comma > 0 ? repaired.slice(0, comma).trim() : '';
  const first = tokens[0];
  if (first?.particle && first.text === surname) tokens[0] = { ...first, particle: false };
  const display = repaired
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s+/g, ' ')
    .replace(/^, |, $/g, '')
    .trim();
  return { tokens, display, ocrRepaired, mrz: ocrRepaired || toText(name).includes('<') };
}

/** A pinyin or Wade-Giles syllable: initial, vowel cluster, optional final N/NG/R. */
const SYLLABLE = /^(ZH|CH|SH|HS|TS|[BPMFDTNLGKHJQXRZCSYW])?[AEIOUV]{1,3}(NG|N|R)?$/;

/**
 * Chinese and Vietnamese given names are written joined, hyphenated or apart (XIAOMING,
 * XIAO-MING, XIAO MING): the variants with one pair of short adjacent tokens joined.
 */
export function joinedVariants(name: NormalisedName): NormalisedName[] {
  const out: NormalisedName[] = [];
  const t = name.tokens;
  for (let i = 0; i + 1 < t.length && out.length < 2; i++) {
    const a = t[i];
    const b = t[i + 1];
    if (!a || !b || a.particle || b.particle || !SYLLABLE.test(a.text) || !SYLLABLE.test(b.text))
      continue;
    if (a.text.length + b.text.length > 10) continue;
    const text = a.text + b.text;
    const joined: NameToken = {
      text,
      skeleton: skeletonKey(text),
      particle: false,
      initial: false,
    };
    const tokens = [...t.slice(0, i), joined, ...t.slice(i + 2)];
    out.push({ ...name, tokens, display: tokens.map((x) => x.text).join(' ') });
  }
  return out;
}
