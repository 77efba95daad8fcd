// Screening worker configuration, read once from the environment.
import { env } from '@paxguard/platform';
import { z } from 'zod';

export const ScreeningConfig = z.object({
  DATABASE_URL: env.databaseUrl(),
  KAFKA_BROKERS: env.kafkaBrokers(),
  HOST: env.host(),
  PORT: env.port(8083),
  LOG_LEVEL: env.logLevel(),
  SHUTDOWN_TIMEOUT_MS: env.durationMs(15_000),
  KAFKA_SESSION_TIMEOUT_MS: env.durationMs(30_000),
  /** How long a fetch may wait for data (a broker answers as soon as data arrives; the mock cluster does not). */
  KAFKA_FETCH_MAX_WAIT_MS: env.durationMs(5_000),
  /** Partitions processed at once (order is kept within a partition, so per flight). */
  KAFKA_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(1),
  RECONCILE_INTERVAL_MS: env.durationMs(30_000),
});
export type ScreeningConfig = z.infer<typeof ScreeningConfig>;
