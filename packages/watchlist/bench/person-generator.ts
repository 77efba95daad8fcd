// Seeded synthetic people drawn from the multi-origin pools, each name part a group of
// spellings so the same person can be written the ways lists and documents write them.
import * as C from './name-composer.ts';
import * as P from './name-pools.ts';
import {
  cyrillicSchemes,
  cyrillicSpellings,
  greekSchemes,
  greekSpellings,
} from './romanisation-schemes.ts';

export type Rng = () => number;

/** mulberry32: small, fast, seeded. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)] as T;
}

/** Name frequencies are skewed: early pool items are the common ones. */
function pickSkewed<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(Math.pow(rng(), 1.25) * xs.length)] as T;
}

export type Role = 'given' | 'middle' | 'surname';
export interface NamePart {
  role: Role;
  group: P.NameGroup;
}
export type Script = 'latin' | 'arabic' | 'cyrillic' | 'greek';

export interface Person {
  origin: string;
  script: Script;
  /** Native order of parts; `surnameFirst` origins write the surname first. */
  parts: NamePart[];
  surnameFirst: boolean;
  nationality: string;
}

const cyr = (w: string): P.NameGroup => ({
  spellings: cyrillicSpellings(w),
  native: w,
  schemes: cyrillicSchemes(w),
});
const grk = (w: string): P.NameGroup => ({
  spellings: greekSpellings(w),
  native: w,
  schemes: greekSchemes(w),
});

const RU_MALE = P.CYRILLIC_MALE.map(cyr);
const RU_FEMALE = P.CYRILLIC_FEMALE.map(cyr);
const RU_SURNAME = [...P.CYRILLIC_SURNAME_ROOTS, ...C.RUSSIAN_SURNAMES];
const GR_MALE = P.GREEK_MALE.map(grk);
const GR_FEMALE = P.GREEK_FEMALE.map(grk);
const GR_SURNAME = [...P.GREEK_SURNAME, ...C.GREEK_SURNAMES].map(grk);

const NISBA =
  `BASR KUF HILL MOSUL TIKRIT ANBAR KARBALA NAJAF HOMS HAMAW DIMASHQ IDLIB DARAAW RAQQAW TRABULS
  SAIDAW SUR MAGHRIB TUNIS JAZAIR LIB YAMAN HADRAM SANAAN ADAN HIJAZ NAJD QASIM AHSA KUWAIT BAHRAIN
  OMAN QATAR FILISTIN KHALIL NABULS GHAZZAW QUDS IRBID ZARQAW`
    .trim()
    .split(/\s+/)
    .map((r): P.NameGroup => {
      const n = r + 'I';
      return { spellings: ['AL-' + n, 'EL-' + n, 'AL' + n, n] };
    });
const AR_SURNAME = [...P.ARABIC_SURNAME, ...NISBA, ...P.ARABIC_MALE];
const PERSIAN_MALE = [...P.PERSIAN_MALE, ...C.PERSIAN_GIVEN_EXTRA];
const PERSIAN_SURNAME = [...P.PERSIAN_SURNAME, ...C.PERSIAN_SURNAMES];
const WA_MALE = [...P.WEST_AFRICAN_MALE, ...C.WEST_AFRICAN_GIVEN_EXTRA];
const WA_SURNAME = [...P.WEST_AFRICAN_SURNAME, ...C.WEST_AFRICAN_SURNAMES];
const SA_MALE = [...P.SOUTH_ASIAN_MALE, ...C.SOUTH_ASIAN_GIVEN_EXTRA];
const SA_SURNAME = [...P.SOUTH_ASIAN_SURNAME, ...C.SOUTH_ASIAN_SURNAMES];
const TR_MALE = [...P.TURKISH_MALE, ...C.TURKISH_GIVEN_EXTRA];
const TR_SURNAME = [...P.TURKISH_SURNAME, ...C.TURKISH_SURNAMES];
const EU_SURNAME = [...P.EUROPEAN_SURNAME, ...C.EUROPEAN_SURNAMES];

function patronymic(father: string, female: boolean): string | undefined {
  if (/[ая]$/.test(father)) return undefined;
  if (/[йь]$/.test(father)) return father.slice(0, -1) + (female ? 'евна' : 'евич');
  return father + (female ? 'овна' : 'ович');
}

function russianSurname(root: string, female: boolean): string {
  if (!female) return root;
  if (/(ов|ев|ёв|ин)$/.test(root)) return root + 'а';
  if (/ский$/.test(root)) return root.replace(/ский$/, 'ская');
  return root;
}

