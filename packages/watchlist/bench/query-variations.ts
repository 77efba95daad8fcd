// How a listed person shows up at check-in: one generator per variation class, each
// returning the traveller query or undefined when the class does not apply to that entry.
import { normaliseName, type NameInput } from '../src/name-normaliser.ts';
import type { Watchlist } from '../src/watchlist-schema.ts';
import type { EvalQuery, Generated } from './eval-set.ts';
import { passportNumber, randomDate } from './eval-set.ts';
import {
  canonical,
  pick,
  randomPerson,
  render,
  type NamePart,
  type Rng,
} from './person-generator.ts';
import * as P from './name-pools.ts';

export type VariationClass =
  | 'exact'
  | 'diacritic'
  | 'order'
  | 'middle-name'
  | 'transliteration'
  | 'typo'
  | 'ocr'
  | 'birth-date'
  | 'document';

type Name = { surname: string; given: string[] };
type Made = { input: EvalQuery['input']; target?: string } | undefined;
type Variation = (rng: Rng, g: Generated, docs: Watchlist) => Made;

const pad = (n: number) => String(n).padStart(2, '0');

function queryDate(rng: Rng, g: Generated): string {
  const d = g.entry.birthDates[0];
  if (!d) return randomDate(rng);
  if (d.length === 4)
    return `${d}-${pad(1 + Math.floor(rng() * 12))}-${pad(1 + Math.floor(rng() * 28))}`;
  return d;
}

const OTHER_NATIONALITIES = ['USA', 'GBR', 'FRA', 'DEU', 'CAN', 'TUR', 'ARE', 'SWE'];

function base(rng: Rng, g: Generated, name: Name, birthDate = queryDate(rng, g)): Made {
  // One traveller in ten travels on another nationality's passport (dual nationals).
  const nationality = rng() < 0.1 ? pick(rng, OTHER_NATIONALITIES) : g.person.nationality;
  return {
    input: {
      names: [name],
      birthDate,
      nationality,
      documents: [{ number: passportNumber(rng), issuingState: g.person.nationality }],
    },
  };
}

const tokenKey = (n: NameInput) =>
  normaliseName(n)
    .tokens.map((t) => t.text)
    .sort()
    .join(' ');

/** The variant must not already be one of the listed spellings. */
function differs(g: Generated, name: Name): boolean {
  const k = tokenKey(name);
  return g.entry.names.every((n) => tokenKey(n) !== k);
}

const canonicalName = (g: Generated): Name => render(g.person, canonical);
const stripMarks = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const hasMarks = (s: string) => stripMarks(s) !== s.normalize('NFC');

const LETTERS = 'ABCDEFGHIJKLMNOPRSTUVWYZ';

function typo(rng: Rng, word: string): string {
  if (word.length < 3) return word;
  const i = 1 + Math.floor(rng() * (word.length - 1));
  const r = rng();
  if (r < 0.3) return word.slice(0, i) + pick(rng, [...LETTERS]) + word.slice(i + 1);
  if (r < 0.55) return word.slice(0, i) + word.slice(i + 1);
  if (r < 0.8) return word.slice(0, i) + pick(rng, [...LETTERS]) + word.slice(i);
  const j = Math.min(i, word.length - 2);
  return word.slice(0, j) + word[j + 1] + word[j] + word.slice(j + 2);
}

/** Typo in a random space-separated word of one field. */
function typoInField(rng: Rng, field: string): string {
  const words = field.split(' ');
  const k = Math.floor(rng() * words.length);
  words[k] = typo(rng, words[k] ?? '');
  return words.join(' ');
}

const OCR: Record<string, string> = { O: '0', I: '1', S: '5', B: '8', Z: '2', G: '6' };

function ocrCorrupt(rng: Rng, s: string): string {
  const spots = [...s].map((c, i) => (OCR[c] ? i : -1)).filter((i) => i >= 0);
  if (spots.length === 0) return s;
  const chars = [...s];
  const n = 1 + (rng() < 0.4 ? 1 : 0);
  for (let k = 0; k < n; k++) {
    const i = pick(rng, spots);
    chars[i] = OCR[chars[i] ?? ''] ?? chars[i] ?? '';
  }
  return chars.join('');
}

function latinOf(part: NamePart, rng: Rng, alt: boolean): string {
  const sp = part.group.spellings;
  return alt && sp.length > 1 ? (sp[1 + Math.floor(rng() * (sp.length - 1))] ?? '') : (sp[0] ?? '');
}

