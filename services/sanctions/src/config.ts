// Sanctions service configuration, read once from the environment.
import { env, kafkaConsumerEnv } from '@paxguard/platform';
import { z } from 'zod';

export const SanctionsConfig = z.object({
  DATABASE_URL: env.databaseUrl(),
  KAFKA_BROKERS: env.kafkaBrokers(),
  HOST: env.host(),
  PORT: env.port(8084),
  LOG_LEVEL: env.logLevel(),
  SHUTDOWN_TIMEOUT_MS: env.durationMs(15_000),
  ...kafkaConsumerEnv,
  /** The jurisdiction profile id (data/jurisdictions/<id>.json) this deployment applies. */
  SANCTIONS_JURISDICTION: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('eu-2001-51-per-person'),
  /** Cases per carrier and flight, or per carrier and month. */
  SANCTIONS_GROUPING: z.enum(['flight', 'month']).default('flight'),
  /** How often detection re-runs and expired answer windows are swept. */
  SANCTIONS_SWEEP_INTERVAL_MS: env.durationMs(60_000),
  SANCTIONS_AUTHORITY: z.string().min(1).default('Border Agency, Carrier Sanctions Unit'),
});
export type SanctionsConfig = z.infer<typeof SanctionsConfig>;
