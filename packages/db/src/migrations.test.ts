import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { openDatabase, parseDatabaseUrl } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';
import { diffMigrationsToSchema } from './schema-engine.ts';

describe('migrations', () => {
  it('produce exactly what schema.prisma describes', async () => {
    // Prisma's own schema engine replays the committed migrations on a shadow database and
    // diffs the result against schema.prisma: any difference is a missing migration.
    expect(await diffMigrationsToSchema()).toBe('');
  }, 60_000);

  describe('on PostgreSQL', () => {
    let pg: TestPostgres;
    beforeAll(async () => {
      pg = await testPostgres();
    });
    afterAll(async () => pg?.drop());

    it('apply once, record Prisma-compatible history, and are idempotent', async () => {
      const db = await openDatabase(parseDatabaseUrl(pg.url));
      try {
        const rows = await db.sql.query<{ migration_name: string; checksum: string }>(
          'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
        );
        expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
        expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(await migrate(db.sql)).toEqual([]);
        const carrier = await db.prisma.carrier.create({
          data: { designator: 'ZZ', name: 'Test' },
        });
        expect(await db.prisma.carrier.findUnique({ where: { designator: 'ZZ' } })).toMatchObject({
          id: carrier.id,
        });
      } finally {
        await db.close();
      }
    });

    it('compress raw submissions and manifest versions with lz4 where the server has it', async () => {
      const db = await openDatabase(parseDatabaseUrl(pg.url));
      try {
        const rows = await db.sql.query<{ col: string; compression: string }>(
          `SELECT attrelid::regclass::text || '.' || attname AS col, attcompression::text AS compression
           FROM pg_attribute
           WHERE (attrelid, attname) IN (('"Submission"'::regclass, 'raw'), ('"ManifestVersion"'::regclass, 'manifest'))
           ORDER BY 1`,
        );
        // A server built without lz4 lists only pglz here, and the columns keep the default ('').
        const [lz4] = await db.sql.query<{ available: boolean }>(
          `SELECT 'lz4' = ANY(enumvals) AS available FROM pg_settings WHERE name = 'default_toast_compression'`,
        );
        const expected = lz4?.available ? 'l' : '';
        expect(rows).toEqual([
          { col: '"ManifestVersion".manifest', compression: expected },
          { col: '"Submission".raw', compression: expected },
        ]);
      } finally {
        await db.close();
      }
    });

    it('refuse to continue when an applied migration was edited', async () => {
      const db = await openDatabase(parseDatabaseUrl(pg.url));
      try {
        const edited = readMigrations().map((m, i) =>
          i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m,
        );
        await expect(migrate(db.sql, { migrations: edited })).rejects.toThrow(
          /modified after it was applied/,
        );
      } finally {
        await db.close();
      }
    });
  });

  it('apply the same way on embedded PGlite', async () => {
    const db = await openDatabase({ kind: 'pglite' });
    try {
      const flight = await db.prisma.carrier.create({
        data: { designator: 'YY', name: 'Embedded' },
      });
      expect(flight.designator).toBe('YY');
      const rows = await db.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM "_prisma_migrations"',
      );
      expect(rows[0]!.n).toBe(readMigrations().length);
    } finally {
      await db.close();
    }
  }, 30_000);

  it('reject a DATABASE_URL of the wrong kind with a clear message', () => {
    expect(() => parseDatabaseUrl('mysql://x')).toThrow(/must start with postgres/);
    expect(parseDatabaseUrl('pglite:memory')).toEqual({ kind: 'pglite', dataDir: undefined });
    expect(parseDatabaseUrl('postgres://u@h:5432/d?schema=s1')).toMatchObject({
      kind: 'postgres',
      schema: 's1',
    });
  });
});
