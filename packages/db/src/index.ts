export {
  openDatabase,
  parseDatabaseUrl,
  type Database,
  type DatabaseTarget,
  type Prisma,
} from './database.ts';
export { migrate, readMigrations, MigrationError, type SqlRunner } from './migrate.ts';
export * as db from './generated/prisma/client.ts';
