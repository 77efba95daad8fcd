// Chinese names reach Latin through pinyin, Wade-Giles (Taiwan, older documents) and
// Cantonese spellings (Hong Kong, the diaspora): Wade-Giles syllables are rewritten to
// pinyin, and common surnames carry their other romanisations.
import { skeletonKey } from './phonetic-key.ts';
import { boundedEditDistance } from './string-similarity.ts';

/**
 * Wade-Giles spellings pinyin never uses, as pinyin. Written without the apostrophe that
 * marks aspiration, CH/K/T/P/TS are ambiguous; the unaspirated reading is taken, and
 * syllables that are valid pinyin as written (CHEN, KANG, TANG) are left alone.
 */
const WG_SYLLABLE =
  /^(HS|CH|SH|TS|TZ|J|[BPMFDTNLGKHYWSZ])?(IUNG|UNG|IEN|IEH|UEH|IH|IA|IANG|IAO|IU|IN|ING|I|UO|UI|U|EN|AN|ANG|AO|E|ENG|A|AI|EI|O|OU|ONG|UAN|UN|ER|UEI)$/;

const WG_ONLY = /^HS|^TZ|^TS|IH$|IEH$|UEH$|UNG$|IEN$|^CHI(?!$)|^J(?:UI|EN|IH)$|^KUO$|^YEN$/;

function wadeGilesSyllable(s: string): string {
  if (!WG_ONLY.test(s) || !WG_SYLLABLE.test(s)) return s;
  let out = s
    .replace(/^HS/, 'X')
    .replace(/^TZ|^TS/, 'Z')
    .replace(/^J(?=[AEOU])/, 'R')
    .replace(/^JIH$/, 'RI')
    .replace(/^CHIH$/, 'ZHI')
    .replace(/^SHIH$/, 'SHI')
    .replace(/^CH(?=I)/, 'J')
    .replace(/^CHUNG$/, 'ZHONG')
    .replace(/^KUO$/, 'GUO')
    .replace(/^YEN$/, 'YAN');
  out = out
    .replace(/IUNG$/, 'IONG')
    .replace(/UNG$/, 'ONG')
    .replace(/IEN$/, 'IAN')
    .replace(/IEH$/, 'IE')
    .replace(/UEH$/, 'UE');
  return out;
}

/** Splits a token into one or two Wade-Giles/pinyin syllables (a given name), or undefined. */
function syllables(token: string): string[] | undefined {
  const out: string[] = [];
  let rest = token;
  while (rest.length > 0) {
    if (out.length === 2) return undefined;
    let taken = '';
    // Longest syllable first so that CHIANG is not read CHIA + NG.
    for (let len = Math.min(6, rest.length); len >= 1; len--) {
      const head = rest.slice(0, len);
      if (WG_SYLLABLE.test(head)) {
        taken = head;
        break;
      }
    }
    if (!taken) return undefined;
    out.push(taken);
    rest = rest.slice(taken.length);
  }
  return out;
}

/**
 * A token written in Wade-Giles as pinyin (HSIAO → XIAO, CHIHSHAN → ZHISHAN); else itself.
 * A surname whose other spellings are known keeps its form when the rewrite would leave
 * them (TSAO stays TSAO = CAO, not ZAO).
 */
export function wadeGilesToPinyin(token: string): string {
  const known = MEMO.get(token);
  if (known !== undefined) return known;
  const out = rewriteWadeGiles(token);
  if (MEMO.size >= 200_000) MEMO.clear();
  MEMO.set(token, out);
  return out;
}

/** Bounded memo of a pure function: names repeat. */
const MEMO = new Map<string, string>();

function rewriteWadeGiles(token: string): string {
  if (token.length < 2 || token.length > 14) return token;
  const parts = syllables(token);
  if (!parts || !parts.some((p) => WG_ONLY.test(p))) return token;
  const out = parts.map(wadeGilesSyllable).join('');
  const known = SURNAMES[token];
  return known && !known.includes(out) ? token : out;
}

/**
 * Common surnames and their pinyin: Cantonese (Hong Kong government), Wade-Giles and older
 * spellings. WONG is both HUANG and WANG, TSUI both XU and CUI.
 */
