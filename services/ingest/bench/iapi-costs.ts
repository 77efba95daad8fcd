// CPU per iAPI check-in without HTTP, Kafka or a load generator: the interactive service is
// called in this process (16 requests in flight, as the group commit sees them under load) on
// a PostgreSQL server, and the CPU of this process and of its own PostgreSQL backends is
// divided by the requests answered; rows written per request, by table, are counted too.
// A quick, repeatable A/B measure for changes to the hot path (run old and new code back to
// back): `npm run bench:costs -w @paxguard/ingest`. It includes the outbox relay's work.
import { readFileSync } from 'node:fs';
import {
  createAssessmentRepository,
  openDatabase,
  parseDatabaseUrl,
  type CarrierIdentity,
} from '@paxguard/db';
import { createScreeningWorker, shippedReference } from '@paxguard/pipeline';
import { createLogger, createMemoryBus } from '@paxguard/platform';
import { createIngestComponents } from '../src/wiring.ts';
import { checkInBodies } from './check-in-bodies.ts';

const REQUESTS = Number(process.env.PAXGUARD_BENCH_REQUESTS ?? 3000);
const IN_FLIGHT = Number(process.env.PAXGUARD_BENCH_IN_FLIGHT ?? 16);
const server =
  process.env.PAXGUARD_BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/test';
const schema = `bench_iapi_costs_${process.pid}`;
const APPLICATION = `paxguard-bench-costs-${process.pid}`;

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const db = await openDatabase(
  parseDatabaseUrl(
    `${server}${server.includes('?') ? '&' : '?'}schema=${schema}&application_name=${APPLICATION}`,
  ),
);
const backendsCpuMs = async () => {
  const rows = await db.sql.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
    [APPLICATION],
  );
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      out.set(pid, cpuMs(pid));
    } catch {
      // ended in between
    }
  }
  return out;
};
const logger = createLogger({ service: 'bench', level: 'silent' });
const bus = createMemoryBus({ logger });
const worker = createScreeningWorker({
  assessments: createAssessmentRepository(db),
  loadReference: async () => shippedReference(),
  clock: { now: () => new Date() },
  logger,
});
const ingest = createIngestComponents({
  db,
  bus,
  logger,
  screener: worker.current,
  options: { mode: 'lenient', partTimeoutMs: 60_000, cardSalt: 'bench-card-salt-0123456789' },
});
await ingest.carriers.ensure({ designator: 'PG', name: 'Paxguard Air', apiKey: 'pg-bench-key' });
const carrier = (await ingest.carriers.findByApiKey('pg-bench-key')) as CarrierIdentity;
await ingest.start();

// The iAPI benchmark's bodies: one traveller each, 20 flights.
const bodies = checkInBodies(REQUESTS).map((b) => Buffer.from(b));
const answer = (raw: Buffer) =>
  ingest.interactive.answer({ carrier, contentType: 'application/edifact', raw });
// Warm-up, as many in flight as measured: reference data, every pooled connection and its
// prepared statements, JIT of the hot functions.
await answer(bodies[bodies.length - 1]!);
let warm = 1;
await Promise.all(
  Array.from({ length: IN_FLIGHT }, async () => {
    while (warm < 200) await answer(bodies[bodies.length - 1 - warm++]!);
  }),
);

const TABLES = [
  'Submission',
  'Flight',
  'ManifestVersion',
  'Traveller',
  'TravellerRevision',
  'TravelDocument',
  'Assessment',
  'Finding',
  'Directive',
  'OutboxMessage',
];
const rowCounts = async () => {
  const out: Record<string, number> = {};
  for (const t of TABLES)
    out[t] = Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`))[0]!.n);
  return out;
};
const rowsBefore = await rowCounts();
const pgBefore = await backendsCpuMs();
const ownBefore = ownCpuMs();
const started = performance.now();
let next = 0;
let answered = 0;
await Promise.all(
  Array.from({ length: IN_FLIGHT }, async () => {
    while (next < bodies.length - 200) {
      const r = await answer(bodies[next++]!);
      if (r.status === 'answered') answered++;
    }
  }),
);
await new Promise((r) => setTimeout(r, 600)); // the outbox relay's last round
const wall = performance.now() - started;
const own = ownCpuMs() - ownBefore;
let pgCpu = 0;
for (const [pid, ms] of await backendsCpuMs()) pgCpu += ms - (pgBefore.get(pid) ?? 0);
const rowsAfter = await rowCounts();
await ingest.stop();
await db.sql.exec(`DROP SCHEMA "${schema}" CASCADE`);
await db.close();

console.log(
  `iAPI costs: ${answered} check-ins, ${IN_FLIGHT} in flight, in-process (no HTTP, no Kafka), PostgreSQL server`,
);
console.log(
  `  CPU per check-in: service ${(own / answered).toFixed(3)} ms + PostgreSQL ${(pgCpu / answered).toFixed(3)} ms = ${((own + pgCpu) / answered).toFixed(3)} ms   (wall ${(wall / 1000).toFixed(1)} s, ${((answered * 1000) / wall).toFixed(0)} /s)`,
);
console.log(
  `  rows per check-in: ${TABLES.map((t) => `${t} ${((rowsAfter[t]! - rowsBefore[t]!) / answered).toFixed(2)}`).join(', ')}`,
);
