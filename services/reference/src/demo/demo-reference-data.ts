// Synthetic demo reference data: a persons watchlist with aliases in several scripts (a few of
// its people fly on the demo flights), a documents list, a lost/stolen list, authorisations and
// risk profiles on behavioural smuggling indicators. Deterministic: the same data every run.
import { createRng } from '@paxguard/demo-data';
import type { Manifest, Traveller } from '@paxguard/domain';
import type { WatchlistEntryInput } from '@paxguard/watchlist';
import { demoDestinationState } from '@paxguard/demo-data';
import { inScript, type Script } from './script-aliases.ts';

const SURNAMES = [
  'HADDAD',
  'KARIMI',
  'PETROV',
  'NOVAK',
  'OKAFOR',
  'MENDES',
  'YILMAZ',
  'RAHMAN',
  'KOWALSKI',
  'DIALLO',
  'SANTOS',
  'IVANOVA',
  'PAPADOPOULOS',
  'NGUYEN',
  'HASSAN',
  'BAKR',
  'MORENO',
  'OSEI',
  'FARAH',
  'KUZNETSOV',
  'DEMIR',
  'ABDULLAH',
  'LINDQVIST',
  'MAKAROV',
  'GEORGIOU',
  'BANDA',
];
const GIVEN = [
  'MOHAMMED',
  'AHMAD',
  'OLGA',
  'IVAN',
  'AMINA',
  'JOAO',
  'MEHMET',
  'FATIMA',
  'PIOTR',
  'AISHA',
  'NIKOS',
  'ELENA',
  'YUSUF',
  'KWAME',
  'SARA',
  'DMITRI',
  'LEILA',
  'OMAR',
  'ANA',
  'TARIQ',
];
const NATIONALITIES = [
  'SYR',
  'IRN',
  'RUS',
  'CZE',
  'NGA',
  'BRA',
  'TUR',
  'BGD',
  'POL',
  'SEN',
  'GRC',
  'VNM',
  'EGY',
  'SOM',
];
const CATEGORIES = ['immigration', 'smuggling-facilitator', 'document-fraud'] as const;
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
const SCRIPTS: Script[] = ['cyrillic', 'greek', 'arabic'];

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function docNumber(rng: ReturnType<typeof createRng>): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  return `${letters[rng.int(0, letters.length - 1)]}${letters[rng.int(0, letters.length - 1)]}${pad(rng.int(0, 9_999_999), 7)}`;
}

/** A listed person taken from a demo flight: name, birth date, nationality, document. */
function fromTraveller(
  id: string,
  t: Traveller,
  withDocument: boolean,
  script: Script,
): WatchlistEntryInput {
  const given = t.name.given.join(' ');
  const doc = t.documents[0];
  return {
    id,
    names: [`${t.name.surname}, ${given}`, inScript(`${given} ${t.name.surname}`, script)],
    birthDates: t.birthDate ? [t.birthDate] : [],
    nationalities: t.nationality ? [t.nationality] : [],
    documents:
      withDocument && doc
        ? [{ number: doc.number, type: doc.type, issuingState: doc.issuingState }]
        : [],
    category: 'smuggling-facilitator',
    severity: 'high',
    remarks: 'demo: synthetic person who appears on a demo flight',
  };
}

/** Passengers (not crew) with a document, from a demo flight. */
function passengers(m: Manifest | undefined): Traveller[] {
  return (m?.travellers ?? []).filter((t) => t.role === 'passenger' && t.documents.length > 0);
}

