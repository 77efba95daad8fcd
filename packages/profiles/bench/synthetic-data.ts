// Seeded synthetic profiles and traveller features for the benchmark: same seed, same data.
import { approveProfile, completeFeatures, parseProfile, submitForApproval } from '../src/index.ts';
import type { Profile, TravellerFeatures } from '../src/index.ts';

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

const ORIGINS = [
  'IST',
  'CAI',
  'DXB',
  'DOH',
  'ADD',
  'LOS',
  'ACC',
  'DSS',
  'CMN',
  'TUN',
  'AMM',
  'BEY',
  'KBL',
  'ISB',
  'DAC',
  'CMB',
  'DEL',
  'BOM',
  'TAS',
  'ALA',
];
const DESTINATIONS = ['LHR', 'CDG', 'FRA', 'AMS', 'MAD', 'FCO', 'BRU', 'VIE', 'ARN', 'CPH'];
const HUBS = [
  'BEG',
  'SKP',
  'ATH',
  'SOF',
  'OTP',
  'BUD',
  'TBS',
  'EVN',
  'MSQ',
  'SAW',
  'ESB',
  'LCA',
  'TIA',
  'SJJ',
  'TGD',
];
const STATES = [
  'UTO',
  'TUR',
  'EGY',
  'SYR',
  'AFG',
  'PAK',
  'IRQ',
  'NGA',
  'GHA',
  'SEN',
  'MAR',
  'TUN',
  'BGD',
  'LKA',
  'IND',
];
const PAYMENTS = [
  'card',
  'card',
  'card',
  'card',
  'card',
  'card',
  'card',
  'cash',
  'miscellaneous',
  'other',
];
const DOC_TYPES = ['P', 'P', 'P', 'P', 'I', 'IP'];

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const some = <T>(r: R, xs: readonly T[], n: number): T[] =>
  Array.from({ length: n }, () => pick(r, xs));

export function syntheticFeatures(r: R): TravellerFeatures {
  const hasPnr = r() < 0.85;
  const transit = some(r, HUBS, Math.floor(r() * 3));
  const origin = pick(r, ORIGINS);
  const destination = pick(r, DESTINATIONS);
  const route = [origin, ...transit, destination];
  const groupSize = hasPnr ? 1 + Math.floor(-Math.log(1 - r()) * 1.2) : undefined;
  const minors = groupSize !== undefined && groupSize > 1 ? Math.floor(r() * groupSize) : 0;
  const payment = hasPnr ? pick(r, PAYMENTS) : undefined;
  const agency = hasPnr && r() < 0.4 ? String(10_000_000 + Math.floor(r() * 500)) : undefined;
  return {
    carrier: 'XX',
    flightNumber: String(1 + Math.floor(r() * 999)),
    origin,
    destination,
    embarkation: origin,
    debarkation: destination,
    transitPoints: transit,
    routeAirports: route,
    routeCountries: route.map(
      (_, i) => STATES[(i * 7 + origin.charCodeAt(0)) % STATES.length] as string,
    ),
    travellerRole: r() < 0.97 ? 'passenger' : 'crew',
    bookingLeadDays: hasPnr ? Math.round(-Math.log(1 - r()) * 30 * 100) / 100 : undefined,
    oneWay: hasPnr ? r() < 0.3 : undefined,
    paymentType: payment,
    paidInCash: hasPnr ? payment === 'cash' : undefined,
    thirdPartyPayer: hasPnr ? r() < 0.1 : undefined,
    travelAgencyId: agency,
    bookedThroughAgency: hasPnr ? agency !== undefined : undefined,
    groupSize,
    adultsInBooking: groupSize !== undefined ? groupSize - minors : undefined,
    minorsInBooking: groupSize !== undefined ? minors : undefined,
    minorsWithUnrelatedAdults:
      groupSize !== undefined && minors > 0 && r() < 0.05
        ? 1
        : groupSize !== undefined
          ? 0
          : undefined,
    coTravellerCount: groupSize !== undefined ? groupSize - 1 : undefined,
    bagCount: Math.floor(r() * 4),
    documentType: pick(r, DOC_TYPES),
    documentIssuingState: pick(r, STATES),
    documentAgeDays: r() < 0.95 ? Math.floor(r() * 3650) : undefined,
    documentValidityDays: Math.floor(r() * 3650) - 30,
    documentNationality: pick(r, STATES),
    residenceCountry: r() < 0.7 ? pick(r, STATES) : undefined,
    documentVerified: r() < 0.5,
    previousTripsCount: r() < 0.6 ? Math.floor(-Math.log(1 - r()) * 3) : undefined,
    previousTripsToDestination: r() < 0.6 ? Math.floor(r() * 2) : undefined,
  };
}

