// Screening at scale and under crashes: two screening workers in one consumer group on Kafka
// + PostgreSQL share the flights; one is SIGKILLed repeatedly during a load run; afterwards
// every submitted traveller has exactly one current assessment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCarrierRepository,
  openDatabase,
  parseDatabaseUrl,
  type Database,
} from '@paxguard/db';
import { testKafka, testPostgres, type TestKafka, type TestPostgres } from '@paxguard/test-support';
import { startService, type Service } from './processes.ts';
import { manifest, paxlst, submit } from './traffic.ts';

describe('screening workers on Kafka + PostgreSQL', () => {
  let pg: TestPostgres;
  let kafka: TestKafka;
  let db: Database;
  let ingest: Service;
  const workers: Service[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    [pg, kafka] = await Promise.all([testPostgres(), testKafka()]);
    db = await openDatabase(parseDatabaseUrl(pg.url));
    await createCarrierRepository(db.prisma).ensure({
      designator: 'PG',
      name: 'Demo',
      apiKey: 'load-key',
    });
    env = {
      DATABASE_URL: pg.url,
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      PNR_CARD_SALT: 'e2e-card-salt-0123456789',
      RECONCILE_INTERVAL_MS: '3000',
    };
    ingest = await startService('services/ingest/src/main.ts', env);
    workers.push(
      await startService('services/screening/src/main.ts', env),
      await startService('services/screening/src/main.ts', env),
    );
  });
  afterAll(async () => {
    await Promise.allSettled([ingest?.kill(), ...workers.map((w) => w.kill())]);
    await db?.close();
    await pg?.drop();
    await kafka?.stop();
  });

  it('assesses every traveller exactly once although a worker is killed repeatedly', async () => {
    const flights = 8;
    let submitted = 0;
    for (let i = 0; i < flights; i++) {
      const r = await submit(
        ingest.url,
        'load-key',
        paxlst(
          manifest({
            seed: 900 + i,
            number: String(900 + i),
            passengers: 60,
            crew: 2,
            expiredShare: 0.05,
          }),
          `L${i}`,
        ),
      );
      expect(r.status).toBe(202);
      submitted += r.body.flights[0]!.added;
      if (i === 2 || i === 5) {
        // A crash in the middle of the load: no shutdown hooks, no offset commit.
        await workers[0]!.kill();
        workers[0] = await startService('services/screening/src/main.ts', env);
      }
    }
    const deadline = Date.now() + 90_000;
    let missing = submitted;
    while (missing > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      missing = await db.prisma.traveller.count({
        where: { assessments: { none: { current: true } } },
      });
    }
    expect(missing).toBe(0);
    const rows = await db.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM "Assessment" WHERE current GROUP BY "travellerId" HAVING count(*) > 1',
    );
    expect(rows).toEqual([]);
    expect(await db.prisma.traveller.count()).toBe(submitted);
    expect(await db.prisma.assessment.count({ where: { current: true } })).toBe(submitted);
  });
});
