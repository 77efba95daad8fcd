// iAPI latency under load, from a separate process: the embedded pipeline answers check-in
// requests (one traveller each, all different) while autocannon drives a fixed request rate;
// the same rate against an empty fastify route on this machine is the baseline.
// Targets (issue #6): ≥ 500 requests/s, p99 ≤ 50 ms.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { generateManifest } from '@paxguard/demo-data';
import { encodePaxlst } from '@paxguard/edifact';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const RATE = Number(process.env.PAXGUARD_BENCH_IAPI_RATE ?? 500);
const SECONDS = Number(process.env.PAXGUARD_BENCH_SECONDS ?? 20);

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
): Promise<{ proc: ChildProcess; url: string }> {
  const p = await port();
  const proc = spawn(TSX, [entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(p), HOST: '127.0.0.1', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${p}`;
  for (let i = 0; i < 600; i++) {
    if (await ready(url).catch(() => false)) return { proc, url };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${entry} did not start`);
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
const databaseUrl =
  process.env.PAXGUARD_BENCH_PGLITE === '1'
    ? `pglite:${path.join(home, 'data')}`
    : `${server}${server.includes('?') ? '&' : '?'}schema=${schema}`;
const embedded = await start(
  'services/embedded/src/main.ts',
  { PAXGUARD_HOME: home, DEMO_DATA: 'false', DATABASE_URL: databaseUrl },
  async (u) => (await fetch(`${u}/health/ready`)).ok,
);
const empty = await start(
  'services/ingest/bench/empty-server.ts',
  {},
  async (u) => (await fetch(`${u}/empty`, { method: 'POST' })).ok,
);
const creds = JSON.parse(readFileSync(path.join(home, 'demo-credentials.json'), 'utf8')) as {
  carriers: { designator: string; apiKey: string }[];
};
const key = creds.carriers.find((c) => c.designator === 'PG')!.apiKey;

// Distinct travellers, so every request is a real new check-in.
const bodies: string[] = [];
for (let i = 0; i < 2000; i++) {
  const m = generateManifest({
    seed: 10_000 + i,
    carrier: 'PG',
    number: String(100 + (i % 20)),
    date: '2026-12-30',
    origin: 'LHR',
    destination: 'JFK',
    destinationState: 'USA',
    passengers: 1,
  });
  const r = encodePaxlst(m, {
    sender: 'PG',
    recipient: 'PAXGUARD',
    interchangeRef: `B${i}`,
    messageRef: `B${i}`,
    preparedAt: '2026-12-29T08:00',
  });
  if (r.ok) bodies.push(r.value);
}
let n = 0;
// Warm-up: reference data is loaded on the first request.
await fetch(`${embedded.url}/v1/carrier/iapi`, {
  method: 'POST',
  headers: { authorization: `Bearer ${key}`, 'content-type': 'application/edifact' },
  body: bodies[0],
});

const common = { connections: 20, duration: SECONDS, overallRate: RATE };
const iapi = await run({
  ...common,
  url: `${embedded.url}/v1/carrier/iapi`,
  method: 'POST',
  headers: { authorization: `Bearer ${key}`, 'content-type': 'application/edifact' },
  setupClient: (client) => client.setBody(bodies[n++ % bodies.length]!),
  requests: [{ setupRequest: (req) => ({ ...req, body: bodies[n++ % bodies.length] }) }],
});
const base = await run({ ...common, url: `${empty.url}/empty`, method: 'POST' });
embedded.proc.kill('SIGTERM');
if (!databaseUrl.startsWith('pglite:')) {
  const pg = await import('pg');
  const c = new pg.default.Client({ connectionString: server });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
}
empty.proc.kill('SIGTERM');
rmSync(home, { recursive: true, force: true });

const line = (name: string, r: autocannon.Result) =>
  `${name.padEnd(44)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`;
console.log(
  `database: ${databaseUrl.startsWith('pglite:') ? 'embedded PGlite' : 'PostgreSQL server'}`,
);
console.log(
  `iAPI benchmark: ${RATE} requests/s offered for ${SECONDS} s, 20 connections, autocannon in a separate process`,
);
console.log(line('paxguard iAPI (archive+store+screen+answer)', iapi));
console.log(line('baseline: empty fastify route', base));
console.log(
  `targets: ≥ 500 req/s sustained → ${iapi.requests.average >= 500 ? 'met' : 'NOT met'}; p99 ≤ 50 ms → ${iapi.latency.p99 <= 50 ? 'met' : 'NOT met'}`,
);
