// The harness itself: each caller gets its own schema on a real PostgreSQL, and a Kafka that
// really stores and returns messages.
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testKafka } from './kafka.ts';
import { testPostgres } from './postgres.ts';

describe('test services', () => {
  it('hands out isolated schemas on a real PostgreSQL and drops them', async () => {
    const [a, b] = await Promise.all([testPostgres(), testPostgres()]);
    expect(a.schema).not.toBe(b.schema);
    const c = new pg.Client({ connectionString: a.serverUrl });
    await c.connect();
    await c.query(`CREATE TABLE "${a.schema}".t (x int)`);
    const seen = await c.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1`,
      [b.schema],
    );
    expect(seen.rows[0].n).toBe(0);
    await a.drop();
    const gone = await c.query(
      'SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = $1',
      [a.schema],
    );
    expect(gone.rows[0].n).toBe(0);
    await c.end();
    await b.drop();
  });

  it('provides a Kafka that stores and returns messages', async () => {
    const k = await testKafka();
    try {
      const kafka = new Kafka({
        brokers: k.brokers,
        clientId: 'harness',
        logLevel: logLevel.NOTHING,
      });
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({
        topic: `${k.prefix}t`,
        acks: -1,
        messages: [{ key: 'a', value: 'hello' }],
      });
      await producer.disconnect();
      const consumer = kafka.consumer({
        groupId: `${k.prefix}g`,
        sessionTimeout: 6000,
        heartbeatInterval: 500,
      });
      await consumer.connect();
      await consumer.subscribe({ topic: `${k.prefix}t`, fromBeginning: true });
      const got = await new Promise<string>(
        (resolve) =>
          void consumer.run({
            eachMessage: async ({ message }) => resolve(message.value!.toString()),
          }),
      );
      await consumer.disconnect();
      expect(got).toBe('hello');
    } finally {
      await k.stop();
    }
  }, 60_000);
});