export function demoPersons(flights: Map<string, Manifest>, count = 300): WatchlistEntryInput[] {
  const rng = createRng(4242);
  const out: WatchlistEntryInput[] = [];
  for (let i = 1; i <= count; i++) {
    const surname = rng.pick(SURNAMES);
    const given = [rng.pick(GIVEN), ...(rng.chance(0.3) ? [rng.pick(GIVEN)] : [])].join(' ');
    const year = rng.int(1955, 2000);
    const names: WatchlistEntryInput['names'] = [`${surname}, ${given}`];
    names.push(inScript(`${given} ${surname}`, SCRIPTS[i % SCRIPTS.length]!));
    if (rng.chance(0.3))
      names.push(
        `${given.split(' ')[0]} ${surname.slice(0, -1)}${surname.endsWith('A') ? 'AH' : 'E'}`,
      );
    out.push({
      id: `DEMO-P-${pad(i, 4)}`,
      names,
      birthDates: [
        rng.chance(0.25) ? String(year) : `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
      ],
      nationalities: [rng.pick(NATIONALITIES)],
      documents: rng.chance(0.4) ? [{ number: docNumber(rng), type: 'P' }] : [],
      category: rng.pick(CATEGORIES),
      severity: rng.pick(SEVERITIES),
    });
  }
  // A handful who fly: the demo then shows real hits with their explanations.
  const picks: [string, number, boolean][] = [
    ['100', 7, true],
    ['200', 12, false],
    ['300', 33, true],
    ['400', 5, false],
    ['500', 9, true],
  ];
  picks.forEach(([flight, index, withDoc], k) => {
    const t = passengers(flights.get(flight))[index];
    if (t)
      out.push(
        fromTraveller(`DEMO-F-${flight}-${index}`, t, withDoc, SCRIPTS[k % SCRIPTS.length]!),
      );
  });
  return out;
}

export function demoDocuments(flights: Map<string, Manifest>, count = 40): WatchlistEntryInput[] {
  const rng = createRng(777);
  const out: WatchlistEntryInput[] = [];
  for (let i = 1; i <= count; i++)
    out.push({
      id: `DEMO-D-${pad(i, 3)}`,
      documents: [{ number: docNumber(rng), type: 'P', issuingState: rng.pick(NATIONALITIES) }],
      category: 'document-fraud',
      severity: 'high',
    });
  const t = passengers(flights.get('300'))[50];
  const doc = t?.documents[0];
  if (doc)
    out.push({
      id: 'DEMO-D-FLIGHT-300',
      documents: [{ number: doc.number, type: doc.type, issuingState: doc.issuingState }],
      category: 'document-fraud',
      severity: 'critical',
      remarks: 'demo: a document on flight PG300',
    });
  return out;
}

/** CSV text: synthetic entries plus two documents carried on the demo flights. */
export function demoLostStolenCsv(flights: Map<string, Manifest>, count = 500): string {
  const rng = createRng(9001);
  const statuses = ['lost', 'stolen', 'revoked', 'invalidated'];
  const lines = ['issuing_state,number,status,reported_date'];
  for (let i = 0; i < count; i++)
    lines.push(
      `${rng.pick(NATIONALITIES)},${docNumber(rng)},${rng.pick(statuses)},20${pad(rng.int(18, 25))}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
    );
  for (const [flight, index] of [
    ['200', 20],
    ['500', 3],
  ] as const) {
    const t = passengers(flights.get(flight))[index];
    const doc = t?.documents[0];
    const state = doc?.issuingState ?? t?.nationality;
    if (doc && state) lines.push(`${state},${doc.number},stolen,2025-03-14`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The authorisations the demo travellers hold: every visa carried in a manifest and an ETA for
 * each foreign traveller (crew included) without one, except one in twenty (so the demo shows what a missing
 * registration looks like), and one ETA on PG100 revoked.
 */
export function demoAuthorisations(flights: Map<string, Manifest>, now: Date): unknown[] {
  const day = (offset: number) =>
    new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const out: unknown[] = [];
  let n = 0;
  for (const [flight, m] of flights) {
    const state = demoDestinationState(flight);
    if (!state) continue;
    m.travellers.forEach((t, i) => {
      const passport = t.documents.find((d) => d.type !== 'V');
      if (!passport || !t.nationality || t.nationality === state || i % 20 === 7) return;
      const base = {
        documentNumber: passport.number,
        nationality: t.nationality,
        validFor: [state],
        validFrom: day(-60),
        entriesAllowed: null,
      };
      // The manifest's visa goes in as issued; an ETA too, whatever the visa (harmless when
      // the destination does not ask for one, and some pools need both).
      for (const visa of t.documents.filter((d) => d.type === 'V'))
        out.push({
          ...base,
          kind: 'visa',
          number: visa.number,
          issuingState: visa.issuingState ?? state,
          validUntil: visa.expiryDate ?? day(700),
        });
      n++;
      out.push({
        ...base,
        kind: 'eta',
        number: `ETA${state}${pad(n, 6)}`,
        issuingState: state,
        validUntil: day(700),
        revoked: flight === '100' && i === 3,
      });
    });
  }
  return out;
}

/** Two demo profiles on behavioural indicators only (no origin, no protected attribute). */
export const DEMO_PROFILES: object[] = [
  {
    id: 'DEMO-AGENCY-CASH-GROUP',
    version: 1,
    name: 'Agency group paid in cash, one-way, with minors not related to the adults',
    description:
      'A travel agency books a group one-way and cash is paid; minors in the booking share no surname with its adults (an indicator about the facilitator, not the minors).',
    author: 'demo-analyst',
    effective: { from: '2026-01-01T00:00:00Z' },
    threshold: 60,
    rules: [
      {
        id: 'agency-cash',
        explain: 'booked through an agency and paid in cash',
        weight: 30,
        when: {
          all: [
            { field: 'bookedThroughAgency', op: '=', value: true },
            { field: 'paidInCash', op: '=', value: true },
          ],
        },
      },
      {
        id: 'one-way',
        explain: 'one-way ticket',
        weight: 15,
        when: { field: 'oneWay', op: '=', value: true },
      },
      {
        id: 'group',
        explain: 'four or more in the booking',
        weight: 15,
        when: { field: 'groupSize', op: '>=', value: 4 },
      },
      {
        id: 'unrelated-minors',
        explain: 'minors in the booking share no surname with its adults',
        weight: 30,
        when: { field: 'minorsWithUnrelatedAdults', op: '>=', value: 1 },
      },
    ],
  },
  {
    id: 'DEMO-FRESH-DOCUMENT-LATE-BOOKING',
    version: 1,
    name: 'Newly issued document, booked at the last minute by a third party, no luggage',
    description:
      'A document issued within 30 days, a booking made the day before, paid by someone who does not travel, no checked bags.',
    author: 'demo-analyst',
    effective: { from: '2026-01-01T00:00:00Z' },
    threshold: 60,
    rules: [
      {
        id: 'fresh-document',
        explain: 'document issued within 30 days',
        weight: 30,
        when: { field: 'documentAgeDays', between: [0, 30] },
      },
      {
        id: 'last-minute',
        explain: 'booked at most a day before departure',
        weight: 20,
        when: { field: 'bookingLeadDays', between: [0, 1] },
      },
      {
        id: 'third-party-payer',
        explain: 'paid by someone who does not travel',
        weight: 30,
        when: { field: 'thirdPartyPayer', op: '=', value: true },
      },
      {
        id: 'no-bags',
        explain: 'no checked luggage',
        weight: 20,
        when: { field: 'bagCount', op: '=', value: 0 },
      },
    ],
  },
];

/**
 * Invented for the demo (no real intelligence): routes an agency would receive through the
 * exchanges of Protocol art. 10. The demo flight PG300 DXB→LHR is on the first.
 */
export const DEMO_SMUGGLING_ROUTES = {
  version: 'demo-1',
  source: 'demo data, invented: stands for routes exchanged under Protocol art. 10',
  routes: [
    {
      id: 'DEMO-GULF-UK',
      name: 'Gulf hub to the UK',
      origins: ['DXB', 'DOH'],
      destinations: ['LHR', 'LGW', 'MAN'],
    },
    {
      id: 'DEMO-IST-EU',
      name: 'Istanbul transit to Schengen',
      via: ['IST'],
      destinations: ['FRA', 'CDG', 'AMS'],
    },
  ],
};
