// The embedded demo's flights, regenerated with the specs services/embedded/src/demo-seed.ts
// submits (names, birth dates and documents depend on the seed only, not on the date).
import { generateManifest, type ManifestSpec } from '@paxguard/demo-data';
import type { Manifest } from '@paxguard/domain';

const SPECS: Omit<ManifestSpec, 'date'>[] = [
  {
    seed: 100,
    carrier: 'PG',
    number: '100',
    time: '09:40',
    origin: 'LHR',
    destination: 'JFK',
    durationMinutes: 480,
    passengers: 180,
    crew: 10,
    expiredShare: 0.02,
  },
  {
    seed: 200,
    carrier: 'PG',
    number: '200',
    time: '13:15',
    origin: 'IST',
    destination: 'FRA',
    durationMinutes: 200,
    passengers: 150,
    crew: 7,
    expiredShare: 0.03,
  },
  {
    seed: 300,
    carrier: 'PG',
    number: '300',
    time: '02:30',
    origin: 'DXB',
    destination: 'LHR',
    durationMinutes: 460,
    passengers: 240,
    crew: 12,
    expiredShare: 0.01,
  },
  {
    seed: 400,
    carrier: 'PG',
    number: '400',
    time: '18:05',
    origin: 'CDG',
    destination: 'YYZ',
    durationMinutes: 510,
    passengers: 60,
  },
  {
    seed: 500,
    carrier: 'PG',
    number: '500',
    time: '21:50',
    origin: 'LOS',
    destination: 'LHR',
    durationMinutes: 390,
    passengers: 40,
    crew: 6,
    expiredShare: 0.05,
  },
];

/** PG100…PG500 as the demo generates them, keyed by flight number. */
export function demoFlights(now: Date): Map<string, Manifest> {
  const date = new Date(now.getTime() + 24 * 3600_000).toISOString().slice(0, 10);
  return new Map(SPECS.map((s) => [s.number, generateManifest({ ...s, date })]));
}
