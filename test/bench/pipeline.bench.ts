// End-to-end pipeline benchmark (issue #6), every part in its own process on this machine:
// a load generator publishes seeded PAXLST manifests on the carrier Kafka topic; ingest archives,
// decodes and stores them (versions, outbox); the relay publishes submission.accepted; the
// screening worker(s) screen and store assessments in PostgreSQL. Measured from the first
// submission to the moment every traveller has its current assessment stored.
// Baseline, same run, same payloads, same topic: a consumer that only decodes and bulk-inserts
// one traveller row and one assessment row per traveller. Printed beside it for information
// only (it sets no target): the same consumer inserting the rows the pipeline stores before
// screening (archive, manifest version, traveller, revision, documents, assessment).
// Then latency: single 300-traveller manifests, one at a time on an otherwise idle pipeline.
// Targets: ≥ 5 000 travellers/s and ≥ 50 % of the baseline; p95 ≤ 1 s for 300 travellers.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  createCarrierRepository,
  openDatabase,
  parseDatabaseUrl,
  type Database,
} from '@paxguard/db';
import { seedReferenceDemo } from '@paxguard/reference-service';
import { testKafka, testPostgres, type TestKafka, type TestPostgres } from '@paxguard/test-support';
import { ROOT, startService, type Service } from '../src/processes.ts';
import type { Command, FlightSpec, Reply } from './load-generator.ts';

const FLIGHTS = Number(process.env.PAXGUARD_BENCH_FLIGHTS ?? 80);
const WORKERS = Number(process.env.PAXGUARD_BENCH_WORKERS ?? 1);
const SAMPLES = Number(process.env.PAXGUARD_BENCH_LATENCY_SAMPLES ?? 40);
const API_KEY = 'bench-key';
const CONCURRENCY = Number(process.env.PAXGUARD_BENCH_PARTITIONS_CONCURRENTLY ?? 4);
const FETCH_WAIT_MS = Number(process.env.PAXGUARD_BENCH_FETCH_WAIT_MS ?? 20);
// PAXGUARD_BENCH_PROFILE=<dir>: CPU profiles of the services (written when they stop).
const PROFILE = process.env.PAXGUARD_BENCH_PROFILE;
const nodeArgs = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : [];
const HERE = path.dirname(new URL(import.meta.url).pathname);

// ---- CPU accounting from /proc: the machine is shared, so CPU time says more than wall time.
const TICK = 100; // USER_HZ
function procCpu(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return 0;
  }
}
function machineCpu(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const idle = f[3]! + f[4]!;
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / TICK, total: total / TICK };
}
/**
 * The PostgreSQL server's CPU (every client's, other work on the machine included): the
 * postmaster's own and its reaped children's time, plus the live backends'.
 */
function postgresCpu(): number {
  const pids = spawnSyncLines('pgrep', ['-x', 'postgres']).map(Number);
  let sum = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // f[1] is the parent pid; the postmaster's parent is not a postgres process.
      const postmaster = !pids.includes(Number(f[1]));
      sum += (Number(f[11]) + Number(f[12])) / TICK;
      if (postmaster) sum += (Number(f[13]) + Number(f[14])) / TICK;
    } catch {
      // exited meanwhile: counted in the postmaster's children time from now on
    }
  }
  return sum;
}
/**
 * CPU of the benchmark's own PostgreSQL backends (its processes connect with one
 * application_name): the server is shared with other work, which `postgresCpu` also counts.
 * Sampled while the load runs, so a backend that exits keeps what it had used by its last sample.
 */
