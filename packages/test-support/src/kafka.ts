// Kafka for tests: KAFKA_BROKERS when given; else a testcontainers Kafka when a Docker engine
// answers; else librdkafka's mock cluster started through Debian's `kcat`, which speaks the
// real protocol to kafkajs (no admin API: topics auto-create with 4 partitions). Throws when
// none can be had, so a test that needs Kafka fails rather than skips.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dockerAvailable } from './docker.ts';

export interface TestKafka {
  brokers: string[];
  /** A topic-name prefix unique to this caller, so test files never share topics. */
  prefix: string;
  kind: 'external' | 'container' | 'mock';
  stop(): Promise<void>;
}

function startMockCluster(brokers: number): Promise<{ brokers: string[]; proc: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      'kcat',
      ['-X', `test.mock.num.brokers=${brokers}`, '-b', '127.0.0.1:1', '-P', '-t', '_keepalive'],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let stderr = '';
    const timer = setTimeout(() => {
      proc.kill();
      reject(new Error(`kcat mock cluster did not start: ${stderr}`));
    }, 10_000);
    proc.on('error', (err) => {
      clearTimeout(timer);
      reject(
        new Error(
          `No Kafka for tests: KAFKA_BROKERS is not set, no Docker engine, and kcat could not run (${err.message}). ` +
            'Install it with `apt-get install kcat` (infra/dev/services.mjs does this).',
        ),
      );
    });
    proc.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /replaced with ([0-9.:,]+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve({ brokers: m[1]!.split(','), proc });
      }
    });
  });
}

export async function testKafka(opts: { brokers?: number } = {}): Promise<TestKafka> {
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const fromEnv = process.env.PAXGUARD_TEST_KAFKA_BROKERS ?? process.env.KAFKA_BROKERS;
  if (fromEnv) {
    return { brokers: fromEnv.split(','), prefix, kind: 'external', stop: async () => undefined };
  }
  if (await dockerAvailable()) {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const c = await new KafkaContainer('confluentinc/cp-kafka:7.6.1').withKraft().start();
    return {
      brokers: [`${c.getHost()}:${c.getMappedPort(9093)}`],
      prefix,
      kind: 'container',
      stop: async () => void (await c.stop()),
    };
  }
  const { brokers, proc } = await startMockCluster(opts.brokers ?? 1);
  return {
    brokers,
    prefix,
    kind: 'mock',
    async stop() {
      proc.stdin?.end();
      await new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        const t = setTimeout(() => {
          proc.kill('SIGKILL');
          resolve();
        }, 2000);
        proc.on('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    },
  };
}
