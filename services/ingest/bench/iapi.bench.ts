// iAPI latency under load, from a separate process: the ingest service answers check-in
// requests (one traveller each, all different) while autocannon drives a fixed request rate;
// the same rate against an empty fastify route on this machine is the baseline.
// Targets (issue #6): ≥ 500 requests/s, p99 ≤ 50 ms.
//
// Default setup, as deployed: the ingest service alone (services/ingest/src/main.ts) on a
// PostgreSQL server and Kafka (the kcat mock cluster when no broker is given). With
// PAXGUARD_BENCH_IAPI_TARGET=embedded it runs the whole embedded process instead, which also
// runs the screening workers, console, sanctions and relay loops in the same event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createCarrierRepository, newSecret, openDatabase, parseDatabaseUrl } from '@paxguard/db';
import { testKafka, type TestKafka } from '@paxguard/test-support';
import { checkInBodies } from './check-in-bodies.ts';
import { measureSteps } from './iapi-steps.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const RATE = Number(process.env.PAXGUARD_BENCH_IAPI_RATE ?? 500);
const SECONDS = Number(process.env.PAXGUARD_BENCH_SECONDS ?? 20);
const TARGET = process.env.PAXGUARD_BENCH_IAPI_TARGET === 'embedded' ? 'embedded' : 'service';
// The production default; request logging is part of the cost (output goes to /dev/null).
const LOG_LEVEL = process.env.PAXGUARD_BENCH_LOG_LEVEL ?? 'info';
// Extra node flags for the server under test, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
const NODE_FLAGS = (process.env.PAXGUARD_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

const port = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

async function start(
  entry: string,
  env: Record<string, string>,
  ready: (url: string) => Promise<boolean>,
  flags: string[] = [],
): Promise<{ proc: ChildProcess; url: string }> {
  const p = await port();
  // node with the tsx loader (not the tsx CLI), so the pid is the server itself.
  const proc = spawn(process.execPath, [...flags, '--import', 'tsx', path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(p), HOST: '127.0.0.1', LOG_LEVEL },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${p}`;
  for (let i = 0; i < 600; i++) {
    if (await ready(url).catch(() => false)) return { proc, url };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${entry} did not start`);
}

function stop(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after "pid (comm) ".
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** CPU time of the database server processes serving the service's connections, in ms. */
async function databaseCpuMs(): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (databaseUrl.startsWith('pglite:')) return out;
  const pg = await import('pg');
  const c = new pg.default.Client({ connectionString: server });
  await c.connect();
  const rows = await c.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
    [APPLICATION],
  );
  await c.end();
  for (const { pid } of rows.rows) {
    try {
      out.set(pid, cpuMs(pid));
    } catch {
      // the backend ended in between
    }
  }
  return out;
}

