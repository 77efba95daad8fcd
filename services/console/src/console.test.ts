// The console API against real PostgreSQL: roles, audit of every personal-data read, the
// review queue and the four-eyes rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateManifest } from '@paxguard/demo-data';
import {
  applyManifest,
  createAssessmentRepository,
  createCarrierRepository,
  createUserRepository,
  openDatabase,
  parseDatabaseUrl,
  type Database,
} from '@paxguard/db';
import { createLogger, createMemoryBus, type BusMessage } from '@paxguard/platform';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { buildApp } from './app.ts';
import { createConsoleComponents } from './wiring.ts';

const logger = createLogger({ service: 'test', level: 'silent' });

describe('console API', () => {
  let pg: TestPostgres;
  let db: Database;
  let app: ReturnType<typeof buildApp>;
  let flagged: string;
  const bus = createMemoryBus({ logger });

  beforeAll(async () => {
    pg = await testPostgres();
    db = await openDatabase(parseDatabaseUrl(pg.url));
    const users = createUserRepository(db.prisma);
    await users.ensure({ name: 'Officer', role: 'officer', token: 'officer-1' });
    await users.ensure({ name: 'Officer Two', role: 'officer', token: 'officer-2' });
    await users.ensure({ name: 'Supervisor', role: 'supervisor', token: 'super-1' });
    await users.ensure({ name: 'Analyst', role: 'analyst', token: 'analyst-1' });
    const carrier = await createCarrierRepository(db.prisma).ensure({
      designator: 'PG',
      name: 'Demo',
      apiKey: 'k',
    });
    const m = generateManifest({
      seed: 77,
      carrier: 'PG',
      number: '77',
      date: '2026-12-28',
      origin: 'LHR',
      destination: 'JFK',
      passengers: 5,
    });
    const sub = await db.prisma.submission.create({
      data: {
        carrierId: carrier.id,
        channel: 'http',
        receivedAt: new Date(),
        raw: new Uint8Array([1]),
        sha256: 'x',
        sizeBytes: 1,
        status: 'accepted',
      },
    });
    await db.prisma.$transaction((tx) =>
      applyManifest(tx, {
        carrierId: carrier.id,
        submissionId: sub.id,
        manifest: m,
        event: ({ flightKey }) => ({
          topic: 't',
          id: crypto.randomUUID(),
          type: 'x',
          version: 1,
          key: flightKey,
          occurredAt: new Date().toISOString(),
          payload: {},
        }),
      }),
    );
    const t = await db.prisma.traveller.findFirstOrThrow();
    flagged = t.id;
    await createAssessmentRepository(db).store({
      travellerId: t.id,
      outcome: 'refer',
      inputHash: 'h1',
      versions: { watchlist: '1' },
      findings: [
        {
          source: 'watchlist',
          code: 'WATCHLIST_MATCH',
          severity: 'refer',
          message: 'name and birth date match a listed person',
          rule: { id: 'persons', version: '1' },
        },
      ],
    });
    await createUserRepository(db.prisma).ensure({
      name: 'Admin',
      role: 'admin',
      token: 'admin-1',
    });
    const components = createConsoleComponents({ db, bus });
    await components.start();
    app = buildApp({
      logger,
      console: components,
      checks: { database: () => db.ping() },
      shuttingDown: () => false,
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await pg?.drop();
  });

  const get = (url: string, token?: string) =>
    app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const post = (url: string, token: string, body: unknown) =>
    app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}` },
      payload: body as object,
    });

  it('refuses the unauthenticated (401) and the wrong role (403)', async () => {
    expect((await get('/v1/flights')).statusCode).toBe(401);
    expect((await get('/v1/flights', 'nope')).statusCode).toBe(401);
    expect((await get('/v1/review/queue', 'analyst-1')).statusCode).toBe(403);
  });

  it('serves travellers to officers and audits the read', async () => {
    const r = await get('/v1/flights/PG77/2026-12-28/travellers', 'officer-1');
    expect(r.statusCode).toBe(200);
    expect(r.json().travellers).toHaveLength(5);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: 'view-travellers' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ flightKey: 'PG77/2026-12-28', count: 5 });
    expect((await get('/v1/flights/PG77/2099-01-01/travellers', 'officer-1')).statusCode).toBe(404);
    expect((await get('/v1/flights/not-a-flight/x/travellers', 'officer-1')).statusCode).toBe(400);
  });

  it('queues the flagged traveller with its reasons, and shows the whole file', async () => {
    const q = (await get('/v1/review/queue', 'officer-1')).json().queue;
    expect(q).toHaveLength(1);
    expect(q[0].reasons[0].code).toBe('WATCHLIST_MATCH');
    const file = (await get(`/v1/travellers/${flagged}`, 'officer-1')).json();
    expect(file.traveller.assessments[0].findings).toHaveLength(1);
  });

  it('needs a second person to confirm a no-board, then tells the carrier', async () => {
    expect(
      (
        await post(`/v1/travellers/${flagged}/decisions`, 'officer-1', {
          decision: 'no-board',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(422);
    const d = (
      await post(`/v1/travellers/${flagged}/decisions`, 'officer-1', {
        decision: 'no-board',
        reason: 'confirmed identity match after interview',
      })
    ).json();
    expect(d.status).toBe('pending-confirmation');
    expect(await db.prisma.directive.count({ where: { travellerId: flagged } })).toBe(0);
    expect(
      (await post(`/v1/decisions/${d.id}/confirmation`, 'officer-2', { approve: true, note: 'ok' }))
        .statusCode,
    ).toBe(403);
    const ok = await post(`/v1/decisions/${d.id}/confirmation`, 'super-1', {
      approve: true,
      note: 'agreed',
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (
        await post(`/v1/decisions/${d.id}/confirmation`, 'super-1', {
          approve: true,
          note: 'again',
        })
      ).statusCode,
    ).toBe(409);
    const directive = await db.prisma.directive.findFirstOrThrow({
      where: { travellerId: flagged, current: true },
    });
    expect(directive).toMatchObject({ answer: 'no-board', basis: 'officer' });
    // The carrier never sees the officer's reasoning or the watchlist behind it.
    expect(JSON.stringify(directive.reasons)).not.toContain('identity match');
    expect((await get('/v1/review/queue', 'officer-1')).json().queue).toHaveLength(0);
  });

  it('archives dead letters with their reason and replays one once to its topic', async () => {
    const replayed: BusMessage[] = [];
    await bus.subscribe({
      groupId: 'original-consumer',
      topics: ['paxguard.submissions.accepted'],
      handler: async (m) => void replayed.push(m),
    });
    await bus.publish('paxguard.dead-letter', [
      {
        key: 'PG1/2026-12-01',
        value: 'not json',
        headers: {
          'dlq-reason': 'not JSON: cannot read an event envelope',
          'dlq-consumer': 'paxguard-screening',
          'dlq-topic': 'paxguard.submissions.accepted',
          'message-id': 'm1',
        },
      },
    ]);
    await bus.idle();
    const res = await get('/v1/dead-letters', 'admin-1');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json().deadLetters;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      topic: 'paxguard.submissions.accepted',
      consumer: 'paxguard-screening',
      reason: 'not JSON: cannot read an event envelope',
    });
    expect((await get('/v1/dead-letters', 'officer-1')).statusCode).toBe(403);
    const r = await post(`/v1/dead-letters/${list[0].id}/replay`, 'admin-1', {});
    expect(r.statusCode).toBe(200);
    await bus.idle();
    expect(replayed).toHaveLength(1);
    expect(replayed[0]!.value.toString()).toBe('not json');
    expect(replayed[0]!.headers['replayed-from']).toBe(list[0].id);
    expect(replayed[0]!.headers['dlq-reason']).toBeUndefined();
    expect((await post(`/v1/dead-letters/${list[0].id}/replay`, 'admin-1', {})).statusCode).toBe(
      409,
    );
  });
});