function chineseGiven(rng: Rng): P.NameGroup {
  const n = rng() < 0.75 ? 2 : 1;
  const syl = Array.from({ length: n }, () => pick(rng, P.CHINESE_SYLLABLES));
  const pinyin = syl.map((s) => s[0]);
  const wg = syl.map((s) => s[1]);
  const spellings = [pinyin.join(''), pinyin.join('-'), pinyin.join(' '), wg.join('-')];
  return { spellings: [...new Set(spellings)] };
}

interface OriginSpec {
  id: string;
  weight: number;
  script: Script;
  nationalities: string[];
  make(rng: Rng, female: boolean): { parts: NamePart[]; surnameFirst: boolean };
}

const g = (group: P.NameGroup): NamePart => ({ role: 'given', group });
const m = (group: P.NameGroup): NamePart => ({ role: 'middle', group });
const s = (group: P.NameGroup): NamePart => ({ role: 'surname', group });

export const ORIGINS: OriginSpec[] = [
  {
    id: 'arabic',
    weight: 22,
    script: 'arabic',
    nationalities: [
      'SYR',
      'IRQ',
      'EGY',
      'SAU',
      'JOR',
      'YEM',
      'LBY',
      'SDN',
      'MAR',
      'DZA',
      'TUN',
      'LBN',
      'PSE',
    ],
    make: (rng, f) => {
      const parts = [
        g(pickSkewed(rng, f ? P.ARABIC_FEMALE : P.ARABIC_MALE)),
        m(pickSkewed(rng, P.ARABIC_MALE)),
      ];
      if (rng() < 0.4) parts.push(m(pickSkewed(rng, P.ARABIC_MALE)));
      parts.push(s(pickSkewed(rng, AR_SURNAME)));
      return { parts, surnameFirst: false };
    },
  },
  {
    id: 'persian',
    weight: 8,
    script: 'arabic',
    nationalities: ['IRN', 'AFG'],
    make: (rng, f) => {
      const parts = [g(pickSkewed(rng, f ? P.PERSIAN_FEMALE : PERSIAN_MALE))];
      if (rng() < 0.3) parts.push(m(pickSkewed(rng, PERSIAN_MALE)));
      parts.push(s(pickSkewed(rng, PERSIAN_SURNAME)));
      return { parts, surnameFirst: false };
    },
  },
  {
    id: 'russian',
    weight: 14,
    script: 'cyrillic',
    nationalities: ['RUS', 'UKR', 'BLR', 'KAZ', 'UZB'],
    make: (rng, f) => {
      const given = pickSkewed(rng, f ? RU_FEMALE : RU_MALE);
      const parts = [g(given)];
      const pat = patronymic(pick(rng, P.CYRILLIC_MALE), f);
      if (pat && rng() < 0.8) parts.push(m(cyr(pat)));
      parts.push(s(cyr(russianSurname(pickSkewed(rng, RU_SURNAME), f))));
      return { parts, surnameFirst: true };
    },
  },
  {
    id: 'greek',
    weight: 3,
    script: 'greek',
    nationalities: ['GRC', 'CYP'],
    make: (rng, f) => ({
      parts: [g(pickSkewed(rng, f ? GR_FEMALE : GR_MALE)), s(pickSkewed(rng, GR_SURNAME))],
      surnameFirst: true,
    }),
  },
  {
    id: 'chinese',
    weight: 10,
    script: 'latin',
    nationalities: ['CHN', 'TWN', 'HKG', 'SGP'],
    make: (rng) => ({
      parts: [s(pickSkewed(rng, P.CHINESE_SURNAME)), g(chineseGiven(rng))],
      surnameFirst: true,
    }),
  },
  {
    id: 'vietnamese',
    weight: 2,
    script: 'latin',
    nationalities: ['VNM'],
    make: (rng) => ({
      parts: [s(pickSkewed(rng, P.VIETNAMESE_SURNAME)), g(pick(rng, C.VIETNAMESE_GIVEN))],
      surnameFirst: true,
    }),
  },
  {
    id: 'hispanic',
    weight: 12,
    script: 'latin',
    nationalities: ['ESP', 'MEX', 'COL', 'VEN', 'PER', 'ARG', 'BRA', 'PRT', 'AGO'],
    make: (rng, f) => {
      const pool = f ? P.SPANISH_FEMALE : P.SPANISH_MALE;
      const parts = [g(pickSkewed(rng, pool))];
      if (rng() < 0.4) parts.push(m(pickSkewed(rng, pool)));
      parts.push(s(pickSkewed(rng, P.SPANISH_SURNAME)));
      if (rng() < 0.7) parts.push(s(pickSkewed(rng, P.SPANISH_SURNAME)));
      return { parts, surnameFirst: false };
    },
  },
  {
    id: 'west-african',
    weight: 10,
    script: 'latin',
    nationalities: ['NGA', 'GHA', 'SEN', 'MLI', 'GIN', 'CIV', 'GMB', 'SLE', 'BFA'],
    make: (rng, f) => {
      const pool = f ? P.WEST_AFRICAN_FEMALE : WA_MALE;
      const parts = [g(pickSkewed(rng, pool))];
      if (rng() < 0.5) parts.push(m(pickSkewed(rng, pool)));
      parts.push(s(pickSkewed(rng, WA_SURNAME)));
      return { parts, surnameFirst: false };
    },
  },
  {
    id: 'south-asian',
    weight: 10,
    script: 'latin',
    nationalities: ['PAK', 'IND', 'BGD', 'AFG', 'LKA', 'NPL'],
    make: (rng, f) => {
      const pool = f ? P.SOUTH_ASIAN_FEMALE : SA_MALE;
      const parts = [g(pickSkewed(rng, pool))];
      if (rng() < 0.3) parts.push(m(pickSkewed(rng, pool)));
      parts.push(s(pickSkewed(rng, SA_SURNAME)));
      return { parts, surnameFirst: false };
    },
  },
  {
    id: 'turkish',
    weight: 5,
    script: 'latin',
    nationalities: ['TUR'],
    make: (rng, f) => {
      const pool = f ? P.TURKISH_FEMALE : TR_MALE;
      const parts = [g(pickSkewed(rng, pool))];
      if (rng() < 0.3) parts.push(m(pickSkewed(rng, pool)));
      parts.push(s(pickSkewed(rng, TR_SURNAME)));
      return { parts, surnameFirst: false };
    },
  },
  {
    id: 'european',
    weight: 6,
    script: 'latin',
    nationalities: ['DEU', 'FRA', 'ITA', 'POL', 'CZE', 'ROU', 'ALB', 'DNK', 'IRL', 'NLD'],
    make: (rng, f) => {
      const pool = f ? P.EUROPEAN_FEMALE : P.EUROPEAN_MALE;
      const parts = [g(pickSkewed(rng, pool))];
      if (rng() < 0.3) parts.push(m(pickSkewed(rng, pool)));
      parts.push(s(pickSkewed(rng, EU_SURNAME)));
      return { parts, surnameFirst: false };
    },
  },
];

