// Screening worker configuration, read once from the environment.
import { env, kafkaConsumerEnv } from '@paxguard/platform';
import { z } from 'zod';

export const ScreeningConfig = z.object({
  DATABASE_URL: env.databaseUrl(),
  KAFKA_BROKERS: env.kafkaBrokers(),
  HOST: env.host(),
  PORT: env.port(8083),
  LOG_LEVEL: env.logLevel(),
  SHUTDOWN_TIMEOUT_MS: env.durationMs(15_000),
  ...kafkaConsumerEnv,
  RECONCILE_INTERVAL_MS: env.durationMs(30_000),
});
export type ScreeningConfig = z.infer<typeof ScreeningConfig>;
