// Applies the committed migrations (prisma/migrations/<stamp>_<name>/migration.sql) in order,
// recording each in `_prisma_migrations` exactly as `prisma migrate deploy` would (checksum =
// sha256 hex of the file), so a connected machine's Prisma CLI sees the same history.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from './paths.ts';

/** The two things the runner needs from a connection; pg and PGlite both provide them. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any fixed number: replicas starting together serialise on it (PostgreSQL only).
const LOCK_ID = 72_707_369;

export class MigrationError extends Error {}

/** Apply every migration not yet applied; refuse when an applied one was edited afterwards. */
export async function migrate(
  db: SqlRunner,
  opts: { migrations?: Migration[]; advisoryLock?: boolean } = {},
): Promise<string[]> {
  const migrations = opts.migrations ?? readMigrations();
  if (opts.advisoryLock) await db.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
  try {
    await db.exec(HISTORY_TABLE);
    const rows = await db.query<{ migration_name: string; checksum: string; finished_at: unknown }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    const done: string[] = [];
    for (const m of migrations) {
      const row = applied.get(m.name);
      if (row) {
        if (!row.finished_at)
          throw new MigrationError(
            `migration ${m.name} started earlier but never finished: fix the database by hand`,
          );
        if (row.checksum !== m.checksum)
          throw new MigrationError(
            `migration ${m.name} was modified after it was applied (checksum differs)`,
          );
        continue;
      }
      await db.exec('BEGIN');
      try {
        await db.exec(m.sql);
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await db.exec('COMMIT');
      } catch (err) {
        await db.exec('ROLLBACK');
        throw new MigrationError(`migration ${m.name} failed: ${(err as Error).message}`);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    if (opts.advisoryLock) await db.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]);
  }
}
