// Reference data through the whole pipeline: the demo watchlist hits a demo traveller when
// screening loads the snapshot, and removing the entry over the API re-screens the flight
// (outbox → relay → bus → screening) so the hit disappears.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserRepository, openDatabase, parseDatabaseUrl, type Database } from '@paxguard/db';
import { createIngestComponents, type IngestComponents } from '@paxguard/ingest';
import { createHttpServer, createLogger, createMemoryBus } from '@paxguard/platform';
import { createScreeningComponents, type ScreeningComponents } from '@paxguard/screening-service';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { demoFlights } from '@paxguard/demo-data';
import { seedReferenceDemo } from './demo/reference-demo-seed.ts';
import { createReferenceComponents } from './wiring.ts';

const logger = createLogger({ service: 'test', level: 'silent' });

describe('reference data in screening', () => {
  let pg: TestPostgres;
  let db: Database;
  let ingest: IngestComponents;
  let screening: ScreeningComponents;
  const bus = createMemoryBus({ logger });
  const now = new Date();
  const app = createHttpServer({ logger });

  beforeAll(async () => {
    pg = await testPostgres();
    db = await openDatabase(parseDatabaseUrl(pg.url));
    const reference = createReferenceComponents({ db, logger });
    reference.registerRoutes(app);
    await createUserRepository(db.prisma).ensure({
      name: 's',
      role: 'supervisor',
      token: 'sup-token-0123456789',
    });
    await seedReferenceDemo({ db, now });
    screening = createScreeningComponents({
      db,
      bus,
      logger,
      loadReference: () => reference.screeningInputs(),
      reconcileIntervalMs: 600_000,
    });
    ingest = createIngestComponents({
      db,
      bus,
      logger,
      screener: screening.worker.current,
      options: { mode: 'lenient', partTimeoutMs: 60_000, cardSalt: 'test-card-salt-0123456789' },
    });
    await ingest.carriers.ensure({ designator: 'PG', name: 'Demo', apiKey: 'k-0123456789' });
    await screening.start();
    await ingest.start();
  });
  afterAll(async () => {
    await app.close();
    await ingest?.stop();
    await screening?.stop();
    await bus.close();
    await db?.close();
    await pg?.drop();
  });

  async function watchlistFindings(surname: string, birthDate: string) {
    const t = await db.prisma.traveller.findFirst({
      where: { surname, birthDate, flight: { number: '500' } },
      include: { assessments: { where: { current: true }, include: { findings: true } } },
    });
    return t?.assessments[0]?.findings.filter((f) => f.source === 'watchlist');
  }

  async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    let v = await probe();
    for (let i = 0; i < 150 && !ok(v); i++) {
      await new Promise((r) => setTimeout(r, 100));
      await bus.idle();
      v = await probe();
    }
    return v;
  }

  it('hits the listed demo traveller, and re-screens when the entry is removed', async () => {
    const m = demoFlights(now).get('500')!;
    const listed = m.travellers.filter((t) => t.role === 'passenger' && t.documents.length > 0)[9]!;
    const carrier = (await ingest.carriers.findByDesignator('PG'))!;
    const r = await ingest.ingest.submit({
      carrier,
      channel: 'http',
      contentType: 'application/json',
      raw: Buffer.from(JSON.stringify({ ...m, source: undefined })),
    });
    expect(r.status).toBe('accepted');
    const hits = await until(
      () => watchlistFindings(listed.name.surname, listed.birthDate!),
      (f) => (f?.length ?? 0) > 0,
    );
    expect(
      hits!.map((f) => (f.evidence as { entryId?: string } | null)?.entryId ?? f.ruleId).join(' '),
    ).toContain('DEMO-F-500-9');

    const del = await app.inject({
      method: 'DELETE',
      url: '/v1/watchlists/demo-persons/entries/DEMO-F-500-9',
      headers: { authorization: 'Bearer sup-token-0123456789' },
    });
    expect(del.statusCode).toBe(200);
    const after = await until(
      () => watchlistFindings(listed.name.surname, listed.birthDate!),
      (f) => !JSON.stringify(f).includes('DEMO-F-500-9'),
    );
    expect(JSON.stringify(after)).not.toContain('DEMO-F-500-9');
  });
});
