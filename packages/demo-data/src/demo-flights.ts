// The embedded demo's flights (PG100…PG500), one definition for the demo seed, the demo
// reference data (which lists some of their travellers) and tests.
import { generateManifest, type ManifestSpec } from './manifest-generator.ts';
import type { Manifest } from '@paxguard/domain';

/** Days after "now" each flight departs, as the embedded seed dates them. */
const SPECS: (Omit<ManifestSpec, 'date'> & { days: number })[] = [
  {
    days: 1,
    seed: 100,
    carrier: 'PG',
    number: '100',
    time: '09:40',
    origin: 'LHR',
    destination: 'JFK',
    destinationState: 'USA',
    durationMinutes: 480,
    passengers: 180,
    crew: 10,
    expiredShare: 0.02,
  },
  {
    days: 1,
    seed: 200,
    carrier: 'PG',
    number: '200',
    time: '13:15',
    origin: 'IST',
    destination: 'FRA',
    destinationState: 'DEU',
    durationMinutes: 200,
    passengers: 150,
    crew: 7,
    expiredShare: 0.03,
  },
  {
    days: 2,
    seed: 300,
    carrier: 'PG',
    number: '300',
    time: '02:30',
    origin: 'DXB',
    destination: 'LHR',
    destinationState: 'GBR',
    durationMinutes: 460,
    passengers: 240,
    crew: 12,
    expiredShare: 0.01,
  },
  {
    days: 2,
    seed: 400,
    carrier: 'PG',
    number: '400',
    time: '18:05',
    origin: 'CDG',
    destination: 'YYZ',
    destinationState: 'CAN',
    durationMinutes: 510,
    passengers: 60,
  },
  {
    days: 1,
    seed: 500,
    carrier: 'PG',
    number: '500',
    time: '21:50',
    origin: 'LOS',
    destination: 'LHR',
    destinationState: 'GBR',
    durationMinutes: 390,
    passengers: 40,
    crew: 6,
    expiredShare: 0.05,
  },
];

/** PG100…PG500 as the demo generates them, keyed by flight number. */
export function demoFlights(now: Date): Map<string, Manifest> {
  return new Map(
    SPECS.map(({ days, ...s }) => [
      s.number,
      generateManifest({
        ...s,
        date: new Date(now.getTime() + days * 24 * 3600_000).toISOString().slice(0, 10),
      }),
    ]),
  );
}

/** The State each demo flight arrives in. */
export function demoDestinationState(flightNumber: string): string | undefined {
  return SPECS.find((s) => s.number === flightNumber)?.destinationState;
}
