// PostgreSQL for tests: DATABASE_URL when given; else a testcontainers PostgreSQL when a
// Docker engine answers; else the local server on 127.0.0.1:5432 (started if it is stopped).
// Each caller gets its own schema, so test files never see each other's rows. When nothing
// can be had, this throws: a test that needs PostgreSQL fails loudly, it never skips.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dockerAvailable } from './docker.ts';

export interface TestPostgres {
  /** Base URL of the server (no schema). */
  serverUrl: string;
  /** URL with `?schema=` for an isolated schema, understood by @paxguard/db. */
  url: string;
  schema: string;
  drop(): Promise<void>;
}

const LOCAL_URLS = [
  'postgres://postgres@127.0.0.1:5432/test',
  'postgres://root@127.0.0.1:5432/test',
];

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function startLocalCluster(): void {
  if (!existsSync('/etc/postgresql')) return;
  for (const version of readdirSync('/etc/postgresql')) {
    try {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
        stdio: 'ignore',
      });
    } catch {
      // already running, or not startable by this user: the reachability check decides
    }
  }
}

let serverUrl: Promise<string> | undefined;
let container: { stop(): Promise<unknown> } | undefined;

async function findServer(): Promise<string> {
  const fromEnv = process.env.PAXGUARD_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (fromEnv && /^postgres(ql)?:/.test(fromEnv)) {
    if (await reachable(fromEnv)) return fromEnv;
    throw new Error(
      `DATABASE_URL is set but PostgreSQL does not answer there (${new URL(fromEnv).host})`,
    );
  }
  if (await dockerAvailable()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const started = await new PostgreSqlContainer('postgres:16-alpine').start();
    container = started;
    return started.getConnectionUri();
  }
  for (const url of LOCAL_URLS) if (await reachable(url)) return url;
  startLocalCluster();
  for (let i = 0; i < 20; i++) {
    for (const url of LOCAL_URLS) if (await reachable(url)) return url;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    'No PostgreSQL for tests: set DATABASE_URL, run a Docker engine, or start the local server ' +
      '(infra/dev/services.mjs does this; see README "Running the tests").',
  );
}

/** A fresh, empty schema on the test server. Call `drop()` in afterAll. */
export async function testPostgres(): Promise<TestPostgres> {
  serverUrl ??= findServer();
  const base = await serverUrl;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  return {
    serverUrl: base,
    url: u.toString(),
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}

export async function stopTestPostgres(): Promise<void> {
  await container?.stop();
}
