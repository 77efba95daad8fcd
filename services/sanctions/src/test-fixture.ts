// Shared by this service's tests: a sanctions service on an isolated PostgreSQL schema with a
// settable clock, demo users and carriers, and a helper to put a flight with outcomes in place.
import {
  createCarrierRepository,
  createUserRepository,
  openDatabase,
  parseDatabaseUrl,
  type Database,
} from '@paxguard/db';
import { createLogger, createMemoryBus, type Bus } from '@paxguard/platform';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { buildApp } from './app.ts';
import { createSanctionsComponents, type SanctionsComponents } from './wiring.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const TOKENS = {
  officer: 'tok-officer',
  regulator: 'tok-regulator',
  supervisor: 'tok-supervisor',
  auditor: 'tok-auditor',
  admin: 'tok-admin',
} as const;
export const KEYS = { PG: 'key-pg', XY: 'key-xy' } as const;

export interface Fixture {
  pg: TestPostgres;
  db: Database;
  bus: Bus;
  clock: { t: number; now(): Date };
  sanctions: SanctionsComponents;
  app: ReturnType<typeof buildApp>;
  close(): Promise<void>;
}

export async function startFixture(opts: { bus?: Bus } = {}): Promise<Fixture> {
  const logger = createLogger({ service: 'sanctions-test', level: 'silent' });
  const pg = await testPostgres();
  const db = await openDatabase(parseDatabaseUrl(pg.url));
  const users = createUserRepository(db.prisma);
  for (const [role, token] of Object.entries(TOKENS))
    await users.ensure({ name: role, role: role as keyof typeof TOKENS, token });
  const carriers = createCarrierRepository(db.prisma);
  await carriers.ensure({ designator: 'PG', name: 'Paxguard Demo Air', apiKey: KEYS.PG });
  await carriers.ensure({ designator: 'XY', name: 'Other Air', apiKey: KEYS.XY });
  const bus = opts.bus ?? createMemoryBus({ logger });
  const clock = {
    t: Date.parse('2026-11-20T12:00:00.000Z'),
    now() {
      return new Date(this.t);
    },
  };
  const sanctions = createSanctionsComponents({
    db,
    bus,
    logger,
    clock,
    options: { sweepIntervalMs: 0, consume: opts.bus !== undefined },
  });
  await sanctions.start();
  const app = buildApp({ logger, sanctions, checks: {}, shuttingDown: () => false });
  await app.ready();
  return {
    pg,
    db,
    bus,
    clock,
    sanctions,
    app,
    async close() {
      await app.close();
      await sanctions.stop();
      if (!opts.bus) await bus.close();
      await db.close();
      await pg.drop();
    },
  };
}

/** A PG flight that landed a day before the clock, with four passengers and the answers given. */
export async function landedFlight(f: Fixture, number: string) {
  const arr = f.clock.t - DAY;
  const dep = arr - 6 * HOUR;
  return f.sanctions.repositories.demoFlights.ensure({
    carrier: 'PG',
    number,
    date: new Date(dep).toISOString().slice(0, 10),
    origin: 'LOS',
    destination: 'CDG',
    departureUtc: new Date(dep),
    arrivalUtc: new Date(arr),
    listReceivedAt: new Date(dep - 2 * HOUR),
    travellers: [
      { key: 'P1', surname: 'A', givenNames: 'A', answer: 'insufficient-data' },
      { key: 'P2', surname: 'B', givenNames: 'B', answer: 'board' },
      { key: 'P3', surname: 'C', givenNames: 'C', answer: 'no-board' },
    ],
  });
}

export function outcome(
  flight: { flightKey: string; travellerIds: Record<string, string> },
  traveller: string,
  extra: Record<string, unknown>,
  recordedAt: number,
) {
  return {
    id: `${flight.flightKey}:${traveller}:${String(extra.kind)}`,
    flightKey: flight.flightKey,
    travellerId: flight.travellerIds[traveller],
    recordedAt: new Date(recordedAt).toISOString(),
    ...extra,
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
