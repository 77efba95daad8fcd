// The thin thread at scale: separate ingest and console processes on PostgreSQL and Kafka
// (the test cluster from @paxguard/test-support). A carrier submits over HTTPS and over a
// Kafka topic, gets its reply on the replies topic, and an officer reads the travellers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCarrierRepository,
  createUserRepository,
  openDatabase,
  parseDatabaseUrl,
  type Database,
} from '@paxguard/db';
import { CarrierReply, Topics } from '@paxguard/domain';
import { createKafkaBus, createLogger, decodeEvent, type Bus } from '@paxguard/platform';
import { testKafka, testPostgres, type TestKafka, type TestPostgres } from '@paxguard/test-support';
import { startService, type Service } from './processes.ts';
import { manifest, paxlst, submit, travellers } from './traffic.ts';

const logger = createLogger({ service: 'e2e', level: 'silent' });

describe('services on PostgreSQL + Kafka', () => {
  let pg: TestPostgres;
  let kafka: TestKafka;
  let db: Database;
  let carrierBus: Bus;
  let ingest: Service;
  let consoleSvc: Service;
  let env: Record<string, string>;
  const replies: {
    payload: ReturnType<typeof decodeEvent<typeof CarrierReply.payload>>['payload'];
  }[] = [];

  beforeAll(async () => {
    [pg, kafka] = await Promise.all([testPostgres(), testKafka()]);
    db = await openDatabase(parseDatabaseUrl(pg.url));
    // Onboarding a carrier and an officer (an administrator's job).
    await createCarrierRepository(db.prisma).ensure({
      designator: 'PG',
      name: 'Paxguard Demo Air',
      apiKey: 'e2e-carrier-key',
    });
    await createUserRepository(db.prisma).ensure({
      name: 'Officer',
      role: 'officer',
      token: 'e2e-officer-token',
    });
    env = {
      DATABASE_URL: pg.url,
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      PNR_CARD_SALT: 'e2e-card-salt-0123456789',
    };
    [ingest, consoleSvc] = await Promise.all([
      startService('services/ingest/src/main.ts', env),
      startService('services/console/src/main.ts', { DATABASE_URL: pg.url }),
    ]);
    carrierBus = createKafkaBus({
      brokers: kafka.brokers,
      clientId: 'carrier-pg',
      logger,
      sessionTimeoutMs: 6000,
      heartbeatIntervalMs: 500,
    });
    await carrierBus.subscribe({
      groupId: 'carrier-pg-replies',
      topics: [Topics.carrierReplies],
      fromBeginning: true,
      handler: async (m) => void replies.push({ payload: decodeEvent(CarrierReply, m).payload }),
    });
  });
  afterAll(async () => {
    await Promise.allSettled([ingest?.kill(), consoleSvc?.kill(), carrierBus?.close()]);
    await db?.close();
    await pg?.drop();
    await kafka?.stop();
  });

  it('HTTPS: accepted, stored, readable by an officer', async () => {
    const r = await submit(
      ingest.url,
      'e2e-carrier-key',
      paxlst(manifest({ seed: 21, number: '801' }), 'K1'),
    );
    expect(r.status).toBe(202);
    expect(await travellers(consoleSvc.url, 'e2e-officer-token', 'PG801/2026-12-24')).toHaveLength(
      22,
    );
  });

  it('Kafka: a carrier publishes, gets an acknowledgement on the replies topic', async () => {
    await carrierBus.publish(Topics.carrierSubmissions, [
      {
        key: 'PG802',
        value: paxlst(manifest({ seed: 22, number: '802' }), 'K2'),
        headers: {
          'api-key': 'e2e-carrier-key',
          'message-id': 'carrier-msg-1',
          'content-type': 'application/edifact',
        },
      },
      {
        key: 'PG803',
        value: 'this is not EDIFACT',
        headers: { 'api-key': 'e2e-carrier-key', 'message-id': 'carrier-msg-2' },
      },
    ]);
    const deadline = Date.now() + 60_000;
    while (replies.length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    const ok = replies.find((r) => r.payload.carrierMessageId === 'carrier-msg-1');
    const bad = replies.find((r) => r.payload.carrierMessageId === 'carrier-msg-2');
    expect(ok?.payload.status).toBe('accepted');
    expect(bad?.payload.status).toBe('rejected');
    expect(bad?.payload.errors[0]?.code).toBe('UNKNOWN_FORMAT');
    expect(await travellers(consoleSvc.url, 'e2e-officer-token', 'PG802/2026-12-24')).toHaveLength(
      22,
    );
    // The rejected message is archived too, for inspection.
    const archived = await db.prisma.submission.findFirst({
      where: { carrierMessageId: 'carrier-msg-2' },
    });
    expect(Buffer.from(archived!.raw).toString()).toBe('this is not EDIFACT');
  });

  it('loses nothing when the ingest process is killed right after a 202', async () => {
    const r = await submit(
      ingest.url,
      'e2e-carrier-key',
      paxlst(manifest({ seed: 23, number: '804' }), 'K4'),
    );
    expect(r.status).toBe(202);
    await ingest.kill();
    ingest = await startService('services/ingest/src/main.ts', env);
    expect(await travellers(consoleSvc.url, 'e2e-officer-token', 'PG804/2026-12-24')).toHaveLength(
      22,
    );
  });

  it('re-drives a submission archived just before a crash', async () => {
    // The state a crash between "archived" and "processed" leaves behind.
    await ingest.kill();
    const carrier = await db.prisma.carrier.findUniqueOrThrow({ where: { designator: 'PG' } });
    const raw = Buffer.from(paxlst(manifest({ seed: 24, number: '805' }), 'K5'));
    await db.prisma.submission.create({
      data: {
        carrierId: carrier.id,
        channel: 'http',
        receivedAt: new Date(Date.now() - 60_000),
        raw: new Uint8Array(raw),
        sha256: 'x'.repeat(64),
        sizeBytes: raw.length,
      },
    });
    ingest = await startService('services/ingest/src/main.ts', env);
    const deadline = Date.now() + 30_000;
    let found: unknown[] | undefined;
    while (!found && Date.now() < deadline) {
      found = await travellers(consoleSvc.url, 'e2e-officer-token', 'PG805/2026-12-24');
      if (!found) await new Promise((r) => setTimeout(r, 300));
    }
    expect(found).toHaveLength(22);
  });

  it('refuses to start with bad configuration, naming every bad variable', async () => {
    await expect(
      startService(
        'services/ingest/src/main.ts',
        { DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohostport' },
        { readyTimeoutMs: 20_000 },
      ),
    ).rejects.toThrow(/DATABASE_URL[\s\S]*KAFKA_BROKERS|KAFKA_BROKERS[\s\S]*DATABASE_URL/);
  });
});
