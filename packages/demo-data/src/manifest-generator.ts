// Synthetic passenger and crew lists with realistic names, nationalities and documents.
import type { Manifest, Traveller } from '@paxguard/domain';
import { createRng, type Rng } from './random.ts';

const PEOPLE: { nationality: string; surnames: string[]; given: string[] }[] = [
  {
    nationality: 'DEU',
    surnames: ['MUELLER', 'SCHMIDT', 'SCHNEIDER', 'FISCHER', 'WEBER', 'BECKER'],
    given: ['ANNA', 'LUKAS', 'MARIA', 'JONAS', 'LEA', 'FELIX'],
  },
  {
    nationality: 'FRA',
    surnames: ['MARTIN', 'BERNARD', 'DUBOIS', 'THOMAS', 'ROBERT', 'PETIT'],
    given: ['CAMILLE', 'LOUIS', 'EMMA', 'HUGO', 'CHLOE', 'JULES'],
  },
  {
    nationality: 'USA',
    surnames: ['SMITH', 'JOHNSON', 'WILLIAMS', 'BROWN', 'JONES', 'GARCIA'],
    given: ['JAMES', 'MARY', 'ROBERT', 'LINDA', 'MICHAEL', 'SARAH'],
  },
  {
    nationality: 'GBR',
    surnames: ['TAYLOR', 'DAVIES', 'EVANS', 'WILSON', 'ROBERTS', 'WALKER'],
    given: ['OLIVER', 'AMELIA', 'GEORGE', 'ISLA', 'HARRY', 'AVA'],
  },
  {
    nationality: 'NGA',
    surnames: ['OKAFOR', 'ADEYEMI', 'BELLO', 'EZE', 'OKONKWO', 'ABUBAKAR'],
    given: ['CHIDI', 'NGOZI', 'EMEKA', 'FUNMI', 'TUNDE', 'AISHA'],
  },
  {
    nationality: 'IND',
    surnames: ['SHARMA', 'PATEL', 'SINGH', 'KUMAR', 'GUPTA', 'REDDY'],
    given: ['PRIYA', 'RAHUL', 'ANANYA', 'ARJUN', 'DIVYA', 'VIKRAM'],
  },
  {
    nationality: 'SYR',
    surnames: ['AL HASSAN', 'HADDAD', 'KHOURY', 'NASSER', 'SALEH', 'HAMDAN'],
    given: ['MOHAMMED', 'FATIMA', 'AHMAD', 'LAYLA', 'OMAR', 'NOUR'],
  },
  {
    nationality: 'AFG',
    surnames: ['AHMADI', 'RAHIMI', 'KARIMI', 'HAIDARI', 'NOORI', 'SAFI'],
    given: ['AHMAD', 'ZAHRA', 'MOHAMMAD', 'MARYAM', 'ALI', 'SOMAYA'],
  },
  {
    nationality: 'CHN',
    surnames: ['WANG', 'LI', 'ZHANG', 'LIU', 'CHEN', 'YANG'],
    given: ['WEI', 'FANG', 'JING', 'LEI', 'MIN', 'YAN'],
  },
  {
    nationality: 'BRA',
    surnames: ['SILVA', 'SANTOS', 'OLIVEIRA', 'SOUZA', 'RODRIGUES', 'FERREIRA'],
    given: ['JOAO', 'ANA', 'PEDRO', 'JULIANA', 'LUCAS', 'BEATRIZ'],
  },
  {
    nationality: 'TUR',
    surnames: ['YILMAZ', 'KAYA', 'DEMIR', 'SAHIN', 'CELIK', 'YILDIZ'],
    given: ['MEHMET', 'AYSE', 'MUSTAFA', 'FATMA', 'EMRE', 'ZEYNEP'],
  },
  {
    nationality: 'UKR',
    surnames: ['SHEVCHENKO', 'KOVALENKO', 'BONDARENKO', 'TKACHENKO', 'KRAVCHENKO', 'OLIINYK'],
    given: ['OLEKSANDR', 'OLENA', 'ANDRII', 'IRYNA', 'DMYTRO', 'KATERYNA'],
  },
];

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function documentNumber(rng: Rng): string {
  const letters = 'CFGHJKLMNPRTVWXYZ';
  let s = letters[rng.int(0, letters.length - 1)]! + letters[rng.int(0, letters.length - 1)]!;
  for (let i = 0; i < 7; i++) s += String(rng.int(0, 9));
  return s;
}