const SURNAMES: Record<string, readonly string[]> = {
  LEE: ['LI'],
  LAU: ['LIU'],
  CHAN: ['CHEN'],
  YEUNG: ['YANG'],
  WONG: ['HUANG', 'WANG'],
  HWANG: ['HUANG'],
  CHAO: ['ZHAO'],
  CHIU: ['ZHAO', 'QIU'],
  NG: ['WU'],
  CHOU: ['ZHOU'],
  CHOW: ['ZHOU'],
  TSUI: ['XU', 'CUI'],
  HSU: ['XU'],
  SUEN: ['SUN'],
  MAH: ['MA'],
  CHU: ['ZHU'],
  WU: ['HU'],
  KUO: ['GUO'],
  KWOK: ['GUO'],
  HO: ['HE'],
  KAO: ['GAO'],
  LAM: ['LIN'],
  LO: ['LUO', 'LU'],
  LAW: ['LUO'],
  CHENG: ['ZHENG'],
  CHING: ['CHENG'],
  LEUNG: ['LIANG'],
  HSIEH: ['XIE'],
  TSE: ['XIE'],
  SUNG: ['SONG'],
  TONG: ['TANG'],
  HON: ['HAN'],
  FUNG: ['FENG'],
  TENG: ['DENG'],
  TANG: ['DENG'],
  TSAO: ['CAO'],
  CHO: ['CAO'],
  PANG: ['PENG'],
  TSENG: ['ZENG'],
  TSANG: ['ZENG'],
  HSIAO: ['XIAO'],
  SIU: ['XIAO'],
  TIEN: ['TIAN'],
  TUNG: ['DONG'],
  POON: ['PAN'],
  YUEN: ['YUAN'],
  TSAI: ['CAI'],
  CHOI: ['CAI'],
  CHIANG: ['JIANG'],
  KONG: ['JIANG', 'KONG'],
  YUE: ['YU'],
  TU: ['DU'],
  YIP: ['YE'],
  WAI: ['WEI'],
  NGAI: ['WEI'],
  SO: ['SU'],
  LOO: ['LU'],
  LUK: ['LU'],
  TING: ['DING'],
  YAM: ['REN'],
  JEN: ['REN'],
  SHUM: ['SHEN'],
  YIU: ['YAO'],
  CHUNG: ['ZHONG'],
  TAM: ['TAN'],
  KAM: ['JIN'],
  CHIN: ['JIN'],
  KWAN: ['GUAN'],
  KU: ['GU'],
  KOO: ['GU'],
  MAK: ['MAI'],
  MOK: ['MO'],
  FONG: ['FANG'],
  CHEUNG: ['ZHANG'],
  CHANG: ['ZHANG'],
};

const EQUIVALENTS = new Map<string, Set<string>>();
for (const [variant, pinyin] of Object.entries(SURNAMES))
  for (const p of pinyin) {
    for (const [a, b] of [
      [variant, p],
      [p, variant],
    ] as const) {
      const set = EQUIVALENTS.get(a) ?? new Set<string>();
      set.add(b);
      EQUIVALENTS.set(a, set);
    }
  }

/** Other romanisations of a Chinese surname (LEE → LI, LI → LEE), empty for other tokens. */
export function surnameEquivalents(token: string): ReadonlySet<string> {
  return EQUIVALENTS.get(token) ?? NONE;
}
const NONE: ReadonlySet<string> = new Set();

/** Whether two tokens are one Chinese surname in two romanisations. */
export function sameChineseSurname(a: string, b: string): boolean {
  return EQUIVALENTS.get(a)?.has(b) ?? false;
}

/** Phonetic keys of a token's other romanisations, for blocking. */
export function equivalentKeys(token: string): string[] {
  return [...surnameEquivalents(token)].map(skeletonKey);
}

/** Pinyin finals each initial takes ('' is a syllable without initial); V is Ü. */
const PINYIN_FINALS: Record<string, string> = {
  '': 'A AI AN ANG AO E EI EN ENG ER O OU',
  B: 'A AI AN ANG AO EI EN ENG I IAN IAO IE IN ING O U',
  P: 'A AI AN ANG AO EI EN ENG I IAN IAO IE IN ING O OU U',
  M: 'A AI AN ANG AO E EI EN ENG I IAN IAO IE IN ING IU O OU U',
  F: 'A AN ANG EI EN ENG O OU U',
  D: 'A AI AN ANG AO E EI EN ENG I IA IAN IAO IE ING IU ONG OU U UAN UI UN UO',
  T: 'A AI AN ANG AO E ENG I IAN IAO IE ING ONG OU U UAN UI UN UO',
  N: 'A AI AN ANG AO E EI EN ENG I IAN IANG IAO IE IN ING IU ONG OU U UAN UE UN UO V VE',
  L: 'A AI AN ANG AO E EI ENG I IA IAN IANG IAO IE IN ING IU ONG OU U UAN UE UN UO V VE',
  G: 'A AI AN ANG AO E EI EN ENG ONG OU U UA UAI UAN UANG UI UN UO',
  K: 'A AI AN ANG AO E EN ENG ONG OU U UA UAI UAN UANG UI UN UO',
  H: 'A AI AN ANG AO E EI EN ENG ONG OU U UA UAI UAN UANG UI UN UO',
  J: 'I IA IAN IANG IAO IE IN ING IONG IU U UAN UE UN',
  Q: 'I IA IAN IANG IAO IE IN ING IONG IU U UAN UE UN',
  X: 'I IA IAN IANG IAO IE IN ING IONG IU U UAN UE UN',
  ZH: 'A AI AN ANG AO E EI EN ENG I ONG OU U UA UAI UAN UANG UI UN UO',
  CH: 'A AI AN ANG AO E EN ENG I ONG OU U UA UAI UAN UANG UI UN UO',
  SH: 'A AI AN ANG AO E EI EN ENG I OU U UA UAI UAN UANG UI UN UO',
  R: 'AN ANG AO E EN ENG I ONG OU U UA UAN UI UN UO',
  Z: 'A AI AN ANG AO E EI EN ENG I ONG OU U UAN UI UN UO',
  C: 'A AI AN ANG AO E EN ENG I ONG OU U UAN UI UN UO',
  S: 'A AI AN ANG AO E EN ENG I ONG OU U UAN UI UN UO',
  Y: 'A AN ANG AO E I IN ING O ONG OU U UAN UE UN',
  W: 'A AI AN ANG EI EN ENG O U',
};
const PINYIN = new Set(
  Object.entries(PINYIN_FINALS).flatMap(([i, finals]) => finals.split(' ').map((f) => i + f)),
);

