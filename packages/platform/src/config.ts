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
