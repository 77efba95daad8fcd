// The interactive API (iAPI) against real PostgreSQL: what a check-in stores, a resend, a
// later batch manifest for the same traveller, the safe default when screening is late, and
// refusal when the database is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateManifest } from '@paxguard/demo-data';
import {
  createAssessmentRepository,
  openDatabase,
  parseDatabaseUrl,
  type Database,
} from '@paxguard/db';
import type { Manifest } from '@paxguard/domain';
import { encodePaxlst } from '@paxguard/edifact';
import { createScreeningWorker, shippedReference } from '@paxguard/pipeline';
import { createLogger, createMemoryBus } from '@paxguard/platform';
import type { Screener } from '@paxguard/screening';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { buildApp } from './app.ts';
import { createIngestComponents } from './wiring.ts';

const logger = createLogger({ service: 'test', level: process.env.TEST_LOG ?? 'silent' });
const bus = createMemoryBus({ logger });

function paxlst(m: Manifest, ref: string): string {
  const r = encodePaxlst(m, {
    sender: 'UA',
    recipient: 'PAXGUARD',
    interchangeRef: ref,
    messageRef: ref,
    preparedAt: '2026-11-01T10:00',
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function flight(seed: number, number: string, passengers: number): Manifest {
  return generateManifest({
    seed,
    carrier: 'UA',
    number,
    date: '2026-12-07',
    origin: 'FRA',
    destination: 'JFK',
    passengers,
  });
}

async function appOn(
  db: Database,
  opts: { screener?: () => Promise<Screener>; timeoutMs?: number } = {},
) {
  const worker = createScreeningWorker({
    assessments: createAssessmentRepository(db),
    loadReference: async () => shippedReference(),
    clock: { now: () => new Date() },
    logger,
  });
  const ingest = createIngestComponents({
    db,
    bus,
    logger,
    screener: opts.screener ?? worker.current,
    options: {
      mode: 'lenient',
      partTimeoutMs: 60_000,
      cardSalt: 'test-card-salt-0123456789',
      iapiTimeoutMs: opts.timeoutMs,
    },
  });
  await ingest.carriers.ensure({ designator: 'UA', name: 'United', apiKey: 'ua-key' });
  const app = buildApp({
    logger,
    ingest,
    checks: { database: () => db.ping() },
    shuttingDown: () => false,
  });
  return { app, ingest };
}

const checkIn = (
  app: ReturnType<typeof buildApp>,
  body: string,
  opts: { key?: string; url?: string } = {},
) =>
  app.inject({
    method: 'POST',
    url: opts.url ?? '/v1/carrier/iapi',
    headers: {
      authorization: `Bearer ${opts.key ?? 'ua-key'}`,
      'content-type': 'application/edifact',
      accept: 'application/json',
    },
    payload: body,
  });

describe('iAPI', () => {
  let pg: TestPostgres;
  let db: Database;
  let app: ReturnType<typeof buildApp>;

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number(
      (
        await db.sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM "${table}" WHERE ${where}`,
          params,
        )
      )[0]!.n,
    );

  beforeAll(async () => {
    pg = await testPostgres();
    db = await openDatabase(parseDatabaseUrl(pg.url));
    ({ app } = await appOn(db));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await pg?.drop();
  });

  it('stores the check-in and its answer; a resend answers the same and records nothing twice', async () => {
    const m = flight(11, '910', 1);
    const first = await checkIn(app, paxlst(m, 'CHK1'));
    expect(first.statusCode).toBe(200);
    const answer = first.json() as {
      submissionId: string;
      flightKey: string;
      answers: { travellerId: string; answer: string; basis: string }[];
    };
    expect(answer.flightKey).toBe('UA910/2026-12-07');
    expect(answer.answers).toHaveLength(1);
    expect(answer.answers[0]!.basis).toBe('iapi');
    const travellerId = answer.answers[0]!.travellerId;

    const [sub] = await db.sql.query<{ status: string; format: string; flightKey: string }>(
      'SELECT status, format, "flightKey" FROM "Submission" WHERE id = $1::uuid',
      [answer.submissionId],
    );
    expect(sub).toEqual({
      status: 'accepted',
      format: 'IAPI-PAXLST',
      flightKey: 'UA910/2026-12-07',
    });
    const [traveller] = await db.sql.query<{ revision: number; status: string }>(
      'SELECT revision, status FROM "Traveller" WHERE id = $1::uuid',
      [travellerId],
    );
    expect(traveller).toEqual({ revision: 1, status: 'active' });
    expect(await count('TravellerRevision', '"travellerId" = $1::uuid', [travellerId])).toBe(1);
    expect(await count('TravelDocument', '"travellerId" = $1::uuid', [travellerId])).toBe(
      m.travellers[0]!.documents.length,
    );
    expect(await count('FlightLeg')).toBe(m.flight.legs.length);
    const directives = await db.sql.query<{ answer: string; basis: string; current: boolean }>(
      'SELECT answer, basis, current FROM "Directive" WHERE "travellerId" = $1::uuid',
      [travellerId],
    );
    expect(directives).toEqual([
      { answer: answer.answers[0]!.answer, basis: 'iapi', current: true },
    ]);

    const again = await checkIn(app, paxlst(m, 'CHK1'));
    expect(again.statusCode).toBe(200);
    expect(again.json().answers).toEqual(answer.answers);
    expect(await count('Traveller')).toBe(1);
    expect(await count('Assessment', '"travellerId" = $1::uuid', [travellerId])).toBe(1);
    expect(await count('Directive', '"travellerId" = $1::uuid', [travellerId])).toBe(1);
    expect(await count('ManifestVersion')).toBe(2);
    expect(await count('Submission', 'format = $1', ['IAPI-PAXLST'])).toBe(2);
  });

  it('knows a checked-in traveller when the batch manifest for the flight arrives', async () => {
    const m = flight(12, '920', 3);
    const one = { ...m, travellers: [m.travellers[1]!] };
    const checked = await checkIn(app, paxlst(one, 'CHK2'));
    expect(checked.statusCode).toBe(200);
    const travellerId = checked.json().answers[0].travellerId as string;

    const batch = await checkIn(app, paxlst({ ...m, functionCode: 'change' }, 'BATCH2'), {
      url: '/v1/carrier/submissions',
    });
    expect(batch.statusCode).toBe(202);
    expect(batch.json().flights[0]).toMatchObject({ added: 2, changed: 0, unchanged: 1 });
    const rows = await db.sql.query<{ id: string }>(
      `SELECT t.id FROM "Traveller" t JOIN "Flight" f ON f.id = t."flightId" WHERE f.key = $1`,
      ['UA920/2026-12-07'],
    );
    expect(rows.map((r) => r.id)).toContain(travellerId);
    expect(rows).toHaveLength(3);
    expect(await count('Directive', '"travellerId" = $1::uuid AND current', [travellerId])).toBe(1);
  });

  it('gives the configured safe default when screening is not ready in time, and records it', async () => {
    const never = () => new Promise<Screener>(() => undefined);
    const late = await appOn(db, { screener: never, timeoutMs: 20 });
    const m = flight(13, '930', 2);
    const res = await checkIn(late.app, paxlst(m, 'CHK3'));
    expect(res.statusCode).toBe(200);
    const answers = res.json().answers as {
      travellerId: string;
      answer: string;
      basis: string;
      text: string;
    }[];
    expect(answers.map((a) => [a.answer, a.basis])).toEqual([
      ['contact-authority', 'iapi-timeout-default'],
      ['contact-authority', 'iapi-timeout-default'],
    ]);
    expect(answers[0]!.text).toContain('DEFAULT ANSWER');
    for (const a of answers) {
      const d = await db.sql.query<{ reasons: { code: string }[]; current: boolean }>(
        'SELECT reasons, current FROM "Directive" WHERE "travellerId" = $1::uuid',
        [a.travellerId],
      );
      expect(d).toEqual([{ reasons: [{ code: 'IAPI_TIMEOUT', message: a.text }], current: true }]);
      // The real assessment is left to the screening worker's reconciler.
      expect(await count('Assessment', '"travellerId" = $1::uuid', [a.travellerId])).toBe(0);
    }
    await late.app.close();
  });

  it('refuses with 503 and Retry-After once the database is gone, even for a key it knows', async () => {
    const own = await openDatabase(parseDatabaseUrl(pg.url));
    const { app: down } = await appOn(own);
    // The key is verified (and remembered) while the database answers.
    expect((await checkIn(down, paxlst(flight(14, '940', 1), 'CHK4'))).statusCode).toBe(200);
    await own.close();
    const before = await count('Submission');
    const res = await checkIn(down, paxlst(flight(15, '940', 1), 'CHK5'));
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(await count('Submission')).toBe(before);
    await down.close();
  });

  it('does not remember a refused key: registered afterwards, it works at once', async () => {
    const body = paxlst(flight(16, '950', 1), 'CHK6');
    expect((await checkIn(app, body, { key: 'ua-second-key' })).statusCode).toBe(401);
    await createIngestComponents({
      db,
      bus,
      logger,
      screener: () => new Promise(() => undefined),
      options: { mode: 'lenient', partTimeoutMs: 60_000, cardSalt: 'test-card-salt-0123456789' },
    }).carriers.ensure({ designator: 'UA', name: 'United', apiKey: 'ua-second-key' });
    expect((await checkIn(app, body, { key: 'ua-second-key' })).statusCode).toBe(200);
  });
});
