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
    async ping() {
      return !pglite.closed;
    },
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}