const TOTAL_WEIGHT = ORIGINS.reduce((n, o) => n + o.weight, 0);

export function randomPerson(rng: Rng, origin?: OriginSpec): Person {
  let o = origin;
  if (!o) {
    let r = rng() * TOTAL_WEIGHT;
    o = ORIGINS.find((x) => (r -= x.weight) < 0) ?? ORIGINS[0];
  }
  const spec = o as OriginSpec;
  const made = spec.make(rng, rng() < 0.35);
  return {
    origin: spec.id,
    script: spec.script,
    parts: made.parts,
    surnameFirst: made.surnameFirst,
    nationality: pick(rng, spec.nationalities),
  };
}

/** Spelling choice per part: index into the group's spellings (clamped). */
export function render(
  p: Person,
  choose: (part: NamePart, i: number) => string,
): { surname: string; given: string[] } {
  const surname = p.parts.filter((x) => x.role === 'surname').map(choose);
  const given = p.parts.filter((x) => x.role !== 'surname').map(choose);
  return { surname: surname.join(' '), given };
}

export const canonical = (part: NamePart): string => part.group.spellings[0] ?? '';

/** The name in its native script, in the order that script's documents use. */
export function renderNative(p: Person): string | undefined {
  if (p.script === 'latin' || p.parts.some((x) => !x.group.native)) return undefined;
  const native = (role: Role) => p.parts.filter((x) => x.role === role).map((x) => x.group.native);
  const words =
    p.script === 'cyrillic'
      ? [...native('surname'), ...native('given'), ...native('middle')]
      : p.script === 'greek'
        ? [...native('surname'), ...native('given')]
        : p.parts.map((x) => x.group.native);
  return words.join(' ');
}