/** A chunk of features, all with one object shape (every catalogue key present). */
export function featureChunk(r: R, n: number): TravellerFeatures[] {
  return Array.from({ length: n }, () => completeFeatures(syntheticFeatures(r)));
}

const TEMPLATES: ((r: R) => unknown)[] = [
  () => ({ field: 'oneWay', op: '=', value: true }),
  () => ({ field: 'paymentType', op: '=', value: 'cash' }),
  () => ({ field: 'paidInCash', op: '=', value: true }),
  () => ({ field: 'thirdPartyPayer', op: '=', value: true }),
  (r) => ({ field: 'bookingLeadDays', op: '<', value: 1 + Math.floor(r() * 5) }),
  (r) => ({ field: 'bookingLeadDays', between: [0, 1 + Math.floor(r() * 3)] }),
  (r) => ({ field: 'transitPoints', in: some(r, HUBS, 3) }),
  (r) => ({ field: 'origin', in: some(r, ORIGINS, 4) }),
  (r) => ({ field: 'destination', op: '=', value: pick(r, DESTINATIONS) }),
  (r) => ({ field: 'groupSize', op: '≥', value: 3 + Math.floor(r() * 3) }),
  () => ({ field: 'minorsWithUnrelatedAdults', op: '>', value: 0 }),
  () => ({ field: 'bagCount', op: '=', value: 0 }),
  (r) => ({ field: 'documentAgeDays', op: '<', value: 30 + Math.floor(r() * 60) }),
  () => ({ field: 'documentType', op: '≠', value: 'P' }),
  () => ({ field: 'travelAgencyId', exists: true }),
  (r) => ({
    field: 'travelAgencyId',
    in: Array.from({ length: 20 }, () => String(10_000_000 + Math.floor(r() * 500))),
  }),
  (r) => ({ field: 'previousTripsCount', op: '≤', value: Math.floor(r() * 2) }),
  (r) => ({ field: 'routeCountries', in: some(r, STATES, 2) }),
  (r) => ({ not: { field: 'residenceCountry', in: some(r, STATES, 3) } }),
];

function condition(r: R): unknown {
  const leaf = (): unknown => (pick(r, TEMPLATES) as (r: R) => unknown)(r);
  const k = r();
  if (k < 0.3) return leaf();
  if (k < 0.8) return { all: [leaf(), leaf()] };
  if (k < 0.93) return { any: [leaf(), leaf(), leaf()] };
  return { all: [leaf(), { not: leaf() }] };
}

/** `count` profiles, each approved by a supervisor who is not its author, active from 2026-01-01. */
export function syntheticProfiles(r: R, count: number): Profile[] {
  const out: Profile[] = [];
  for (let i = 0; i < count; i++) {
    const rules = Array.from({ length: 3 + Math.floor(r() * 4) }, (_, j) => ({
      id: `r${j}`,
      weight: 10 + Math.floor(r() * 31),
      when: condition(r),
    }));
    const total = rules.reduce((s, x) => s + x.weight, 0);
    const parsed = parseProfile({
      id: `BENCH-${i}`,
      version: 1,
      name: `synthetic profile ${i}`,
      author: 'analyst',
      effective: { from: '2026-01-01T00:00:00Z' },
      threshold: Math.max(1, Math.round(total * (0.8 + r() * 0.2))),
      rules,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const pending = submitForApproval(parsed.value);
    const approved = pending.ok
      ? approveProfile(
          pending.value,
          { id: 'supervisor', role: 'supervisor' },
          new Date('2026-01-01T00:00:00Z'),
        )
      : pending;
    if (!approved.ok) throw new Error(JSON.stringify(approved.issues));
    out.push(approved.value);
  }
  return out;
}
