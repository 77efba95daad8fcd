// Chinese names reach Latin through pinyin, Wade-Giles (Taiwan, older documents) and
// Cantonese spellings (Hong Kong, the diaspora): Wade-Giles syllables are rewritten to
// pinyin, and common surnames carry their other romanisations.
import { skeletonKey } from './phonetic-key.ts';

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
