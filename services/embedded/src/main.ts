// The embedded default: every service in one process, on PGlite (data kept under
// PAXGUARD_HOME) and the in-process bus, with demo data. `npm start` runs this.
import path from 'node:path';
import { createConsoleComponents } from '@paxguard/console';
import { openDatabase, parseDatabaseUrl } from '@paxguard/db';
import { createIngestComponents } from '@paxguard/ingest';
import { createSanctionsComponents } from '@paxguard/sanctions-service';
import { createReferenceComponents, seedReferenceDemo } from '@paxguard/reference-service';
import { createScreeningComponents } from '@paxguard/screening-service';
import {
  loadConfigOrExit,
  createHttpServer,
  createLogger,
  createMemoryBus,
  createShutdown,
  registerHealth,
} from '@paxguard/platform';
import { EmbeddedConfig } from './config.ts';
import { loadOrCreateCredentials } from './credentials.ts';
import { seedDemo } from './demo-seed.ts';

const config = loadConfigOrExit(EmbeddedConfig, 'embedded');

const logger = createLogger({ service: 'paxguard', level: config.LOG_LEVEL });
const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
const home = path.resolve(config.PAXGUARD_HOME);
const databaseUrl = config.DATABASE_URL ?? `pglite:${path.join(home, 'data')}`;
const say = (line = '') => process.stdout.write(`${line}\n`);

say(
  `paxguard: opening ${databaseUrl.startsWith('pglite:') ? `embedded PostgreSQL (PGlite) in ${databaseUrl.slice(7)}` : 'PostgreSQL'} …`,
);
const { creds, file } = loadOrCreateCredentials(home);
const db = await openDatabase(parseDatabaseUrl(databaseUrl));
const bus = createMemoryBus({ logger });
const reference = createReferenceComponents({ db, logger });
const screening = createScreeningComponents({
  db,
  bus,
  logger,
  loadReference: () => reference.screeningInputs(),
});
const ingest = createIngestComponents({
  screener: screening.worker.current,
  db,
  bus,
  logger,
  options: {
    mode: config.PAXLST_MODE,
    partTimeoutMs: config.MULTIPART_TIMEOUT_MS,
    iapiTimeoutMs: config.IAPI_TIMEOUT_MS,
    iapiTimeoutAnswer: config.IAPI_TIMEOUT_ANSWER,
    cardSalt: creds.pnrCardSalt,
  },
});
const consoleApi = createConsoleComponents({ db, bus });
const sanctions = createSanctionsComponents({
  db,
  bus,
  logger,
  options: { jurisdiction: config.SANCTIONS_JURISDICTION },
});

for (const c of creds.carriers)
  await ingest.carriers.ensure({ designator: c.designator, name: c.name, apiKey: c.apiKey });
for (const u of creds.users)
  await consoleApi.users.ensure({ name: u.name, role: u.role as never, token: u.token });

const app = createHttpServer({ logger });
registerHealth(app, {
  checks: { database: () => db.ping(), bus: () => bus.healthy() },
  shuttingDown: () => shutdown.shuttingDown,
});
ingest.registerRoutes(app);
consoleApi.registerRoutes(app);
sanctions.registerRoutes(app);
reference.registerRoutes(app);

shutdown.onShutdown('http', () => app.close());
shutdown.onShutdown('ingest', () => ingest.stop());
shutdown.onShutdown('screening', () => screening.stop());
shutdown.onShutdown('sanctions', () => sanctions.stop());
shutdown.onShutdown('console', () => consoleApi.stop());
shutdown.onShutdown('bus', () => bus.close());
shutdown.onShutdown('database', () => db.close());

if (config.DEMO_DATA) await seedReferenceDemo({ db, now: new Date(), logger });
await screening.start();
await ingest.start();
await sanctions.start();
await consoleApi.start();
if (config.DEMO_DATA) {
  const { submitted } = await seedDemo({ ingest, now: new Date(), logger });
  // Demo data is seeded once, on the first start of a data directory; later starts keep it.
  if (submitted > 0) {
    say(`paxguard: submitted ${submitted} demo messages through the carrier path`);
    const cases = await sanctions.seedDemo({ now: new Date() });
    say(
      `paxguard: demo sanction cases in ${Object.keys(cases).length} states (GET /v1/sanctions/cases as the regulator)`,
    );
  }
}
await app.listen({ host: config.HOST, port: config.PORT });

const base = `http://${config.HOST}:${config.PORT}`;
const officer = creds.users.find((u) => u.role === 'officer')!;
const carrier = creds.carriers.find((c) => c.designator === 'PG')!;
say();
say(`Paxguard is running — embedded mode (PGlite + in-process bus), everything in this process.`);
say(`  Health        ${base}/health/ready`);
say(`  Carrier API   POST ${base}/v1/carrier/submissions   (carrier PG key: ${carrier.apiKey})`);
say(`  Console API   GET  ${base}/v1/flights               (officer token: ${officer.token})`);
say(`  Review queue  GET  ${base}/v1/review/queue`);
say(
  `  Sanctions     GET  ${base}/v1/sanctions/cases       (regulator token: ${creds.users.find((u) => u.role === 'regulator')!.token})`,
);
say(`  All demo credentials: ${file}`);
say();
say(`  Try:  curl -s -H 'Authorization: Bearer ${officer.token}' ${base}/v1/flights`);
say(`Stop with Ctrl-C.`);
