// Sanctions service, one per process: config → logger → database → bus → components → HTTP.
import { openDatabase, parseDatabaseUrl } from '@paxguard/db';
import {
  loadConfigOrExit,
  createKafkaBus,
  kafkaConsumerOptions,
  createLogger,
  createShutdown,
} from '@paxguard/platform';
import { buildApp } from './app.ts';
import { SanctionsConfig } from './config.ts';
import { createSanctionsComponents } from './wiring.ts';

const config = loadConfigOrExit(SanctionsConfig, 'sanctions');
const logger = createLogger({ service: 'sanctions', level: config.LOG_LEVEL });
const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
const db = await openDatabase(parseDatabaseUrl(config.DATABASE_URL));
const bus = createKafkaBus({
  brokers: config.KAFKA_BROKERS,
  clientId: `paxguard-sanctions-${process.pid}`,
  logger,
  ...kafkaConsumerOptions(config),
});
const sanctions = createSanctionsComponents({
  db,
  bus,
  logger,
  options: {
    jurisdiction: config.SANCTIONS_JURISDICTION,
    grouping: config.SANCTIONS_GROUPING,
    sweepIntervalMs: config.SANCTIONS_SWEEP_INTERVAL_MS,
    authority: config.SANCTIONS_AUTHORITY,
  },
});
const app = buildApp({
  logger,
  sanctions,
  checks: { database: () => db.ping(), bus: () => bus.healthy() },
  shuttingDown: () => shutdown.shuttingDown,
});

shutdown.onShutdown('http', () => app.close());
shutdown.onShutdown('sanctions', () => sanctions.stop());
shutdown.onShutdown('bus', () => bus.close());
shutdown.onShutdown('database', () => db.close());

await sanctions.start();
await app.listen({ host: config.HOST, port: config.PORT });
logger.info({ port: config.PORT }, 'sanctions listening');