const APP = `paxguard-bench-${process.pid}`;
const withApp = (url: string) => {
  const u = new URL(url);
  u.searchParams.set('application_name', APP);
  return u.toString();
};
function ownBackends(db: Database) {
  const start = new Map<number, number>();
  const last = new Map<number, number>();
  let timer: NodeJS.Timeout | undefined;
  let first = true;
  async function sample(): Promise<void> {
    const rows = await db.sql.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
      [APP],
    );
    for (const { pid } of rows) {
      const v = procCpu(pid);
      if (!v) continue;
      if (!start.has(pid)) start.set(pid, first ? v : 0);
      last.set(pid, v);
    }
    first = false;
  }
  return {
    async begin() {
      await sample();
      const tick = () =>
        void sample()
          .catch(() => undefined)
          .finally(() => (timer = setTimeout(tick, 200)));
      timer = setTimeout(tick, 200);
    },
    async end(): Promise<number> {
      clearTimeout(timer);
      await sample();
      let sum = 0;
      for (const [pid, v] of last) sum += v - (start.get(pid) ?? 0);
      return sum;
    },
  };
}
function spawnSyncLines(cmd: string, args: string[]): string[] {
  try {
    const out = execFileSync(cmd, args, { encoding: 'utf8' });
    return out.split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

// ---- child processes
interface Generator {
  proc: ChildProcess;
  ask(c: Command): Promise<Reply>;
  stop(): Promise<void>;
}
function startGenerator(brokers: string[]): Generator {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'load-generator.ts')], {
    cwd: ROOT,
    env: { ...process.env, KAFKA_BROKERS: brokers.join(','), PAXGUARD_BENCH_API_KEY: API_KEY },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting: ((r: Reply) => void)[] = [];
  createInterface({ input: proc.stdout! }).on('line', (l) => waiting.shift()?.(JSON.parse(l)));
  return {
    proc,
    ask: (c) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        proc.stdin!.write(`${JSON.stringify(c)}\n`);
      }),
    stop: () =>
      new Promise((resolve) => {
        proc.on('exit', () => resolve());
        proc.stdin!.end();
      }),
  };
}
function startBaseline(
  databaseUrl: string,
  brokers: string[],
  rows: 'minimal' | 'stored' = 'minimal',
): Promise<ChildProcess> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(HERE, 'baseline-consumer.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: brokers.join(','),
        PAXGUARD_BENCH_API_KEY: API_KEY,
        KAFKA_FETCH_MAX_WAIT_MS: String(FETCH_WAIT_MS),
        PAXGUARD_BENCH_BASELINE_ROWS: rows,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    proc.on('exit', (code) => reject(new Error(`baseline consumer exited with ${code}`)));
    createInterface({ input: proc.stdout! }).on('line', (l) => l === 'ready' && resolve(proc));
  });
}

// ---- the workload: seeded flights of 100–300 travellers
function loadFlights(n: number, seedBase: number, numberBase: number): FlightSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const passengers = 96 + ((i * 37) % 200);
    return { seed: seedBase + i, number: String(numberBase + i), passengers, crew: 4 };
  });
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();

async function waitForCount(
  count: () => Promise<number>,
  target: number,
  opts: { pollMs: number; timeoutMs: number; resend?: () => Promise<unknown> },
): Promise<number> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastResend = Date.now();
  for (;;) {
    const n = await count();
    if (n >= target) return now();
    if (Date.now() > deadline) throw new Error(`timed out at ${n}/${target}`);
    if (opts.resend && Date.now() - lastResend > 3000) {
      lastResend = Date.now();
      await opts.resend();
    }
    await sleep(opts.pollMs);
  }
}

interface Run {
  travellers: number;
  seconds: number;
  cpu: Record<string, number>;
  machineBusy: number;
}

/** Warm up with one small flight (resent until it arrives: consumers may join late), then the load. */
async function measure(
  gen: Generator,
  count: () => Promise<number>,
  procs: Record<string, number | undefined>,
  db: Database,
): Promise<Run> {
  const warm = await gen.ask({
    cmd: 'prepare',
    set: 'warm',
    flights: [{ seed: 1, number: '1', passengers: 20, crew: 2 }],
  });
  if (!('travellers' in warm)) throw new Error('prepare failed');
  await gen.ask({ cmd: 'send', set: 'warm' });
  const warmCount = sum(warm.travellers);
  await waitForCount(count, warmCount, {
    pollMs: 100,
    timeoutMs: 120_000,
    resend: () => gen.ask({ cmd: 'send', set: 'warm' }),
  });
  const load = await gen.ask({
    cmd: 'prepare',
    set: 'load',
    flights: loadFlights(FLIGHTS, 1000, 1000),
  });
  if (!('travellers' in load)) throw new Error('prepare failed');
  const travellers = sum(load.travellers);
  const cpu0 = Object.fromEntries(Object.entries(procs).map(([k, pid]) => [k, procCpu(pid)]));
  const own = ownBackends(db);
  await own.begin();
  const pg0 = postgresCpu();
  const m0 = machineCpu();
  const sent = await gen.ask({ cmd: 'send', set: 'load' });
  if (!('firstSentAt' in sent)) throw new Error('send failed');
  const doneAt = await waitForCount(count, warmCount + travellers, {
    pollMs: 50,
    timeoutMs: 600_000,
  });
  const m1 = machineCpu();
  const cpu: Record<string, number> = {};
  for (const [k, pid] of Object.entries(procs)) cpu[k] = procCpu(pid) - cpu0[k]!;
  cpu['postgres (own backends)'] = await own.end();
  cpu['postgres, all clients'] = postgresCpu() - pg0;
  return {
    travellers,
    seconds: (doneAt - sent.firstSentAt) / 1000,
    cpu,
    machineBusy: (m1.busy - m0.busy) / (m1.total - m0.total),
  };
}

async function countOf(db: Database, sql: string, params: unknown[] = []): Promise<number> {
  const [r] = await db.sql.query<{ n: number }>(sql, params);
  return r?.n ?? 0;
}