export const VARIATIONS: Record<VariationClass, Variation> = {
  exact: (rng, g) => base(rng, g, canonicalName(g)),

  diacritic: (rng, g) => {
    const n = canonicalName(g);
    if (!hasMarks(n.surname + n.given.join(''))) return undefined;
    const fold = rng() < 0.7 ? stripMarks : (s: string) => s;
    const name = { surname: fold(n.surname), given: n.given.map(fold) };
    // The ICAO-folded form is what an MRZ carries: keep it as the other 30 %.
    if (fold !== stripMarks) {
      name.surname = normaliseName(n.surname).display;
      name.given = n.given.map((x) => normaliseName(x).display);
    }
    return base(rng, g, name);
  },

  order: (rng, g) => {
    const n = canonicalName(g);
    const r = rng();
    const given0 = n.given[0] ?? '';
    const name =
      r < 0.5
        ? { surname: given0, given: [n.surname, ...n.given.slice(1)] }
        : r < 0.8
          ? { surname: n.given.join(' '), given: [n.surname] }
          : {
              surname: n.given[n.given.length - 1] ?? '',
              given: [n.surname, ...n.given.slice(0, -1)],
            };
    return name.surname && name.surname !== n.surname ? base(rng, g, name) : undefined;
  },

  'middle-name': (rng, g) => {
    const n = canonicalName(g);
    const r = rng();
    let given: string[];
    if (n.given.length >= 2 && r < 0.45) given = [n.given[0] ?? '', ...n.given.slice(2)];
    else if (n.given.length >= 2 && r < 0.65)
      given = [n.given[0] ?? '', ...n.given.slice(1).map((x) => x[0] ?? '')];
    else {
      const extra = canonical({
        role: 'middle',
        group: pick(rng, P.ARABIC_MALE.concat(P.EUROPEAN_MALE, P.SPANISH_MALE)),
      });
      given = [n.given[0] ?? '', extra, ...n.given.slice(1)];
    }
    const name = { surname: n.surname, given };
    return differs(g, name) ? base(rng, g, name) : undefined;
  },

  transliteration: (rng, g) => {
    const variants = g.person.parts.some((p) => p.group.spellings.length > 1);
    if (!variants) return undefined;
    // A passport office romanises a Cyrillic or Greek name with one scheme, not one per word.
    const schemes = g.person.parts.every((p) => p.group.schemes)
      ? (g.person.parts[0]?.group.schemes?.length ?? 0)
      : 0;
    for (let attempt = 0; attempt < 6; attempt++) {
      const k = schemes > 1 ? 1 + Math.floor(rng() * (schemes - 1)) : 0;
      const name = render(g.person, (p) =>
        k > 0 ? (p.group.schemes?.[k] ?? '') : latinOf(p, rng, rng() < 0.7),
      );
      if (differs(g, name)) return base(rng, g, name);
    }
    return undefined;
  },

  typo: (rng, g) => {
    const n = canonicalName(g);
    const fields = [n.surname, ...n.given];
    const k = Math.floor(rng() * fields.length);
    fields[k] = typoInField(rng, fields[k] ?? '');
    // A second slip in the same name, when the name has enough words to stay a name.
    const words = fields.join(' ').split(' ').length;
    if (words >= 3 && rng() < 0.3) {
      const k2 = (k + 1) % fields.length;
      fields[k2] = typoInField(rng, fields[k2] ?? '');
    }
    const name = { surname: fields[0] ?? '', given: fields.slice(1) };
    return differs(g, name) ? base(rng, g, name) : undefined;
  },

  ocr: (rng, g) => {
    const n = canonicalName(g);
    const mrz = (s: string) => normaliseName(s).display.replace(/[ ,]+/g, '<');
    let surname = mrz(n.surname);
    let given = n.given.map(mrz).join('<');
    // MRZ name field: 39 characters, truncated by the printer; sometimes a reader cuts more.
    const full = `${surname}<<${given}`;
    let cut = full.slice(0, 39);
    if (rng() < 0.3 && given.length > 6)
      cut = `${surname}<<${given.slice(0, Math.max(given.lastIndexOf('<') + 4, given.length - 3))}`;
    cut = ocrCorrupt(rng, cut);
    [surname = '', given = ''] = cut.split('<<');
    const name = { surname, given: [given + (rng() < 0.5 ? '<<<<' : '')] };
    return differs(g, name) ? base(rng, g, name) : undefined;
  },

  'birth-date': (rng, g) => {
    const d = g.entry.birthDates[0];
    if (!d) return undefined;
    if (d.length === 4) return base(rng, g, canonicalName(g));
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const options: string[] = [`${y + (rng() < 0.5 ? 1 : -1)}-${pad(m)}-${pad(day)}`, `${y}-01-01`];
    if (day <= 12 && day !== m) options.push(`${y}-${pad(day)}-${pad(m)}`);
    const birthDate = pick(rng, options);
    return birthDate === d ? undefined : base(rng, g, canonicalName(g), birthDate);
  },

  document: (rng, g, docs) => {
    const entry = pick(rng, docs.entries);
    const listed = entry.documents[0]?.number ?? '';
    const number = ocrCorrupt(
      rng,
      listed.replace(/0/g, () => (rng() < 0.5 ? 'O' : '0')),
    );
    const other = randomPerson(rng);
    return {
      target: entry.id,
      input: {
        names: [render(other, canonical)],
        birthDate: randomDate(rng),
        nationality: other.nationality,
        documents: [{ number }],
      },
    };
  },
};
