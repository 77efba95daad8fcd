// Apache Kafka through kafkajs: keyed messages (the key picks the partition, so everything
// about one flight stays in order), consumer groups sharing partitions, offsets committed
// only after the handler finished (at-least-once; consumers are idempotent), gzip.
import {
  CompressionTypes,
  Kafka,
  logLevel,
  type Consumer,
  type IHeaders,
  type Producer,
} from 'kafkajs';
import type { Logger } from 'pino';
import {
  toBuffer,
  type Bus,
  type BusMessage,
  type OutgoingMessage,
  type SubscribeOptions,
} from './bus.ts';
import { deliver } from './delivery.ts';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  deadLetterTopic?: string;
  /** Group membership timing; tests use short values so rebalances are quick. */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** How many partitions one member processes at once. */
  partitionsConsumedConcurrently?: number;
  /**
   * The longest a fetch waits for data (kafkajs default 5000 ms). A broker answers as soon as
   * data arrives; librdkafka's mock cluster holds an empty fetch for the full wait, so tests
   * and benchmarks on it use a short one.
   */
  fetchMaxWaitMs?: number;
}

function headersOf(h: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.map(String).join(',') : String(v);
  }
  return out;
}

export function createKafkaBus(opts: KafkaBusOptions): Bus {
  const log = opts.logger.child({ component: 'kafka' });
  const kafka = new Kafka({
    clientId: opts.clientId,
    brokers: opts.brokers,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }) => {
        const { message, ...rest } = entry;
        if (level <= logLevel.ERROR) log.error(rest, message);
        else if (level === logLevel.WARN) log.warn(rest, message);
      },
    retry: { retries: 8, initialRetryTime: 100, maxRetryTime: 5000 },
  });
  const deadLetterTopic = opts.deadLetterTopic ?? 'paxguard.dead-letter';
  let producer: Producer | undefined;
  let producerReady: Promise<Producer> | undefined;
  const consumers = new Set<Consumer>();
  const unhealthy = new Set<string>();
  let closed = false;

  function getProducer(): Promise<Producer> {
    producerReady ??= (async () => {
      producer = kafka.producer({ allowAutoTopicCreation: true });
      await producer.connect();
      return producer;
    })();
    return producerReady;
  }

  const bus: Bus = {
    kind: 'kafka',
    async publish(topic: string, messages: OutgoingMessage[]) {
      if (messages.length === 0) return;
      const p = await getProducer();
      await p.send({
        topic,
        acks: -1,
        compression: CompressionTypes.GZIP,
        messages: messages.map((m) => ({
          key: m.key,
          value: toBuffer(m.value),
          headers: m.headers,
        })),
      });
    },
    async subscribe(sub: SubscribeOptions) {
      let stopped = false;
      let current: Consumer | undefined;
      let restartTimer: NodeJS.Timeout | undefined;
      const deadLetter =
        sub.deadLetter ??
        (async (msg: BusMessage, reason: string, consumerName: string) => {
          await bus.publish(deadLetterTopic, [
            {
              key: msg.key ?? '',
              value: msg.value,
              headers: {
                ...msg.headers,
                'dlq-reason': reason,
                'dlq-consumer': consumerName,
                'dlq-topic': msg.topic,
                'dlq-partition': String(msg.partition),
                'dlq-offset': msg.offset,
              },
            },
          ]);
        });

      // kafkajs restarts a consumer after retriable errors by itself; after a non-retriable
      // one (seen when a group member died without leaving) it gives up. We start a fresh
      // consumer instead, so a worker never silently stops consuming; readiness reports the gap.
      const start = async (): Promise<void> => {
        const consumer = kafka.consumer({
          groupId: sub.groupId,
          sessionTimeout: opts.sessionTimeoutMs ?? 30_000,
          // A tenth of the session timeout (kafkajs needs it well below), 0.5–3 s.
          heartbeatInterval:
            opts.heartbeatIntervalMs ??
            Math.min(3_000, Math.max(500, Math.floor((opts.sessionTimeoutMs ?? 30_000) / 10))),
          rebalanceTimeout: Math.max(opts.sessionTimeoutMs ?? 30_000, 10_000),
          allowAutoTopicCreation: true,
          ...(opts.fetchMaxWaitMs !== undefined ? { maxWaitTimeInMs: opts.fetchMaxWaitMs } : {}),
        });
        current = consumer;
        consumers.add(consumer);
        consumer.on(consumer.events.CRASH, (e) => {
          log.error(
            { err: e.payload.error, groupId: sub.groupId, restart: e.payload.restart },
            'consumer crashed',
          );
          if (e.payload.restart || stopped || closed) return;
          unhealthy.add(sub.groupId);
          consumers.delete(consumer);
          const again = () => {
            restartTimer = setTimeout(() => {
              if (stopped || closed) return;
              start()
                .then(() => unhealthy.delete(sub.groupId))
                .catch((err) => {
                  log.error({ err, groupId: sub.groupId }, 'consumer restart failed; retrying');
                  again();
                });
            }, 1000);
          };
          void consumer
            .disconnect()
            .catch(() => undefined)
            .finally(again);
        });
        await consumer.connect();
        for (const topic of sub.topics)
          await consumer.subscribe({ topic, fromBeginning: sub.fromBeginning ?? false });
        await consumer.run({
          autoCommit: true,
          partitionsConsumedConcurrently: opts.partitionsConsumedConcurrently ?? 1,
          eachMessage: async ({ topic, partition, message }) => {
            const msg: BusMessage = {
              topic,
              partition,
              offset: message.offset,
              key: message.key ? message.key.toString() : null,
              value: message.value ?? Buffer.alloc(0),
              headers: headersOf(message.headers),
            };
            await deliver(msg, sub.handler, {
              consumer: sub.groupId,
              logger: log,
              deadLetter,
              stopped: () => stopped || closed,
              ...sub.retry,
            });
          },
        });
      };
      await start();
      return {
        async close() {
          stopped = true;
          if (restartTimer) clearTimeout(restartTimer);
          unhealthy.delete(sub.groupId);
          if (current) {
            consumers.delete(current);
            await current.disconnect();
          }
        },
      };
    },
    healthy: () => unhealthy.size === 0 && !closed,
    async close() {
      closed = true;
      await Promise.allSettled([...consumers].map((c) => c.disconnect()));
      consumers.clear();
      if (producerReady) await (await producerReady).disconnect();
    },
  };
  return bus;
}
