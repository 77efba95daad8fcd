// Carrier sanctions at scale: the ingest and sanctions services as separate processes on
// PostgreSQL and Kafka. A carrier's manifest goes in over HTTPS, a border-control system
// publishes a refused entry on Kafka, detection drafts a case, and the regulator, the carrier
// and a supervisor take it through notice, answer and decision over the documented API.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCarrierRepository,
  createUserRepository,
  openDatabase,
  parseDatabaseUrl,
  type Database,
} from '@paxguard/db';
import { Topics } from '@paxguard/domain';
import { createKafkaBus, createLogger, type Bus } from '@paxguard/platform';
import { testKafka, testPostgres, type TestKafka, type TestPostgres } from '@paxguard/test-support';
import { startService, type Service } from './processes.ts';
import { manifest, paxlst, submit } from './traffic.ts';

const logger = createLogger({ service: 'e2e-sanctions', level: 'silent' });
const CARRIER_KEY = 'e2e-sanctions-carrier-key';
const TOKENS = { regulator: 'e2e-regulator', supervisor: 'e2e-supervisor' };

interface CaseBody {
  case: { id: string; state: string; version: number; notice?: { answerDueBy: string } };
  evidence: { kind: string; refId: string; sha256: string | null }[];
}

describe('sanctions on PostgreSQL + Kafka', () => {
  let pg: TestPostgres;
  let kafka: TestKafka;
  let db: Database;
  let bus: Bus;
  let ingest: Service;
  let sanctions: Service;

  beforeAll(async () => {
    [pg, kafka] = await Promise.all([testPostgres(), testKafka()]);
    db = await openDatabase(parseDatabaseUrl(pg.url));
    await createCarrierRepository(db.prisma).ensure({
      designator: 'PG',
      name: 'Paxguard Demo Air',
      apiKey: CARRIER_KEY,
    });
    const users = createUserRepository(db.prisma);
    await users.ensure({ name: 'Regulator', role: 'regulator', token: TOKENS.regulator });
    await users.ensure({ name: 'Supervisor', role: 'supervisor', token: TOKENS.supervisor });
    const env = {
      DATABASE_URL: pg.url,
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      PNR_CARD_SALT: 'e2e-card-salt-0123456789',
    };
    [ingest, sanctions] = await Promise.all([
      startService('services/ingest/src/main.ts', env),
      startService('services/sanctions/src/main.ts', {
        ...env,
        SANCTIONS_SWEEP_INTERVAL_MS: '2000',
      }),
    ]);
    bus = createKafkaBus({
      brokers: kafka.brokers,
      clientId: 'border-control',
      logger,
      sessionTimeoutMs: 6000,
      heartbeatIntervalMs: 500,
    });
  });
  afterAll(async () => {
    await Promise.allSettled([ingest?.kill(), sanctions?.kill(), bus?.close()]);
    await db?.close();
    await pg?.drop();
    await kafka?.stop();
  });

  const api = async (
    method: 'GET' | 'POST',
    path: string,
    token: string,
    body?: unknown,
  ): Promise<{ status: number; json: () => unknown; text: string }> => {
    const r = await fetch(`${sanctions.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    return { status: r.status, text, json: () => JSON.parse(text) };
  };

  it('manifest → refused entry on Kafka → drafted case → notice → carrier answer → decision', async () => {
    // A flight that landed two days ago, so the outcome is recorded after arrival and before now.
    const date = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const m = manifest({ seed: 71, number: '871', date, time: '08:00' });
    const r = await submit(ingest.url, CARRIER_KEY, paxlst(m, 'S1'));
    expect(r.status).toBe(202);
    const flightKey = r.body.flights[0]!.flightKey;
    const flight = await db.prisma.flight.findUniqueOrThrow({
      where: { key: flightKey },
      include: { travellers: { where: { role: 'passenger' }, orderBy: { key: 'asc' } } },
    });
    const refused = flight.travellers[0]!;

    // A border-control system publishes what the officer decided, as a versioned envelope.
    const payload = {
      id: `bcs-${randomUUID()}`,
      flightKey,
      travellerId: refused.id,
      recordedAt: new Date(flight.scheduledArrival!.getTime() + 45 * 60_000).toISOString(),
      recordedBy: 'border-control-system',
      kind: 'refused-entry',
      ground: 'no-visa-or-travel-authorisation',
    };
    const id = randomUUID();
    await bus.publish(Topics.arrivalOutcomes, [
      {
        key: flightKey,
        value: JSON.stringify({
          id,
          type: 'arrival.outcome.recorded',
          version: 1,
          key: flightKey,
          occurredAt: new Date().toISOString(),
          payload,
        }),
        headers: { 'message-id': id, 'event-type': 'arrival.outcome.recorded' },
      },
    ]);

    let caseId: string | undefined;
    const deadline = Date.now() + 60_000;
    while (!caseId && Date.now() < deadline) {
      const list = await api('GET', '/v1/sanctions/cases?state=draft', TOKENS.regulator);
      caseId = (list.json() as { cases: { id: string; key: string }[] }).cases.find((c) =>
        c.key.includes(flightKey),
      )?.id;
      if (!caseId) await new Promise((res) => setTimeout(res, 300));
    }
    expect(caseId, sanctions.output()).toBeDefined();

    const get = async () =>
      (await api('GET', `/v1/sanctions/cases/${caseId}`, TOKENS.regulator)).json() as CaseBody;
    const move = async (token: string, body: Record<string, unknown>) => {
      const cur = await get();
      const res = await api('POST', `/v1/sanctions/cases/${caseId}/transitions`, token, {
        expectedVersion: cur.case.version,
        ...body,
      });
      expect(res.status, res.text).toBe(200);
    };
    await move(TOKENS.regulator, { type: 'submit-for-review', reason: 'evidence checked' });
    await move(TOKENS.regulator, { type: 'issue-notice', reason: 'notice of intended sanction' });

    // The notice discloses the archived manifest (with its hash) and the outcome.
    const noticed = await get();
    const message = noticed.evidence.find((e) => e.kind === 'raw-message');
    expect(message?.refId).toBe(r.body.submissionId);
    expect(message?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(noticed.evidence.some((e) => e.kind === 'arrival-outcome')).toBe(true);

    const answer = await fetch(`${sanctions.url}/v1/carrier/sanctions/cases/${caseId}/answer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CARRIER_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        expectedVersion: noticed.case.version,
        text: 'The traveller presented a visa that was revoked after check-in.',
        attachments: [
          {
            fileName: 'checkin.pdf',
            mediaType: 'application/pdf',
            sizeBytes: 2048,
            sha256: 'b'.repeat(64),
          },
        ],
      }),
    });
    expect(answer.status, await answer.clone().text()).toBe(200);

    await move(TOKENS.supervisor, {
      type: 'decide',
      outcome: 'reduced',
      amountMinor: 100_000,
      reason: 'revocation after check-in partly explains the failure',
    });
    expect((await get()).case.state).toBe('decided');
    const csv = await api('GET', '/v1/sanctions/register.csv', TOKENS.regulator);
    expect(csv.text).toContain(caseId!);
    const notice = await api('GET', `/v1/sanctions/cases/${caseId}/notice`, TOKENS.regulator);
    expect(notice.text).toContain('<html');
  });
});
