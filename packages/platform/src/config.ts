// Configuration is read from the environment exactly once, here, through a zod schema.
// A bad or missing variable stops the process with one line per problem.
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig<T extends z.ZodObject>(
  schema: T,
  env: Record<string, string | undefined> = process.env,
): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const got = typeof issue.path[0] === 'string' ? env[issue.path[0]] : undefined;
    const shown =
      got === undefined
        ? 'not set'
        : `got "${/SECRET|KEY|TOKEN|PASSWORD/i.test(name) ? '***' : got}"`;
    return `${name}: ${issue.message} (${shown})`;
  });
  throw new ConfigError(problems);
}

/** Building blocks shared by the services' config schemas. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  host: () => z.string().min(1).default('127.0.0.1'),
  logLevel: () =>
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  databaseUrl: () =>
    z
      .string()
      .regex(/^(postgres(ql)?:\/\/|pglite:)/, 'must be postgres://… or pglite:<dir>|pglite:memory'),
  kafkaBrokers: () =>
    z
      .string()
      .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'must be host:port[,host:port…]')
      .transform((s) => s.split(',')),
  durationMs: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  flag: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1'),
};

/** Consumer settings every service that consumes Kafka reads the same way (spread into its schema). */
export const kafkaConsumerEnv = {
  KAFKA_SESSION_TIMEOUT_MS: env.durationMs(30_000),
  /** How long a fetch may wait for data (a broker answers as soon as data arrives; the mock cluster does not). */
  KAFKA_FETCH_MAX_WAIT_MS: env.durationMs(5_000),
  /** Partitions processed at once (order is kept within a partition, so per flight). */
  KAFKA_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(1),
};

/** The bus options those settings stand for. */
export function kafkaConsumerOptions(c: {
  KAFKA_SESSION_TIMEOUT_MS: number;
  KAFKA_FETCH_MAX_WAIT_MS: number;
  KAFKA_PARTITIONS_CONCURRENTLY: number;
}) {
  return {
    sessionTimeoutMs: c.KAFKA_SESSION_TIMEOUT_MS,
    fetchMaxWaitMs: c.KAFKA_FETCH_MAX_WAIT_MS,
    partitionsConsumedConcurrently: c.KAFKA_PARTITIONS_CONCURRENTLY,
  };
}

/**
 * For a service's main: the parsed configuration, or the list of problems on stderr and exit
 * status 78 (EX_CONFIG), so an orchestrator shows why the process would not start.
 */
export function loadConfigOrExit<T extends z.ZodObject>(schema: T, service: string): z.infer<T> {
  try {
    return parseConfig(schema);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`paxguard ${service}: ${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}
