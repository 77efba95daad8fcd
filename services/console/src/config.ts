// Console service configuration, read once from the environment.
import { env } from '@paxguard/platform';
import { z } from 'zod';

export const ConsoleConfig = z.object({
  DATABASE_URL: env.databaseUrl(),
  HOST: env.host(),
  PORT: env.port(8082),
  /** Optional: with Kafka, dead letters are archived and can be replayed through the API. */
  KAFKA_BROKERS: env.kafkaBrokers().optional(),
  LOG_LEVEL: env.logLevel(),
  SHUTDOWN_TIMEOUT_MS: env.durationMs(15_000),
});
export type ConsoleConfig = z.infer<typeof ConsoleConfig>;
