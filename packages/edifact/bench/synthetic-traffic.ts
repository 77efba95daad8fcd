// Seeded synthetic PAXLST traffic for the benchmark (mulberry32; no Math.random).
import type { Manifest, Traveller } from '@paxguard/domain';
import { encodePaxlst } from '../src/paxlst-writer.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  'SMITH',
  'MULLER',
  'GARCIA',
  'NGUYEN',
  'KOWALSKI',
  'OBRIEN',
  'ROSSI',
  'TANAKA',
  'SILVA',
  'DUBOIS',
];
const GIVEN = ['ANNA', 'JOHN', 'MARIA', 'WEI', 'OMAR', 'LENA', 'PAUL', 'SOFIA', 'IVAN', 'AMINA'];
const STATES = ['USA', 'GBR', 'DEU', 'FRA', 'CAN', 'ESP', 'ITA', 'NLD'];

export function syntheticTraveller(rnd: () => number, i: number): Traveller {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const pad = (n: number) => String(n).padStart(2, '0');
  const nat = pick(STATES);
  return {
    role: 'passenger',
    name: { surname: pick(SURNAMES), given: [pick(GIVEN)] },
    sex: rnd() < 0.5 ? 'M' : 'F',
    birthDate: `${1940 + Math.floor(rnd() * 70)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`,
    nationality: nat,
    residenceCountry: nat,
    embarkation: 'ATL',
    debarkation: 'CDG',
    references: {
      booking: Math.floor(rnd() * 2e9)
        .toString(36)
        .toUpperCase()
        .padStart(6, 'X'),
      passenger: `P${i}`,
    },
    documents: [
      {
        type: 'P',
        number: `${nat.slice(0, 1)}${Math.floor(rnd() * 1e8)}`,
        expiryDate: `${2025 + Math.floor(rnd() * 10)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`,
        issuingState: nat,
      },
    ],
  };
}

/** One PAXLST interchange of at least `minBytes`, same seed → same text. */
export function syntheticPaxlst(minBytes: number, seed = 42): { text: string; travellers: number } {
  const rnd = mulberry32(seed);
  const travellers: Traveller[] = [];
  let estimate = 0;
  while (estimate < minBytes) {
    travellers.push(syntheticTraveller(rnd, travellers.length));
    estimate += 240;
  }
  const manifest: Manifest = {
    source: 'PAXLST',
    listType: 'passenger',
    functionCode: 'original',
    reportingParty: { name: 'SIMULATOR OPS', phone: '1 555 0100' },
    flight: {
      carrier: 'DL',
      number: '123',
      legs: [
        {
          departure: { airport: 'ATL', local: '2024-03-01T22:10' },
          arrival: { airport: 'CDG', local: '2024-03-02T12:00' },
          overflight: false,
        },
      ],
    },
    travellers,
  };
  const r = encodePaxlst(manifest, {
    sender: 'DL',
    recipient: 'PAXGUARD',
    interchangeRef: '1',
    messageRef: 'M1',
    preparedAt: '2024-03-01T18:00',
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return { text: r.value, travellers: travellers.length };
}
