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
export function syntheticPaxlst(
  minBytes: number,
  seed = 42,
  bytesPerTraveller = 150,
): { text: string; travellers: number } {
  const rnd = mulberry32(seed);
  const travellers: Traveller[] = [];
  let estimate = 0;
  while (estimate < minBytes) {
    travellers.push(syntheticTraveller(rnd, travellers.length));
    estimate += bytesPerTraveller;
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
  if (r.value.length < minBytes) return syntheticPaxlst(minBytes, seed, bytesPerTraveller * 0.8);
  return { text: r.value, travellers: travellers.length };
}

/** One traveller group as PAXLST text, for streaming tests that repeat it endlessly. */
export function syntheticTravellerBlock(seed: number): string {
  const rnd = mulberry32(seed);
  const t = syntheticTraveller(rnd, 1);
  const manifest: Manifest = {
    source: 'PAXLST',
    listType: 'passenger',
    functionCode: 'original',
    flight: {
      carrier: 'DL',
      number: '1',
      legs: [{ departure: { airport: 'ATL' }, arrival: { airport: 'CDG' }, overflight: false }],
    },
    travellers: [t],
  };
  const r = encodePaxlst(manifest, {
    sender: 'S',
    recipient: 'R',
    interchangeRef: '1',
    messageRef: '1',
    preparedAt: '2024-01-01T00:00',
  });
  if (!r.ok) throw new Error('block');
  return r.value.slice(r.value.indexOf('NAD+FL'), r.value.indexOf('CNT+'));
}

/** A PNRGOV push of at least `minBytes`: the sample's PNRs repeated with fresh booking references. */
export function syntheticPnrgov(sample: string, minBytes: number): string {
  const start = sample.indexOf("SRC'");
  const end = sample.indexOf('UNT+');
  const head = sample.slice(0, start).replace(/EQN\+\d+'/, "EQN+0'");
  const body = sample.slice(start, end);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < minBytes; i++) {
    const p = body.replace(
      /RCI\+([A-Z0-9]{2}):([A-Z0-9]+)/g,
      (_m, a: string) => `RCI+${a}:B${i.toString(36).toUpperCase().padStart(5, '0')}`,
    );
    parts.push(p);
    size += p.length;
  }
  return `${head}${parts.join('')}UNT+1+1'UNZ+1+1'`;
}

/** One UNH…UNT PAXLST message of `travellers` passengers, for pushes of many flights. */
export function syntheticMessageBlock(travellers: number, seed: number): string {
  const rnd = mulberry32(seed);
  const list = Array.from({ length: travellers }, (_, i) => syntheticTraveller(rnd, i));
  const manifest: Manifest = {
    source: 'PAXLST',
    listType: 'passenger',
    functionCode: 'original',
    flight: {
      carrier: 'DL',
      number: '88',
      legs: [
        {
          departure: { airport: 'ATL', local: '2024-03-01T22:10' },
          arrival: { airport: 'CDG', local: '2024-03-02T12:00' },
          overflight: false,
        },
      ],
    },
    travellers: list,
  };
  const r = encodePaxlst(manifest, {
    sender: 'S',
    recipient: 'R',
    interchangeRef: '1',
    messageRef: 'M',
    preparedAt: '2024-03-01T18:00',
  });
  if (!r.ok) throw new Error('message');
  return r.value.slice(r.value.indexOf('UNH+'), r.value.indexOf('UNZ+'));
}