// ---------------------------------------------------------------- baseline
const cleanup: (() => Promise<unknown>)[] = [];
let baseline: Run;
let baselineStored: Run | undefined;
let pipeline: Run;
const latencies: number[] = [];
let checks: string[] = [];
try {
  {
    const [kafka, pg]: [TestKafka, TestPostgres] = await Promise.all([testKafka(), testPostgres()]);
    cleanup.push(
      () => pg.drop(),
      () => kafka.stop(),
    );
    const db = await openDatabase(parseDatabaseUrl(pg.url));
    cleanup.push(() => db.close());
    const consumer = await startBaseline(withApp(pg.url), kafka.brokers);
    const gen = startGenerator(kafka.brokers);
    baseline = await measure(
      gen,
      () => countOf(db, 'SELECT count(*)::int AS n FROM "Assessment"'),
      { consumer: consumer.pid, generator: gen.proc.pid },
      db,
    );
    await gen.stop();
    consumer.kill('SIGTERM');
  }
  // ------------------------------------------- informative: baseline writing the stored rows
  // Not the target's baseline: the same consumer bulk-inserting the rows the pipeline stores
  // before screening (PAXGUARD_BENCH_STORED_BASELINE=0 leaves it out).
  if (process.env.PAXGUARD_BENCH_STORED_BASELINE !== '0') {
    const [kafka, pg]: [TestKafka, TestPostgres] = await Promise.all([testKafka(), testPostgres()]);
    cleanup.push(
      () => pg.drop(),
      () => kafka.stop(),
    );
    const db = await openDatabase(parseDatabaseUrl(pg.url));
    cleanup.push(() => db.close());
    const consumer = await startBaseline(withApp(pg.url), kafka.brokers, 'stored');
    const gen = startGenerator(kafka.brokers);
    baselineStored = await measure(
      gen,
      () => countOf(db, 'SELECT count(*)::int AS n FROM "Assessment"'),
      { consumer: consumer.pid, generator: gen.proc.pid },
      db,
    );
    await gen.stop();
    consumer.kill('SIGTERM');
  }
  // ---------------------------------------------------------------- pipeline
  {
    const [kafka, pg]: [TestKafka, TestPostgres] = await Promise.all([testKafka(), testPostgres()]);
    cleanup.push(
      () => pg.drop(),
      () => kafka.stop(),
    );
    const db = await openDatabase(parseDatabaseUrl(pg.url));
    cleanup.push(() => db.close());
    await createCarrierRepository(db.prisma).ensure({
      designator: 'PG',
      name: 'Bench',
      apiKey: API_KEY,
    });
    await seedReferenceDemo({ db, now: new Date('2026-12-01T00:00:00Z') });
    const env = {
      DATABASE_URL: withApp(pg.url),
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      PNR_CARD_SALT: 'bench-card-salt-0123456789',
      // librdkafka's mock cluster holds an empty fetch for the full wait even when data arrives
      // (a broker answers at once): a short wait stands in for a real broker.
      KAFKA_FETCH_MAX_WAIT_MS: String(FETCH_WAIT_MS),
      KAFKA_PARTITIONS_CONCURRENTLY: String(CONCURRENCY),
    };
    const services: Service[] = [];
    cleanup.push(() => Promise.allSettled(services.map((s) => s.stop())));
    services.push(await startService('services/ingest/src/main.ts', env, { nodeArgs }));
    for (let i = 0; i < WORKERS; i++)
      services.push(await startService('services/screening/src/main.ts', env, { nodeArgs }));
    const gen = startGenerator(kafka.brokers);
    cleanup.push(() => gen.stop());
    const procs: Record<string, number | undefined> = {
      ingest: services[0]!.proc.pid,
      generator: gen.proc.pid,
    };
    services
      .slice(1)
      .forEach((s, i) => (procs[`screening${WORKERS > 1 ? i + 1 : ''}`] = s.proc.pid));
    pipeline = await measure(
      gen,
      () => countOf(db, 'SELECT count(*)::int AS n FROM "Assessment" WHERE current'),
      procs,
      db,
    );

    // ------------------------------------------------------------ latency, 300 travellers
    const lat = await gen.ask({
      cmd: 'prepare',
      set: 'latency',
      flights: Array.from({ length: SAMPLES }, (_, i) => ({
        seed: 5000 + i,
        number: String(5000 + i),
        passengers: 294,
        crew: 6,
      })),
    });
    if (!('flightKeys' in lat)) throw new Error('prepare failed');
    await sleep(1000);
    for (let i = 0; i < SAMPLES; i++) {
      const sent = await gen.ask({ cmd: 'send', set: 'latency', from: i, to: i + 1 });
      if (!('firstSentAt' in sent)) throw new Error('send failed');
      const doneAt = await waitForCount(
        () =>
          countOf(
            db,
            `SELECT count(*)::int AS n FROM "Assessment" a JOIN "Traveller" t ON t.id = a."travellerId"
             JOIN "Flight" f ON f.id = t."flightId" WHERE f.key = $1 AND a.current`,
            [lat.flightKeys[i]],
          ),
        lat.travellers[i]!,
        { pollMs: 5, timeoutMs: 60_000 },
      );
      latencies.push(doneAt - sent.firstSentAt);
      await sleep(200);
    }
    const traveller300 = lat.travellers.filter((n) => n === 300).length;
    checks = [
      `latency manifests with exactly 300 stored travellers: ${traveller300}/${SAMPLES}`,
      `travellers with more than one current assessment: ${await countOf(
        db,
        'SELECT count(*)::int AS n FROM (SELECT 1 FROM "Assessment" WHERE current GROUP BY "travellerId" HAVING count(*) > 1) d',
      )}`,
      `active travellers without a current assessment: ${await countOf(
        db,
        `SELECT count(*)::int AS n FROM "Traveller" t WHERE status = 'active'
         AND NOT EXISTS (SELECT 1 FROM "Assessment" a WHERE a."travellerId" = t.id AND a.current)`,
      )}`,
      `outbox rows left unpublished: ${await countOf(db, 'SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "publishedAt" IS NULL')}`,
    ];
  }
} finally {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
}