export interface ManifestSpec {
  seed: number;
  carrier: string;
  number: string;
  /** Local departure date `YYYY-MM-DD` and time `HH:mm`. */
  date: string;
  time?: string;
  origin: string;
  destination: string;
  durationMinutes?: number;
  passengers: number;
  crew?: number;
  /** Share of travellers whose document expires before arrival (objective document failures). */
  expiredShare?: number;
  /** The State of arrival: travellers from outside the visa-waiver pools carry its visa. */
  destinationState?: string;
  /** Share of those travellers who hold the visa (default 0.95). */
  visaShare?: number;
}

/** Nationalities in the pools that travel visa-free to the usual demo destinations. */
const VISA_FREE = new Set(['DEU', 'FRA', 'USA', 'GBR']);

export function generateTraveller(
  rng: Rng,
  i: number,
  spec: Pick<
    ManifestSpec,
    'date' | 'origin' | 'destination' | 'expiredShare' | 'destinationState' | 'visaShare'
  >,
  role: Traveller['role'] = 'passenger',
): Traveller {
  const pool = rng.pick(PEOPLE);
  const surname = rng.pick(pool.surnames);
  const given = [rng.pick(pool.given), ...(rng.chance(0.2) ? [rng.pick(pool.given)] : [])];
  const year = rng.int(1950, 2015);
  const birthDate = `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  const expired = rng.chance(spec.expiredShare ?? 0);
  const expiryDate = expired
    ? addDays(spec.date, -rng.int(1, 400))
    : addDays(spec.date, rng.int(200, 3600));
  return {
    role,
    name: { surname, given },
    sex: rng.chance(0.5) ? 'F' : 'M',
    birthDate,
    nationality: pool.nationality,
    residenceCountry: pool.nationality,
    embarkation: spec.origin,
    debarkation: spec.destination,
    verified: true,
    references: {
      passenger: `${role === 'crew' ? 'C' : 'P'}${pad(i, 4)}${pad(rng.int(0, 99))}`,
      ...(role === 'passenger'
        ? {
            booking: documentNumber(rng).slice(0, 6),
            seat: `${rng.int(1, 40)}${rng.pick(['A', 'B', 'C', 'D', 'E', 'F'])}`,
          }
        : {}),
    },
    ...(role === 'passenger' ? { bags: { count: rng.int(0, 2), tags: [] } } : {}),
    documents: [
      { type: 'P', number: documentNumber(rng), issuingState: pool.nationality, expiryDate },
      ...(spec.destinationState &&
      pool.nationality !== spec.destinationState &&
      !VISA_FREE.has(pool.nationality) &&
      rng.chance(spec.visaShare ?? 0.95)
        ? [
            {
              type: 'V',
              number: documentNumber(rng),
              issuingState: spec.destinationState,
              expiryDate: addDays(spec.date, rng.int(30, 700)),
            },
          ]
        : []),
    ],
  };
}

export function generateManifest(spec: ManifestSpec): Manifest {
  const rng = createRng(spec.seed);
  const time = spec.time ?? `${pad(rng.int(6, 22))}:${pad(rng.int(0, 11) * 5)}`;
  const dep = new Date(`${spec.date}T${time}:00Z`);
  const arr = new Date(dep.getTime() + (spec.durationMinutes ?? 240) * 60_000);
  const local = (d: Date) => d.toISOString().slice(0, 16);
  const travellers: Traveller[] = [];
  for (let i = 0; i < spec.passengers; i++) travellers.push(generateTraveller(rng, i, spec));
  for (let i = 0; i < (spec.crew ?? 0); i++)
    travellers.push(generateTraveller(rng, i, spec, 'crew'));
  return {
    source: 'PAXLST',
    listType: 'passenger',
    functionCode: 'original',
    messageVersion: 'D05B',
    flight: {
      carrier: spec.carrier,
      number: spec.number,
      legs: [
        {
          departure: { airport: spec.origin, local: local(dep) },
          arrival: { airport: spec.destination, local: local(arr) },
          overflight: false,
        },
      ],
    },
    travellers,
    declaredCount: travellers.length,
  };
}
