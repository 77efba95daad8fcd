// Embedded pipeline configuration: everything has a safe local default except secrets,
// which are generated on first start and kept in the data directory.
import { env } from '@paxguard/platform';
import { z } from 'zod';

export const EmbeddedConfig = z.object({
  PAXGUARD_HOME: z.string().min(1).default('.paxguard'),
  DATABASE_URL: env.databaseUrl().optional(),
  HOST: env.host(),
  PORT: env.port(8080),
  LOG_LEVEL: env.logLevel().default('warn'),
  SHUTDOWN_TIMEOUT_MS: env.durationMs(10_000),
  PAXLST_MODE: z.enum(['strict', 'lenient']).default('lenient'),
  MULTIPART_TIMEOUT_MS: env.durationMs(30 * 60_000),
  DEMO_DATA: env.flag(true),
  SANCTIONS_JURISDICTION: z.string().min(1).default('eu-2001-51-per-person'),
  IAPI_TIMEOUT_MS: env.durationMs(2000),
  IAPI_TIMEOUT_ANSWER: z
    .enum(['board', 'contact-authority', 'no-board'])
    .default('contact-authority'),
});
export type EmbeddedConfig = z.infer<typeof EmbeddedConfig>;
