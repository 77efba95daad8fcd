// Where the pipeline's CPU goes, stage by stage (a profiling aid, not the benchmark): the bench's
// 80 flights through ingest and then through the screening worker, in this process, without Kafka.
// Prints CPU per traveller of this process and of its own PostgreSQL backends, and rows written
// per table; STATEMENTS=1 adds client-side time per statement shape, CONC=n sets concurrency (4),
// PREP_SQL='stmt; stmt' runs SQL after the migrations (try a schema change before writing it).
// node --import tsx bench/stage-costs.ts   (in test/; FLIGHTS=n for fewer flights)
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  createAssessmentRepository,
  createCarrierRepository,
  createSubmissionRepository,
  openDatabase,
  parseDatabaseUrl,
  sqlSource,
} from '@paxguard/db';
import { generateManifest } from '@paxguard/demo-data';
import { encodePaxlst } from '@paxguard/edifact';
import { createLogger } from '@paxguard/platform';
import { createIngestService } from '@paxguard/ingest';
import { createScreeningWorker, loadScreeningInputs } from '@paxguard/pipeline';
import { seedReferenceDemo } from '@paxguard/reference-service';
import { testPostgres } from '@paxguard/test-support';

const FLIGHTS = Number(process.env.FLIGHTS ?? 80);
const APP = `paxguard-stages-${process.pid}`;
const pg = await testPostgres();
const url = new URL(pg.url);
url.searchParams.set('application_name', APP);
const db = await openDatabase(parseDatabaseUrl(url.toString()));
const logger = createLogger({ service: 'stage', level: 'error' });
// STATEMENTS=1: wall time per statement shape (client side: server time + round trip).
const timings = new Map<string, { n: number; ms: number }>();
if (process.env.STATEMENTS) {
  const timed =
    <A extends unknown[], R>(f: (text: string, ...a: A) => Promise<R>) =>
    async (text: string, ...a: A): Promise<R> => {
      const t0 = performance.now();
      try {
        return await f(text, ...a);
      } finally {
        const k = text.replace(/\s+/g, ' ').trim().slice(0, 90);
        const e = timings.get(k) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t0;
        timings.set(k, e);
      }
    };
  const sql = db.sql as { query: (t: string, p?: unknown[]) => Promise<unknown[]> };
  sql.query = timed(sql.query.bind(sql));
  const tx0 = db.transaction.bind(db);
  (db as { transaction: unknown }).transaction = (fn: (tx: unknown) => Promise<unknown>) =>
    tx0((tx) => fn({ ...tx, query: timed(tx.query.bind(tx)) }));
}
function printTimings(): void {
  for (const [k, v] of [...timings].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14))
    console.log(`${v.ms.toFixed(0).padStart(7)} ms ${String(v.n).padStart(5)}x  ${k}`);
  timings.clear();
}
const carrier = await createCarrierRepository(db.prisma).ensure({
  designator: 'PG',
  name: 'Bench',
  apiKey: 'k',
});
await seedReferenceDemo({ db, now: new Date('2026-12-01T00:00:00Z') });
for (const statement of (process.env.PREP_SQL ?? '').split(';').filter((x) => x.trim()))
  await db.sql.query(statement);

async function backendCpu(): Promise<Map<number, number>> {
  const rows = await db.sql.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
    [APP],
  );
  const m = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      m.set(pid, (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      /* gone */
    }
  }
  return m;
}
async function stats(): Promise<Record<string, string>> {
  const rows = await db.sql.query<{ t: string; i: number; u: number; d: number }>(
    `SELECT relname AS t, n_tup_ins::int AS i, n_tup_upd::int AS u, n_tup_del::int AS d FROM pg_stat_user_tables WHERE schemaname = current_schema() AND (n_tup_ins + n_tup_upd + n_tup_del) > 0`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, `${r.i}/${r.u}/${r.d}`]));
}

async function measure<T>(name: string, n: () => number, fn: () => Promise<T>): Promise<T> {
  // warm the pool so every backend exists before and after
  await Promise.all(Array.from({ length: 10 }, () => db.sql.query('SELECT pg_sleep(0.01)')));
  const b0 = await backendCpu();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await fn();
  const t1 = performance.now();
  const c1 = process.cpuUsage(c0);
  const b1 = await backendCpu();
  let pgCpu = 0;
  for (const [pid, v] of b1) pgCpu += v - (b0.get(pid) ?? 0);
  const count = n();
  const own = (c1.user + c1.system) / 1000;
  console.log(
    `${name}: ${count} travellers, ${(t1 - t0).toFixed(0)} ms wall; CPU/traveller: node ${(own / count).toFixed(3)} ms + postgres ${((pgCpu * 1000) / count).toFixed(3)} ms`,
  );
  return r;
}

const messages = Array.from({ length: FLIGHTS }, (_, i) => {
  const m = generateManifest({
    seed: 1000 + i,
    carrier: 'PG',
    number: String(1000 + i),
    date: '2026-12-24',
    origin: 'LHR',
    destination: 'JFK',
    passengers: 96 + ((i * 37) % 200),
    crew: 4,
    expiredShare: 0.02,
    destinationState: 'USA',
  });
  const r = encodePaxlst(m, {
    sender: 'PG',
    recipient: 'PAXGUARD',
    interchangeRef: `B${i}`,
    messageRef: `B${i}`,
    preparedAt: '2026-12-20T08:00',
  });
  if (!r.ok) throw new Error('encode');
  return Buffer.from(r.value);
});

const ingest = createIngestService({
  prisma: db.prisma,
  sql: sqlSource(db),
  submissions: createSubmissionRepository(db),
  clock: { now: () => new Date() },
  ids: () => randomUUID(),
  logger,
  mode: 'lenient',
  cardSalt: 'bench-card-salt-0123456789',
});
let ingested = 0;
await measure(
  'ingest',
  () => ingested,
  async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: Number(process.env.CONC ?? 4) }, async () => {
        while (next < messages.length) {
          const raw = messages[next++]!;
          const r = await ingest.submit({ carrier, channel: 'kafka', raw });
          ingested += r.flights.reduce((a, f) => a + f.added, 0);
        }
      }),
    );
  },
);
console.log('rows ins/upd/del after ingest', await stats());
printTimings();
const events = await db.sql.query<{ ids: string[] }>(
  `SELECT envelope->'payload'->'travellerIds' AS ids FROM "OutboxMessage" WHERE envelope->'payload' ? 'travellerIds'`,
);
const worker = createScreeningWorker({
  assessments: createAssessmentRepository(db),
  loadReference: () => loadScreeningInputs(db),
  clock: { now: () => new Date() },
  logger,
});
await worker.refresh();
let screened = 0;
await measure(
  'screening',
  () => screened,
  async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: Number(process.env.CONC ?? 4) }, async () => {
        while (next < events.length) {
          const e = events[next++]!;
          const r = await worker.assessTravellers(e.ids);
          screened += r.assessed;
        }
      }),
    );
  },
);
console.log('rows ins/upd/del after screening', await stats());
printTimings();
await db.close();
await pg.drop();
process.exit(0);
