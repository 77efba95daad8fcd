// The arrival-outcomes consumer against a real Kafka protocol peer: a valid outcome is stored
// and detected; an invalid one goes to the dead-letter topic with the precise reason.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { envelope } from '@paxguard/domain';
import { createKafkaBus, createLogger, publishEnvelopes, type Bus } from '@paxguard/platform';
import { ArrivalOutcomeRecorded } from '@paxguard/sanctions';
import { testKafka, type TestKafka } from '@paxguard/test-support';
import { DAY, HOUR, landedFlight, startFixture, type Fixture } from './test-fixture.ts';

const logger = createLogger({ service: 'sanctions-kafka-test', level: 'silent' });
let kafka: TestKafka;
let bus: Bus;
let f: Fixture;
const dead: { reason: string }[] = [];

beforeAll(async () => {
  kafka = await testKafka();
  bus = createKafkaBus({
    brokers: kafka.brokers,
    clientId: 'sanctions-test',
    logger,
    deadLetterTopic: `${kafka.prefix}dlq`,
    sessionTimeoutMs: 6000,
    heartbeatIntervalMs: 500,
  });
  f = await startFixture({ bus });
  await bus.subscribe({
    groupId: `${kafka.prefix}dlq-reader`,
    topics: [`${kafka.prefix}dlq`],
    fromBeginning: true,
    handler: async (m) => void dead.push({ reason: m.headers['dlq-reason'] ?? '' }),
  });
}, 90_000);
afterAll(async () => {
  await f?.close();
  await bus?.close();
  await kafka?.stop();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('stores a published refused entry, drafts a case, and dead-letters an invalid outcome', async () => {
  const flight = await landedFlight(f, '301');
  const at = new Date(f.clock.t - DAY + HOUR).toISOString();
  const publish = (payload: object) =>
    publishEnvelopes(bus, ArrivalOutcomeRecorded.topic, [
      envelope(ArrivalOutcomeRecorded, {
        id: randomUUID(),
        key: flight.flightKey,
        occurredAt: new Date(f.clock.t),
        payload: payload as never,
      }),
    ]);
  await publish({
    id: 'bcs-1',
    flightKey: flight.flightKey,
    travellerId: flight.travellerIds.P1,
    recordedAt: at,
    recordedBy: 'border-control-system',
    kind: 'refused-entry',
    ground: 'no-valid-travel-document',
  });
  await publish({
    id: 'bcs-2',
    flightKey: flight.flightKey,
    travellerId: randomUUID(),
    recordedAt: at,
    recordedBy: 'border-control-system',
    kind: 'admitted',
  });
  const c = await waitFor(() =>
    f.sanctions.repositories.cases.getByKey(`PG|flight|${flight.flightKey}`),
  );
  expect(c.state).toBe('draft');
  const reason = await waitFor(async () => dead[0]?.reason);
  expect(reason).toMatch(/UNKNOWN_TRAVELLER/);
}, 60_000);