// ---------------------------------------------------------------- report
const rate = (r: Run) => r.travellers / r.seconds;
const cpuLine = (r: Run) =>
  Object.entries(r.cpu)
    .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
    .join(', ');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ratio = rate(pipeline!) / rate(baseline!);
const p95 = pct(latencies, 95);
console.log(
  `pipeline benchmark: ${FLIGHTS} flights, ${pipeline!.travellers} travellers on the Kafka carrier topic; ingest + ${WORKERS} screening worker(s), load generator and baseline as separate processes; PostgreSQL 127.0.0.1; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}`,
);
console.log(
  `  paxguard pipeline (archive→decode→store→outbox→screen→assess)  ${rate(pipeline!).toFixed(0).padStart(6)} travellers/s  (${pipeline!.seconds.toFixed(2)} s; CPU: ${cpuLine(pipeline!)}; machine busy ${(pipeline!.machineBusy * 100).toFixed(0)} %)`,
);
console.log(
  `  baseline: consume + decode + bulk-insert rows only               ${rate(baseline!).toFixed(0).padStart(6)} travellers/s  (${baseline!.seconds.toFixed(2)} s; CPU: ${cpuLine(baseline!)}; machine busy ${(baseline!.machineBusy * 100).toFixed(0)} %)`,
);
if (baselineStored)
  console.log(
    `  (informative, not the target's baseline) baseline inserting the stored rows: archive, manifest version, traveller, revision, documents, assessment  ${rate(baselineStored).toFixed(0)} travellers/s  (${baselineStored.seconds.toFixed(2)} s; CPU: ${cpuLine(baselineStored)}; machine busy ${(baselineStored.machineBusy * 100).toFixed(0)} %; pipeline at ${((rate(pipeline!) / rate(baselineStored)) * 100).toFixed(0)} % of it)`,
  );
console.log(
  `  300-traveller manifest, submission → all assessments stored (${latencies.length} samples): p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
);
// CPU per traveller is what the shared machine disturbs least: wall time depends on what else runs.
const perTraveller = (r: Run) => {
  const own = Object.entries(r.cpu)
    .filter(([k]) => k !== 'generator' && !k.startsWith('postgres'))
    .reduce((a, [, v]) => a + v, 0);
  const pgOwn = r.cpu['postgres (own backends)'] ?? 0;
  const pgAll = r.cpu['postgres, all clients'] ?? 0;
  const ms = (v: number) => ((v / r.travellers) * 1000).toFixed(3);
  return `${ms(own)} ms in its processes + ${ms(pgOwn)} ms PostgreSQL (its own backends; ${ms(pgAll)} ms counting every client of the server)`;
};
console.log(
  `  CPU per traveller: pipeline ${perTraveller(pipeline!)}; baseline ${perTraveller(baseline!)}${baselineStored ? `; stored-rows baseline ${perTraveller(baselineStored)}` : ''}`,
);
for (const c of checks) console.log(`  check: ${c}`);
console.log(
  `targets: ≥ 5000 travellers/s → ${rate(pipeline!) >= 5000 ? 'met' : 'NOT met'}; ≥ 50 % of baseline (${(ratio * 100).toFixed(0)} %) → ${ratio >= 0.5 ? 'met' : 'NOT met'}; 300-traveller p95 ≤ 1 s → ${p95 <= 1000 ? 'met' : 'NOT met'}`,
);
process.exit(0);