/**
 * A token as one or two pinyin syllables (longest first, backtracking), or undefined. The
 * second syllable must have an initial and no letter may be doubled: joined Chinese given
 * names rarely do otherwise, and this keeps ERGUEN, ANNA, HANANE or AYESHA out.
 */
export function pinyinSyllables(token: string): readonly string[] | undefined {
  const known = SYLLABLE_MEMO.get(token);
  if (known !== undefined) return known ?? undefined;
  const split =
    token.length > 0 && token.length <= 12 && !/(.)\1/.test(token)
      ? splitPinyin(token, 2)
      : undefined;
  if (SYLLABLE_MEMO.size >= 200_000) SYLLABLE_MEMO.clear();
  SYLLABLE_MEMO.set(token, split ?? null);
  return split;
}
const SYLLABLE_MEMO = new Map<string, readonly string[] | null>();

function splitPinyin(rest: string, left: number, first = true): string[] | undefined {
  if (rest.length === 0) return [];
  if (left === 0 || (!first && /^[AEIOU]/.test(rest))) return undefined;
  for (let len = Math.min(6, rest.length); len >= 1; len--) {
    const head = rest.slice(0, len);
    if (!PINYIN.has(head)) continue;
    const tail = splitPinyin(rest.slice(len), left - 1, false);
    if (tail) return [head, ...tail];
  }
  return undefined;
}

/**
 * The token's pinyin syllables as written or read as Wade-Giles, undefined when neither:
 * asked for both tokens of every compared pair, so memoised like the readings it joins.
 */
function pinyinReading(token: string): readonly string[] | undefined {
  const known = READING_MEMO.get(token);
  if (known !== undefined) return known ?? undefined;
  const split = pinyinSyllables(token) ?? pinyinSyllables(wadeGilesReading(token));
  if (READING_MEMO.size >= 200_000) READING_MEMO.clear();
  READING_MEMO.set(token, split ?? null);
  return split;
}
const READING_MEMO = new Map<string, readonly string[] | null>();

/** A token read as Wade-Giles even where a surname table keeps it (CHING = JING). */
function wadeGilesReading(token: string): string {
  const parts = token.length <= 12 ? syllables(token) : undefined;
  return parts && parts.some((p) => WG_ONLY.test(p)) ? parts.map(wadeGilesSyllable).join('') : '';
}

/** Initials that Wade-Giles without its aspiration apostrophe writes alike. */
const UNASPIRATED: Record<string, string> = { P: 'B', T: 'D', K: 'G', Q: 'J', CH: 'ZH', C: 'Z' };
const initialOf = (s: string) => /^(ZH|CH|SH|[BPMFDTNLGKHJQXRZCSYW])?/.exec(s)?.[0] ?? '';

/**
 * Two tokens that are both pinyin: another syllable is another name (LING ≠ LIANG,
 * PENG ≠ PING) though the consonant key agrees, so the key proves nothing here. The same
 * syllables up to aspiration (QING and a Wade-Giles CHING read as JING, BO and PO) are the
 * one name loosely; one syllable one letter apart may be a typo; anything else differs.
 * Undefined when either token is not pinyin.
 */
export function pinyinSimilarity(a: string, b: string, jw: number): number | undefined {
  const sa = pinyinReading(a);
  const sb = sa && pinyinReading(b);
  if (!sa || !sb) return undefined;
  // One letter more or less (MIN/MINA, a typo) may still be the name, loosely.
  if (sa.length !== sb.length) return Math.min(jw, boundedEditDistance(a, b, 1) <= 1 ? 0.86 : 0.8);
  let aspiration = 0;
  let other = 0;
  for (let i = 0; i < sa.length; i++) {
    const x = sa[i] ?? '';
    const y = sb[i] ?? '';
    if (x === y) continue;
    const ix = initialOf(x);
    const iy = initialOf(y);
    if (
      x.slice(ix.length) === y.slice(iy.length) &&
      (UNASPIRATED[ix] ?? ix) === (UNASPIRATED[iy] ?? iy)
    )
      aspiration++;
    else other++;
  }
  if (other === 0) return 0.9;
  return Math.min(jw, other === 1 && aspiration === 0 ? 0.86 : 0.8);
}
