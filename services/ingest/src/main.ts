// Ingest service, one per process: config → logger → database → bus → components → HTTP.
import { createAssessmentRepository, openDatabase, parseDatabaseUrl } from '@paxguard/db';
import { createScreeningWorker, loadScreeningInputs } from '@paxguard/pipeline';
import {
  createKafkaBus,
  kafkaConsumerOptions,
  createLogger,
  createShutdown,
  loadConfigOrExit,
} from '@paxguard/platform';
import { buildApp } from './app.ts';
import { IngestConfig } from './config.ts';
import { createIngestComponents } from './wiring.ts';

const config = loadConfigOrExit(IngestConfig, 'ingest');
const logger = createLogger({ service: 'ingest', level: config.LOG_LEVEL });
const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
const db = await openDatabase(parseDatabaseUrl(config.DATABASE_URL));
const bus = createKafkaBus({
  brokers: config.KAFKA_BROKERS,
  clientId: `paxguard-ingest-${process.pid}`,
  logger,
  ...kafkaConsumerOptions(config),
});
// The interactive API answers with its own screener over the same reference data.
const screening = createScreeningWorker({
  assessments: createAssessmentRepository(db),
  loadReference: () => loadScreeningInputs(db),
  clock: { now: () => new Date() },
  logger,
});
const ingest = createIngestComponents({
  screener: screening.current,
  db,
  bus,
  logger,
  options: {
    mode: config.PAXLST_MODE,
    partTimeoutMs: config.MULTIPART_TIMEOUT_MS,
    iapiTimeoutMs: config.IAPI_TIMEOUT_MS,
    iapiTimeoutAnswer: config.IAPI_TIMEOUT_ANSWER,
    cardSalt: config.PNR_CARD_SALT,
  },
});
const app = buildApp({
  logger,
  ingest,
  checks: { database: () => db.ping(), bus: () => bus.healthy() },
  shuttingDown: () => shutdown.shuttingDown,
});

shutdown.onShutdown('http', () => app.close());
shutdown.onShutdown('ingest', () => ingest.stop());
shutdown.onShutdown('bus', () => bus.close());
shutdown.onShutdown('database', () => db.close());

await screening.refresh();
await ingest.start();
await app.listen({ host: config.HOST, port: config.PORT });
logger.info({ port: config.PORT }, 'ingest listening');