/** The whole machine's busy CPU time and its total, in clock ticks (/proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const t = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const total = t.reduce((a, b) => a + b, 0);
  return { busy: total - t[3]! - t[4]!, total };
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) =>
    autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

// The target is for the production setup, a PostgreSQL server (embedded PGlite is single-threaded
// WebAssembly and far slower): PAXGUARD_BENCH_DATABASE_URL, else the local server, in a fresh schema.
const home = mkdtempSync(path.join(tmpdir(), 'paxguard-bench-'));
const schema = `bench_iapi_${process.pid}`;
const server =
  process.env.PAXGUARD_BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/test';
// The service's database sessions carry this name, so their server-side CPU can be measured.
const APPLICATION = `paxguard-bench-${process.pid}`;
const databaseUrl =
  process.env.PAXGUARD_BENCH_PGLITE === '1'
    ? `pglite:${path.join(home, 'data')}`
    : `${server}${server.includes('?') ? '&' : '?'}schema=${schema}&application_name=${APPLICATION}`;

let target: { proc: ChildProcess; url: string };
let key: string;
let kafka: TestKafka | undefined;
if (TARGET === 'embedded') {
  target = await start(
    'services/embedded/src/main.ts',
    { PAXGUARD_HOME: home, DEMO_DATA: 'false', DATABASE_URL: databaseUrl },
    async (u) => (await fetch(`${u}/health/ready`)).ok,
    NODE_FLAGS,
  );
  const creds = JSON.parse(readFileSync(path.join(home, 'demo-credentials.json'), 'utf8')) as {
    carriers: { designator: string; apiKey: string }[];
  };
  key = creds.carriers.find((c) => c.designator === 'PG')!.apiKey;
} else {
  // The carrier and its key are registered the way an operator would, before the service starts.
  const db = await openDatabase(parseDatabaseUrl(databaseUrl));
  key = newSecret('pgk');
  await createCarrierRepository(db.prisma).ensure({
    designator: 'PG',
    name: 'Paxguard Air',
    apiKey: key,
  });
  await db.close();
  kafka = await testKafka();
  target = await start(
    'services/ingest/src/main.ts',
    {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      PNR_CARD_SALT: randomBytes(16).toString('hex'),
    },
    async (u) => (await fetch(`${u}/health/ready`)).ok,
    NODE_FLAGS,
  );
}
const empty = await start(
  'services/ingest/bench/empty-server.ts',
  {},
  async (u) => (await fetch(`${u}/empty`, { method: 'POST' })).ok,
);

const bodies = checkInBodies(2000);
let n = 0;
// Warm-up: reference data is loaded on the first request.
await fetch(`${target.url}/v1/carrier/iapi`, {
  method: 'POST',
  headers: { authorization: `Bearer ${key}`, 'content-type': 'application/edifact' },
  body: bodies[0],
});

const common = { connections: 20, duration: SECONDS, overallRate: RATE };
const loadBefore = loadavg();
const cpuBefore = cpuMs(target.proc.pid!);
const dbBefore = await databaseCpuMs();
const machineBefore = machineTicks();
const iapi = await run({
  ...common,
  url: `${target.url}/v1/carrier/iapi`,
  method: 'POST',
  headers: { authorization: `Bearer ${key}`, 'content-type': 'application/edifact' },
  setupClient: (client) => client.setBody(bodies[n++ % bodies.length]!),
  requests: [{ setupRequest: (req) => ({ ...req, body: bodies[n++ % bodies.length] }) }],
});
const iapiCpu = cpuMs(target.proc.pid!) - cpuBefore;
const machineAfter = machineTicks();
let dbCpu = 0;
for (const [pid, ms] of await databaseCpuMs()) dbCpu += ms - (dbBefore.get(pid) ?? 0);
const machineBusy =
  (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total);
const emptyBefore = cpuMs(empty.proc.pid!);
const base = await run({ ...common, url: `${empty.url}/empty`, method: 'POST' });
const emptyCpu = cpuMs(empty.proc.pid!) - emptyBefore;
await stop(target.proc);
await kafka?.stop();
if (!databaseUrl.startsWith('pglite:')) {
  const pg = await import('pg');
  const c = new pg.default.Client({ connectionString: server });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
}
await stop(empty.proc);
rmSync(home, { recursive: true, force: true });

const line = (name: string, r: autocannon.Result, cpu: number) =>
  `${name.padEnd(44)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}   server CPU ${(cpu / Math.max(1, r.requests.total)).toFixed(2)} ms/req`;
console.log(
  `setup: ${TARGET === 'embedded' ? 'whole embedded process (all services in one event loop)' : `ingest service alone (services/ingest/src/main.ts), Kafka: ${kafka?.kind}`}; database: ${databaseUrl.startsWith('pglite:') ? 'embedded PGlite' : 'PostgreSQL server'}`,
);
console.log(
  `server log level ${LOG_LEVEL}; server CPU = user + system time of the server process during the run / requests answered`,
);
console.log(
  `iAPI benchmark: ${RATE} requests/s offered for ${SECONDS} s, 20 connections, autocannon in a separate process`,
);
console.log(line('paxguard iAPI (archive+store+screen+answer)', iapi, iapiCpu));
if (!databaseUrl.startsWith('pglite:'))
  console.log(
    `  PostgreSQL CPU for the service's sessions: ${(dbCpu / Math.max(1, iapi.requests.total)).toFixed(2)} ms/req`,
  );
console.log(
  `  machine CPU busy during the iAPI run: ${(machineBusy * 100).toFixed(0)} % of ${cpus().length} cores; load average before ${loadBefore.map((l) => l.toFixed(1)).join(' ')} (other work on the machine counts here too)`,
);
console.log(line('baseline: empty fastify route', base, emptyCpu));
console.log('iAPI CPU per request by step, in this process (µs):');
for (const s of measureSteps(bodies))
  console.log(`  ${s.step.padEnd(40)} ${s.us.toFixed(0).padStart(6)}`);
console.log(
  `targets: ≥ 500 req/s sustained → ${iapi.requests.average >= 500 ? 'met' : 'NOT met'}; p99 ≤ 50 ms → ${iapi.latency.p99 <= 50 ? 'met' : 'NOT met'}`,
);
