// Where the schema and the committed migrations live, wherever the package is run from.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_DIR = path.join(packageRoot, 'prisma', 'schema');
export const MIGRATIONS_DIR = path.join(SCHEMA_DIR, 'migrations');
