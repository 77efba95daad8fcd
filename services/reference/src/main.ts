// Reference service, one per process: config → logger → database → components → HTTP.
// Changes reach screening through the outbox (`reference.changed`), relayed by the ingest side.
import { openDatabase, parseDatabaseUrl } from '@paxguard/db';
import { loadConfigOrExit, createLogger, createShutdown } from '@paxguard/platform';
import { buildApp } from './app.ts';
import { ReferenceConfig } from './config.ts';
import { createReferenceComponents } from './wiring.ts';

const config = loadConfigOrExit(ReferenceConfig, 'reference');
const logger = createLogger({ service: 'reference', level: config.LOG_LEVEL });
const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
const db = await openDatabase(parseDatabaseUrl(config.DATABASE_URL));
const components = createReferenceComponents({ db, logger });
const app = buildApp({
  logger,
  reference: components,
  checks: { database: () => db.ping() },
  shuttingDown: () => shutdown.shuttingDown,
});

shutdown.onShutdown('http', () => app.close());
shutdown.onShutdown('database', () => db.close());

await app.listen({ host: config.HOST, port: config.PORT });
logger.info({ port: config.PORT }, 'reference listening');
