// Prisma CLI configuration. `prisma generate` needs no network: the schema engine binary
// it would download is never executed by generate, so a committed stub satisfies the check.
// Migrations are applied by src/migrate.ts, not by the CLI (see README, "Database").
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

const here = path.dirname(fileURLToPath(import.meta.url));
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(here, 'prisma', 'schema-engine-stub.sh');

export default defineConfig({
  schema: path.join(here, 'prisma', 'schema'),
  migrations: { path: path.join(here, 'prisma', 'schema', 'migrations') },
});
