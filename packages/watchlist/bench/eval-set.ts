// The labelled evaluation set, generated reproducibly from a seed: ≥ 1 M listed persons in
// three lists plus a lost/stolen documents list, positives per variation class, negatives.
import type { WatchlistQueryInput } from '../src/watchlist-query.ts';
import type { Watchlist, WatchlistEntry } from '../src/watchlist-schema.ts';
import {
  canonical,
  mulberry32,
  pick,
  randomPerson,
  render,
  renderNative,
  type Person,
  type Rng,
} from './person-generator.ts';
import { VARIATIONS, type VariationClass } from './query-variations.ts';

export interface EvalQuery {
  cls: VariationClass | 'negative';
  /** The entry a positive must find. */
  target?: string;
  input: WatchlistQueryInput & { names: { surname: string; given: string[] }[] };
}

export interface EvalSet {
  lists: Watchlist[];
  positives: EvalQuery[];
  negatives: EvalQuery[];
}

export interface EvalSizes {
  entries: number;
  documents: number;
  positivesPerClass: number;
  negatives: number;
}

export function sizesFor(scale: number): EvalSizes {
  return {
    entries: Math.round(1_000_000 * scale),
    documents: Math.round(100_000 * scale),
    positivesPerClass: Math.max(50, Math.round(2_600 * scale)),
    negatives: Math.round(200_000 * scale),
  };
}

const SEED = 20_240_611;

export interface Generated {
  entry: WatchlistEntry;
  person: Person;
}

const nameText = (n: { surname: string; given: string[] }) =>
  `${n.surname}, ${n.given.join(' ')}`.trim();

export function randomDate(rng: Rng, from = 1945, to = 2008): string {
  const y = from + Math.floor(rng() * (to - from + 1));
  const m = 1 + Math.floor(rng() * 12);
  const d = 1 + Math.floor(rng() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function passportNumber(rng: Rng): string {
  const L = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  let s = pick(rng, [...L]) + pick(rng, [...L]);
  for (let i = 0; i < 7; i++) s += String(Math.floor(rng() * 10));
  return s;
}

const CATEGORIES = [
  'smuggling-facilitator',
  'immigration-violation',
  'wanted-person',
  'document-fraud',
];
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** Entry i, regenerated identically whenever asked. */
export function generateEntry(i: number): Generated {
  const rng = mulberry32(SEED ^ Math.imul(i + 1, 0x9e3779b1));
  const person = randomPerson(rng);
  const names: string[] = [nameText(render(person, canonical))];
  const native = renderNative(person);
  if (native && rng() < 0.4) names.push(native);
  if (rng() < 0.5) {
    const alias = nameText(render(person, (p) => pick(rng, p.group.spellings)));
    if (!names.includes(alias)) names.push(alias);
  }
  const r = rng();
  const birthDates =
    r < 0.92
      ? [rng() < 0.03 ? randomDate(rng).slice(0, 4) + '-01-01' : randomDate(rng)]
      : r < 0.99
        ? [String(1945 + Math.floor(rng() * 64))]
        : [];
  return {
    person,
    entry: {
      id: `P${i}`,
      names,
      birthDates,
      nationalities: [person.nationality],
      documents:
        rng() < 0.5 ? [{ number: passportNumber(rng), issuingState: person.nationality }] : [],
      category: pick(rng, CATEGORIES),
      severity: pick(rng, SEVERITIES),
    },
  };
}

/** Identity key of a person: canonical parts plus a date, to keep true duplicates out of negatives. */
export function identityKey(person: Person, date: string): string {
  return person.parts.map(canonical).sort().join('|') + '#' + date;
}

export function buildEvalSet(sizes: EvalSizes): EvalSet {
  const thirds = [0.5, 0.3, 0.2].map((f) => Math.round(sizes.entries * f));
  const listDefs = [
    { id: 'national-watch', name: 'National watchlist' },
    { id: 'notices', name: 'International notices' },
    { id: 'facilitators', name: 'Smuggling facilitators' },
  ];
  const lists: Watchlist[] = listDefs.map((d) => ({
    ...d,
    version: 'eval-1',
    kind: 'persons',
    thresholds: { alert: 0.8 },
    entries: [],
  }));
  const identities = new Set<string>();
  let i = 0;
  lists.forEach((list, li) => {
    for (let k = 0; k < (thirds[li] ?? 0); k++, i++) {
      const { entry, person } = generateEntry(i);
      list.entries.push(entry);
      const d = entry.birthDates[0];
      if (d) identities.add(identityKey(person, d.length === 4 ? d : d));
      if (d && d.length > 4) identities.add(identityKey(person, d.slice(0, 4)));
    }
  });
  const total = i;
  const docRng = mulberry32(SEED + 1);
  const docs: Watchlist = {
    id: 'lost-stolen',
    name: 'Lost and stolen documents',
    version: 'eval-1',
    kind: 'documents',
    thresholds: { alert: 0.9 },
    entries: Array.from({ length: sizes.documents }, (_, k) => ({
      id: `D${k}`,
      names: [],
      birthDates: [],
      nationalities: [],
      documents: [
        {
          number: passportNumber(docRng),
          issuingState: pick(docRng, ['SYR', 'IRQ', 'NGA', 'PAK', 'RUS', 'CHN']),
        },
      ],
      category: 'lost-stolen-document',
      severity: 'high',
    })),
  };
  lists.push(docs);

  const posRng = mulberry32(SEED + 2);
  const positives: EvalQuery[] = [];
  for (const [cls, make] of Object.entries(VARIATIONS) as [
    VariationClass,
    (typeof VARIATIONS)[VariationClass],
  ][]) {
    let made = 0;
    let attempts = 0;
    while (made < sizes.positivesPerClass && attempts < sizes.positivesPerClass * 200) {
      attempts++;
      const idx = Math.floor(posRng() * total);
      const g = generateEntry(idx);
      const q = make(posRng, g, docs);
      if (!q) continue;
      positives.push({ cls, target: q.target ?? g.entry.id, input: q.input });
      made++;
    }
  }

  const negRng = mulberry32(SEED + 3);
  const negatives: EvalQuery[] = [];
  while (negatives.length < sizes.negatives) {
    const person = randomPerson(negRng);
    const dob = randomDate(negRng);
    if (
      identities.has(identityKey(person, dob)) ||
      identities.has(identityKey(person, dob.slice(0, 4)))
    )
      continue;
    const variant = negRng() < 0.6;
    const name = render(person, (p) => (variant ? pick(negRng, p.group.spellings) : canonical(p)));
    negatives.push({
      cls: 'negative',
      input: {
        names: [name],
        birthDate: dob,
        nationality: person.nationality,
        documents: [{ number: passportNumber(negRng), issuingState: person.nationality }],
      },
    });
  }
  return { lists, positives, negatives };
}
