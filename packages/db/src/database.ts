// Opens the database the configuration asks for — a PostgreSQL server (`postgres://…`) or an
// embedded PGlite (a directory, or memory) — applies the migrations, and returns a Prisma
// client on a driver adapter. Same schema, same migrations, either way.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';
import { migrate, type SqlRunner } from './migrate.ts';

export type Prisma = PrismaClient;

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly prisma: PrismaClient;
  /** Raw SQL for the few hot paths Prisma is slow at (bulk inserts) and for health checks. */
  readonly sql: SqlRunner;
  /**
   * Several statements in one string, sent at once (simple protocol: no parameters, values
   * inlined as literals) and run by the server as one implicit transaction: one round trip for
   * a whole transaction. `prepare` maps statement names to `PREPARE …` texts that are run once
   * per connection before, so the script can `EXECUTE` them without planning each time.
   * Returns each statement's rows. Used by the iAPI hot path.
   */
  script<T = Record<string, unknown>>(
    text: string,
    prepare?: Readonly<Record<string, string>>,
  ): Promise<T[][]>;
  /**
   * One transaction on one connection with parameterised raw SQL: for the bulk hot paths
   * (batch ingest, screening) where Prisma's per-call work costs more than the statement.
   * Rolled back when `fn` throws.
   */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string };

/** `postgres://…` / `postgresql://…` is a server; `pglite:<dir>` or `pglite:memory` is embedded. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const u = new URL(url);
    const schema = u.searchParams.get('schema') ?? undefined;
    u.searchParams.delete('schema');
    return { kind: 'postgres', url: u.toString(), schema };
  }
  if (url.startsWith('pglite:')) {
    const rest = url.slice('pglite:'.length);
    return { kind: 'pglite', dataDir: rest === 'memory' || rest === '' ? undefined : rest };
  }
  throw new Error(
    `DATABASE_URL must start with postgres://, postgresql:// or pglite: (got "${url.split(':')[0]}:…")`,
  );
}

function quoteIdent(s: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) throw new Error(`invalid schema name: ${s}`);
  return `"${s}"`;
}

/** Statements PREPAREd so far, per connection (a pooled pg client, or the PGlite instance). */
const prepared = new WeakMap<object, Set<string>>();

async function prepareOnce(
  connection: object,
  statements: Readonly<Record<string, string>>,
  run: (text: string) => Promise<unknown>,
): Promise<void> {
  let done = prepared.get(connection);
  if (!done) prepared.set(connection, (done = new Set()));
  for (const [name, text] of Object.entries(statements)) {
    if (done.has(name)) continue;
    await run(text);
    done.add(name);
  }
}

export async function openDatabase(
  target: DatabaseTarget,
  opts: { migrate?: boolean } = {},
): Promise<Database> {
  const shouldMigrate = opts.migrate ?? true;
  if (target.kind === 'postgres') {
    const schema = target.schema;
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
    });
    // An idle client losing its server must not crash the process; queries report it instead.
    pool.on('error', () => undefined);
    const sql: SqlRunner = {
      async exec(text) {
        await pool.query(text);
      },
      async query<T>(text: string, params?: unknown[]) {
        return (await pool.query(text, params)).rows as T[];
      },
    };
    if (schema) await sql.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    if (shouldMigrate) {
      // One dedicated client so that BEGIN/COMMIT and the advisory lock stay on one session.
      const client = await pool.connect();
      try {
        await migrate(
          {
            exec: async (t) => void (await client.query(t)),
            query: async <T>(t: string, p?: unknown[]) => (await client.query(t, p)).rows as T[],
          },
          { advisoryLock: true },
        );
      } finally {
        client.release();
      }
    }
    const prisma = new PrismaClient({
      adapter: new PrismaPg(pool, schema ? { schema } : undefined),
    });
    return {
      kind: 'postgres',
      prisma,
      sql,
      async script<T>(text: string, prepare: Readonly<Record<string, string>> = {}) {
        const client = await pool.connect();
        try {
          await prepareOnce(client, prepare, (t) => client.query(t));
          const r = (await client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
          client.release();
          return (Array.isArray(r) ? r : [r]).map((x) => x.rows as T[]);
        } catch (err) {
          // A connection that failed mid-script is not reused: its session state is unknown.
          client.release(err as Error);
          throw err;
        }
      },
      async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
        const client = await pool.connect();
        const tx: SqlRunner = {
          exec: async (t) => void (await client.query(t)),
          query: async <R>(t: string, p?: unknown[]) => (await client.query(t, p)).rows as R[],
        };
        try {
          await client.query('BEGIN');
          const result = await fn(tx);
          await client.query('COMMIT');
          client.release();
          return result;
        } catch (err) {
          // A connection that cannot even roll back is not reused.
          await client.query('ROLLBACK').then(
            () => client.release(),
            (e: Error) => client.release(e),
          );
          throw err;
        }
      },
      async ping() {
        try {
          await pool.query('SELECT 1');
          return true;
        } catch {
          return false;
        }
      },
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  if (target.dataDir) mkdirSync(path.dirname(path.resolve(target.dataDir)), { recursive: true });
  const pglite = new PGlite(target.dataDir);
  await pglite.waitReady;
  const sql: SqlRunner = {
    async exec(text) {
      await pglite.exec(text);
    },
    async query<T>(text: string, params?: unknown[]) {
      return (await pglite.query<T>(text, params)).rows;
    },
  };
  if (shouldMigrate) await migrate(sql);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: 'pglite',
    prisma,
    sql,
    async script<T>(text: string, prepare: Readonly<Record<string, string>> = {}) {
      await prepareOnce(pglite, prepare, (t) => pglite.exec(t));
      return (await pglite.exec(text)).map((x) => x.rows as T[]);
    },
    transaction: <T>(fn: (tx: SqlRunner) => Promise<T>) =>
      pglite.transaction((t) =>
        fn({
          exec: async (text) => void (await t.exec(text)),
          query: async <R>(text: string, params?: unknown[]) =>
            (await t.query<R>(text, params)).rows,
        }),
      ),
    async ping() {
      return !pglite.closed;
    },
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}
