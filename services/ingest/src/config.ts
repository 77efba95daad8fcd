// Ingest service configuration, read once from the environment.
import { env, kafkaConsumerEnv } from '@paxguard/platform';
import { z } from 'zod';

export const IngestConfig = z.object({
  DATABASE_URL: env.databaseUrl(),
  KAFKA_BROKERS: env.kafkaBrokers(),
  HOST: env.host(),
  PORT: env.port(8081),
  LOG_LEVEL: env.logLevel(),
  SHUTDOWN_TIMEOUT_MS: env.durationMs(15_000),
  PAXLST_MODE: z.enum(['strict', 'lenient']).default('lenient'),
  MULTIPART_TIMEOUT_MS: env.durationMs(30 * 60_000),
  ...kafkaConsumerEnv,
  /** iAPI: the longest a check-in request waits, and the answer given when screening is not done by then. */
  IAPI_TIMEOUT_MS: env.durationMs(2000),
  /** Secret salt for payment-card fingerprints (PNR data): no default. */
  PNR_CARD_SALT: z.string().min(16, 'must be a secret of at least 16 characters'),
  IAPI_TIMEOUT_ANSWER: z
    .enum(['board', 'contact-authority', 'no-board'])
    .default('contact-authority'),
});
export type IngestConfig = z.infer<typeof IngestConfig>;
