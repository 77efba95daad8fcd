// Screening worker, one per process (run many: they share the partitions of the
// submissions topic by flight). Serves only health endpoints.
import { openDatabase, parseDatabaseUrl } from '@paxguard/db';
import {
  loadConfigOrExit,
  createHttpServer,
  createKafkaBus,
  kafkaConsumerOptions,
  createLogger,
  createShutdown,
  registerHealth,
} from '@paxguard/platform';
import { ScreeningConfig } from './config.ts';
import { createScreeningComponents } from './wiring.ts';

const config = loadConfigOrExit(ScreeningConfig, 'screening');
const logger = createLogger({ service: 'screening', level: config.LOG_LEVEL });
const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
const db = await openDatabase(parseDatabaseUrl(config.DATABASE_URL));
const bus = createKafkaBus({
  brokers: config.KAFKA_BROKERS,
  clientId: `paxguard-screening-${process.pid}`,
  logger,
  ...kafkaConsumerOptions(config),
});
const screening = createScreeningComponents({
  db,
  bus,
  logger,
  reconcileIntervalMs: config.RECONCILE_INTERVAL_MS,
});
const app = createHttpServer({ logger });
registerHealth(app, {
  checks: { database: () => db.ping(), bus: () => bus.healthy() },
  shuttingDown: () => shutdown.shuttingDown,
});

shutdown.onShutdown('http', () => app.close());
shutdown.onShutdown('screening', () => screening.stop());
shutdown.onShutdown('bus', () => bus.close());
shutdown.onShutdown('database', () => db.close());

await screening.start();
await app.listen({ host: config.HOST, port: config.PORT });
logger.info({ port: config.PORT }, 'screening worker ready');
