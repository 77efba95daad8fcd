// Against a real Kafka protocol peer: KAFKA_BROKERS, a testcontainers broker, or the
// librdkafka mock cluster (see @paxguard/test-support). Never mocked, never skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKafka, type TestKafka } from '@paxguard/test-support';
import { createLogger } from '../logger.ts';
import { contractDeadLetter, contractKeyedOrderAndRetry, waitFor } from './bus-contract.ts';
import { createKafkaBus } from './kafka-bus.ts';

const logger = createLogger({ service: 't', level: 'silent' });

describe('Kafka bus', () => {
  let kafka: TestKafka;
  beforeAll(async () => {
    kafka = await testKafka();
  });
  afterAll(async () => kafka?.stop());

  const bus = (id: string, dlq?: string) =>
    createKafkaBus({
      brokers: kafka.brokers,
      clientId: id,
      logger,
      deadLetterTopic: dlq,
      sessionTimeoutMs: 6000,
      heartbeatIntervalMs: 500,
    });

  it('keeps order per key and retries transient failures', async () => {
    const b = bus('c1');
    await contractKeyedOrderAndRetry(b, `${kafka.prefix}orders`, `${kafka.prefix}g1`);
    await b.close();
  }, 60_000);

  it('dead-letters poison messages with the reason and headers', async () => {
    const b = bus('c2', `${kafka.prefix}dlq`);
    await contractDeadLetter(
      b,
      `${kafka.prefix}orders2`,
      `${kafka.prefix}dlq`,
      `${kafka.prefix}g2`,
    );
    await b.close();
  }, 60_000);

  it('shares partitions between two members of a group and survives one leaving', async () => {
    const topic = `${kafka.prefix}shared`;
    const group = `${kafka.prefix}workers`;
    const seenBy = new Map<string, string>();
    const producer = bus('producer');
    const m1 = bus('m1');
    const m2 = bus('m2');
    const s1 = await m1.subscribe({
      groupId: group,
      topics: [topic],
      fromBeginning: true,
      handler: async (m) => void seenBy.set(m.value.toString(), 'm1'),
    });
    const s2 = await m2.subscribe({
      groupId: group,
      topics: [topic],
      fromBeginning: true,
      handler: async (m) => void seenBy.set(m.value.toString(), 'm2'),
    });
    const keys = Array.from({ length: 40 }, (_, i) => `flight-${i}`);
    await producer.publish(
      topic,
      keys.map((k) => ({ key: k, value: `${k}#1` })),
    );
    await waitFor(() => seenBy.size === 40, 40_000);
    // Both members got a share (the topic has several partitions).
    expect(new Set(seenBy.values()).size).toBe(2);
    // One member leaves: the other takes over its partitions.
    await s1.close();
    await m1.close();
    await producer.publish(
      topic,
      keys.map((k) => ({ key: k, value: `${k}#2` })),
    );
    await waitFor(() => keys.every((k) => seenBy.get(`${k}#2`) === 'm2'), 40_000);
    await s2.close();
    await m2.close();
    await producer.close();
  }, 90_000);
});
