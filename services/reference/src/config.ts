// Reference service configuration, read once from the environment.
import { env } from '@paxguard/platform';
import { z } from 'zod';

export const ReferenceConfig = z.object({
  DATABASE_URL: env.databaseUrl(),
  HOST: env.host(),
  PORT: env.port(8085),
  LOG_LEVEL: env.logLevel(),
  SHUTDOWN_TIMEOUT_MS: env.durationMs(15_000),
});
export type ReferenceConfig = z.infer<typeof ReferenceConfig>;
