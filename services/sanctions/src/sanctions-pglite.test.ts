// The embedded setting: PGlite and the in-process bus. The demo seed gives one case in every
// state, and an outcome published on the in-process bus drafts a case as on Kafka.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createCarrierRepository,
  createUserRepository,
  openDatabase,
  parseDatabaseUrl,
  type Database,
} from '@paxguard/db';
import { createLogger, createMemoryBus } from '@paxguard/platform';
import type { SanctionCase } from '@paxguard/sanctions';
import { buildApp } from './app.ts';
import { createSanctionsComponents, type SanctionsComponents } from './wiring.ts';

const logger = createLogger({ service: 'sanctions-pglite', level: 'silent' });
let db: Database;
let bus: ReturnType<typeof createMemoryBus>;
let sanctions: SanctionsComponents;
let app: ReturnType<typeof buildApp>;

beforeAll(async () => {
  db = await openDatabase(parseDatabaseUrl('pglite:memory'));
  await createCarrierRepository(db.prisma).ensure({ designator: 'PG', name: 'PG', apiKey: 'k' });
  await createUserRepository(db.prisma).ensure({ name: 'r', role: 'regulator', token: 'reg' });
  bus = createMemoryBus({ logger });
  sanctions = createSanctionsComponents({ db, bus, logger, options: { sweepIntervalMs: 0 } });
  await sanctions.start();
  app = buildApp({ logger, sanctions, checks: {}, shuttingDown: () => false });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await sanctions?.stop();
  await bus?.close();
  await db?.close();
});

it('seeds one case in every state on PGlite, each readable through the API', async () => {
  const seeded = await sanctions.seedDemo({ now: new Date() });
  expect(Object.keys(seeded)).toHaveLength(10);
  for (const [state, id] of Object.entries(seeded)) {
    const r = await app.inject({
      method: 'GET',
      url: `/v1/sanctions/cases/${id}`,
      headers: { authorization: 'Bearer reg' },
    });
    expect(r.json<{ case: SanctionCase }>().case.state).toBe(state);
  }
  const csv = await app.inject({
    method: 'GET',
    url: '/v1/sanctions/register.csv',
    headers: { authorization: 'Bearer reg' },
  });
  const open = await app.inject({ method: 'GET', url: '/v1/public/sanctions/register.csv' });
  expect(open.body).toBe(csv.body);
  // Decided, appealed, appeal-decided, paid and closed are on the register.
  expect(csv.body.trim().split('\n').length - 1).toBe(5);
}, 60_000);
