// Console service, one per process: config → logger → database → components → HTTP.
import { openDatabase, parseDatabaseUrl } from '@paxguard/db';
import { loadConfigOrExit, createKafkaBus, createLogger, createShutdown } from '@paxguard/platform';
import { buildApp } from './app.ts';
import { ConsoleConfig } from './config.ts';
import { createConsoleComponents } from './wiring.ts';

const config = loadConfigOrExit(ConsoleConfig, 'console');
const logger = createLogger({ service: 'console', level: config.LOG_LEVEL });
const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
const db = await openDatabase(parseDatabaseUrl(config.DATABASE_URL));
const bus = config.KAFKA_BROKERS
  ? createKafkaBus({
      brokers: config.KAFKA_BROKERS,
      clientId: `paxguard-console-${process.pid}`,
      logger,
    })
  : undefined;
const components = createConsoleComponents({ db, bus });
const app = buildApp({
  logger,
  console: components,
  checks: { database: () => db.ping(), ...(bus ? { bus: () => bus.healthy() } : {}) },
  shuttingDown: () => shutdown.shuttingDown,
});

shutdown.onShutdown('http', () => app.close());
shutdown.onShutdown('console', () => components.stop());
shutdown.onShutdown('bus', () => bus?.close());
shutdown.onShutdown('database', () => db.close());

await components.start();
await app.listen({ host: config.HOST, port: config.PORT });
logger.info({ port: config.PORT }, 'console listening');
