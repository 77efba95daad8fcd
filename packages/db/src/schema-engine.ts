// Prisma's schema engine as WebAssembly, on an in-memory PGlite: computes migration SQL
// and checks for drift without the native engine binary (which cannot be downloaded here).
// Development and test use only; production applies committed SQL with migrate.ts.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { MIGRATIONS_DIR, SCHEMA_DIR } from './paths.ts';

interface WasmSchemaEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }>;
}

/** Every .prisma file of the schema folder, as the engine wants them. */
function schemaFiles(): { path: string; content: string }[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.prisma'))
    .sort()
    .map((f) => ({ path: f, content: readFileSync(path.join(SCHEMA_DIR, f), 'utf8') }));
}

async function loadEngine(
  files: { path: string; content: string }[],
  pg: PGlite,
): Promise<WasmSchemaEngine> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bg = await import(path.join(dir, 'schema_engine_bg.js'));
  // Node 20 cannot import .wasm as an ES module, so instantiate it by hand.
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const { instance } = await wasm.instantiate(
    readFileSync(path.join(dir, 'schema_engine_bg.wasm')),
    {
      './schema_engine_bg.js': bg,
    },
  );
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pg));
  return bg.SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content]) },
    () => undefined,
    factory,
  );
}

function migrationsList(): unknown {
  const dirs = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok',
          value: readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8'),
        },
      },
    })),
  };
}

/** The SQL that takes a database from the committed migrations to the schema files ('' when none). */
export async function diffMigrationsToSchema(): Promise<string> {
  const files = schemaFiles();
  const pg = new PGlite();
  try {
    const engine = await loadEngine(files, pg);
    const result = await engine.diff({
      from: { tag: 'migrations', ...(migrationsList() as object) },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    engine.free();
    const sql = (result.stdout ?? '').trim();
    return sql === '-- This is an empty migration.' ? '' : sql;
  } finally {
    await pg.close();
  }
}
