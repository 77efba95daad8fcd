// Benchmark: traveller verdicts per second on one core with a 20-million-entry lost/stolen list
// loaded, and the bytes that list takes, against a naive Map<string, …> list in the same run.
// PAXGUARD_BENCH_SCALE=0.1 for a quick run. Run with --expose-gc for clean memory numbers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism, loadavg } from 'node:os';
import type { Traveller } from '@paxguard/domain';
import {
  InMemoryAuthorisationRegistry,
  LostStolenBuilder,
  checkTraveller,
  keyCountry,
  loadEntryReference,
  normaliseDocumentNumber,
  type CheckContext,
  type Journey,
  type LostStolenHit,
  type LostStolenLookup,
} from '../src/index.ts';

const SCALE = Number(process.env.PAXGUARD_BENCH_SCALE ?? '1');
const LIST_SIZE = Math.round(20_000_000 * SCALE);
// A V8 Map holds at most 2^24 (16.7 M) entries, so the naive baseline stops at 16 M.
const MAP_SIZE = Math.min(LIST_SIZE, 16_000_000);
const VERDICT_SECONDS = Number(process.env.PAXGUARD_BENCH_SECONDS ?? '6');

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATES =
  'DEU FRA ITA ESP NLD POL USA GBR CAN AUS IND CHN NGA BRA MEX TUR RUS UKR PAK BGD IDN PHL VNM EGY ZAF JPN KOR ARG COL PER'.split(
    ' ',
  );
const STATUSES = ['lost', 'stolen', 'revoked', 'invalidated'];
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

function listEntry(rnd: () => number): [string, string, string, string] {
  const state = STATES[Math.floor(rnd() * STATES.length)] as string;
  const number = `${LETTERS[Math.floor(rnd() * LETTERS.length)]}${Math.floor(rnd() * 1e8)
    .toString()
    .padStart(8, '0')}`;
  const status = STATUSES[Math.floor(rnd() * 4)] as string;
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(rnd() * 3650) * 86400000)
    .toISOString()
    .slice(0, 10);
  return [state, number, status, day];
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}
const mem = () => process.memoryUsage();
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

// ---- reference data, as a service would load it ----
const data = (p: string) =>
  readFileSync(fileURLToPath(new URL(`../data/${p}`, import.meta.url)), 'utf8');
const loaded = loadEntryReference({
  visaMatrixCsv: data('visa-requirements/passport-index-tidy-iso3.csv'),
  rulesFiles: [data('entry-rules.json')],
});
if (!loaded.ok) throw new Error(JSON.stringify(loaded));
const reference = loaded.reference;

console.log(
  `# verdicts.bench  load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ' ',
    )} on ${availableParallelism()} cores  scale=${SCALE}  list=${LIST_SIZE.toLocaleString('en')}  map-baseline=${MAP_SIZE.toLocaleString('en')}  gc=${typeof (globalThis as { gc?: unknown }).gc === 'function'}`,
);

// ---- 1. compact index, fed as CSV text in chunks ----
gc();
const before = mem();
let t0 = performance.now();
const builder = new LostStolenBuilder({
  version: `synthetic-sltd@seed42-${LIST_SIZE}`,
  expectedEntries: LIST_SIZE,
});
const listRnd = mulberry32(42);
const sample: [string, string][] = [];
builder.push('issuing_state,number,status,reported_date\n');
for (let done = 0; done < LIST_SIZE;) {
  const lines: string[] = [];
  const n = Math.min(100_000, LIST_SIZE - done);
  for (let i = 0; i < n; i++) {
    const e = listEntry(listRnd);
    if ((done + i) % 10_000 === 0) sample.push([e[0], e[1]]);
    lines.push(e.join(','));
  }
  builder.push(`${lines.join('\n')}\n`);
  done += n;
}
const built = builder.finish();
const buildMs = performance.now() - t0;
gc();
const after = mem();
const index = built.index;
const arrayDelta = after.arrayBuffers - before.arrayBuffers;
const heapDelta = after.heapUsed - before.heapUsed;
console.log(
  `compact index: ${built.accepted.toLocaleString('en')} entries (${built.rejected} rejected) built from CSV chunks in ${(buildMs / 1000).toFixed(1)} s`,
);
console.log(
  `  bytes/entry: ${(index.byteLength / index.size).toFixed(2)} (typed arrays), ${((arrayDelta + heapDelta) / index.size).toFixed(2)} measured (arrayBuffers ${mb(arrayDelta)} + heap ${mb(heapDelta)})   target ≤ 40; peak RSS while building ${mb(process.resourceUsage().maxRSS * 1024)} (sort buffers, CSV chunks)`,
);

// ---- 2. traveller pool ----
const SCHENGEN =
  'AUT BEL BGR HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LIE LTU LUX MLT NLD NOR POL PRT ROU SVK SVN ESP SWE CHE'.split(
    ' ',
  );
const registry = new InMemoryAuthorisationRegistry();
const poolRnd = mulberry32(7);
const pool: { traveller: Traveller; journey: Journey }[] = [];
const pick = <T>(xs: readonly T[]) => xs[Math.floor(poolRnd() * xs.length)] as T;
const docNo = () =>
  `${pick([...LETTERS])}${Math.floor(poolRnd() * 1e8)
    .toString()
    .padStart(8, '0')}`;
for (let i = 0; i < 20_000; i++) {
  const r = poolRnd();
  const number = docNo();
  const base = {
    role: 'passenger' as const,
    name: { surname: 'TRAVELLER', given: ['ANNA'] },
    sex: 'F' as const,
    birthDate: '1980-05-05',
    references: {},
  };
  const arrivalDate = '2025-06-01';
  if (r < 0.45) {
    const nat = pick(['DEU', 'FRA', 'ITA', 'ESP', 'NLD', 'POL']);
    pool.push({
      traveller: {
        ...base,
        nationality: nat,
        documents: [
          {
            type: poolRnd() < 0.3 ? 'I' : 'P',
            number,
            issuingState: nat,
            expiryDate: '2030-01-01',
          },
        ],
      },
      journey: { destination: pick(SCHENGEN), arrivalDate, transit: false },
    });
  } else if (r < 0.65) {
    const nat = pick(['DEU', 'GBR', 'JPN', 'AUS', 'FRA']);
    registry.add([
      {
        kind: 'eta',
        number: `ESTA${i}`,
        documentNumber: number,
        nationality: nat,
        issuingState: 'USA',
        validFor: ['USA'],
        validFrom: '2025-01-01',
        validUntil: '2027-01-01',
        entriesAllowed: null,
      },
    ]);
    pool.push({
      traveller: {
        ...base,
        nationality: nat,
        documents: [{ type: 'P', number, issuingState: nat, expiryDate: '2029-01-01' }],
      },
      journey: { destination: 'USA', arrivalDate, transit: false },
    });
  } else if (r < 0.8) {
    const nat = pick(['IND', 'CHN', 'NGA', 'PAK', 'EGY']);
    registry.add([
      {
        kind: 'visa',
        number: `V${i}`,
        documentNumber: number,
        nationality: nat,
        issuingState: 'FRA',
        validFor: SCHENGEN,
        validFrom: '2025-05-01',
        validUntil: '2025-08-01',
        entriesAllowed: 1,
      },
    ]);
    pool.push({
      traveller: {
        ...base,
        nationality: nat,
        documents: [
          { type: 'P', number, issuingState: nat, expiryDate: '2029-01-01' },
          { type: 'V', number: `V${i}`, issuingState: 'FRA', expiryDate: '2025-08-01' },
        ],
      },
      journey: { destination: pick(SCHENGEN), arrivalDate, transit: false },
    });
  } else if (r < 0.9) {
    // Failures: expired, too short for a six-month State, visa missing.
    const kind = Math.floor(poolRnd() * 3);
    const nat = kind === 2 ? 'NGA' : 'DEU';
    const expiry = kind === 0 ? '2025-01-01' : kind === 1 ? '2025-08-01' : '2030-01-01';
    pool.push({
      traveller: {
        ...base,
        nationality: nat,
        documents: [{ type: 'P', number, issuingState: nat, expiryDate: expiry }],
      },
      journey: { destination: kind === 1 ? 'THA' : 'DEU', arrivalDate, transit: false },
    });
  } else if (r < 0.95) {
    const [state, num] = pick(sample);
    pool.push({
      traveller: {
        ...base,
        nationality: state,
        documents: [{ type: 'P', number: num, issuingState: state, expiryDate: '2030-01-01' }],
      },
      journey: { destination: 'GBR', arrivalDate, transit: false },
    });
  } else {
    pool.push({
      traveller: {
        ...base,
        nationality: 'DEU',
        documents: [{ type: 'P', number, issuingState: 'DEU', expiryDate: '2024-02-30' }],
      },
      journey: { destination: 'FRA', arrivalDate, transit: false },
    });
  }
}

console.log(
  `traveller pool: ${pool.length.toLocaleString('en')} travellers — 45% EU nationals to Schengen (30% on ID cards), 20% ESTA holders to the USA, 15% visa nationals with a registered Schengen visa (DOC V), 10% failures (expired, too short for THA, no visa), 5% on the lost/stolen list, 5% impossible expiry date`,
);

function run(label: string, ctx: CheckContext): void {
  const decisions = { ok: 0, fail: 0, 'cannot-decide': 0 };
  for (let i = 0; i < 20_000; i++) checkTraveller(pool[i % pool.length]!, ctx); // warm-up
  // Per core: verdicts per second of CPU time used by this process (the machine is shared, so
  // wall-clock throughput understates it). Three rounds: best and median are printed.
  const rates: number[] = [];
  let wallRate = 0;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    let n = 0;
    while (performance.now() - start < (VERDICT_SECONDS * 1000) / 3) {
      for (let i = 0; i < 5000; i++) {
        const v = checkTraveller(pool[(n + i) % pool.length]!, ctx);
        decisions[v.decision]++;
      }
      n += 5000;
    }
    const cpu = process.cpuUsage(cpu0);
    rates.push(n / ((cpu.user + cpu.system) / 1e6));
    wallRate = Math.max(wallRate, n / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  const fmt = (x: number) => Math.round(x).toLocaleString('en');
  console.log(
    `${label}: best ${fmt(rates[2]!)} / median ${fmt(rates[1]!)} verdicts per CPU-second (best wall ${fmt(wallRate)}/s)   target ≥ 500,000/s/core   (ok ${decisions.ok}, fail ${decisions.fail}, cannot-decide ${decisions['cannot-decide']})`,
  );
}

function lookups(label: string, l: LostStolenLookup): void {
  const rnd = mulberry32(99);
  const probes: [string, string][] = [];
  for (let i = 0; i < 200_000; i++)
    probes.push(
      i % 10 === 0
        ? pick(sample)
        : [STATES[Math.floor(rnd() * STATES.length)]!, `Q${Math.floor(rnd() * 1e8)}`],
    );
  const cpu0 = process.cpuUsage();
  let hits = 0;
  for (let k = 0; k < 10; k++) for (const [s, num] of probes) if (l.lookup(s, num)) hits++;
  const cpu = process.cpuUsage(cpu0);
  const perSec = (probes.length * 10) / ((cpu.user + cpu.system) / 1e6);
  console.log(
    `${label}: ${Math.round(perSec).toLocaleString('en')} lookups per CPU-second (${hits} hits of ${probes.length * 10}; 10% of probes are listed numbers)`,
  );
}

// Compact index and the list-free run first, while the heap holds no 16-million-entry Map
// (its garbage-collection cost would be charged to every verdict measured after it).
lookups(`compact index lookups (${index.size.toLocaleString('en')})`, index);
run(`verdicts, compact index (${index.size.toLocaleString('en')} entries)`, {
  reference,
  authorisations: registry,
  lostStolen: index,
});
run('verdicts, no lost/stolen list', { reference, authorisations: registry });

function mapBaseline(): void {
  // ---- 3. naive Map baseline ----
  gc();
  const mapBefore = mem();
  t0 = performance.now();
  const naive = new Map<string, { status: string; reportedDate: string }>();
  const mapRnd = mulberry32(42);
  for (let i = 0; i < MAP_SIZE; i++) {
    const [state, number, status, reportedDate] = listEntry(mapRnd);
    naive.set(`${keyCountry(state)}|${normaliseDocumentNumber(number)}`, { status, reportedDate });
  }
  const mapMs = performance.now() - t0;
  gc();
  const mapAfter = mem();
  const mapBytes =
    (mapAfter.heapUsed - mapBefore.heapUsed + mapAfter.arrayBuffers - mapBefore.arrayBuffers) /
    MAP_SIZE;
  console.log(
    `Map baseline: ${naive.size.toLocaleString('en')} entries in ${(mapMs / 1000).toFixed(1)} s; bytes/entry: ${mapBytes.toFixed(1)} measured (heap ${mb(mapAfter.heapUsed - mapBefore.heapUsed)})`,
  );
  if (MAP_SIZE < LIST_SIZE) {
    console.log(
      `  (Map capped at ${MAP_SIZE.toLocaleString('en')}: V8 Maps hold at most 16,777,216 entries; at ${LIST_SIZE.toLocaleString('en')} it would need ≈ ${mb(mapBytes * LIST_SIZE)} if it could, extrapolated linearly)`,
    );
  }
  const naiveLookup: LostStolenLookup = {
    lookup(state: string, num: string): LostStolenHit | null {
      const normalisedNumber = normaliseDocumentNumber(num);
      const v = naive.get(`${keyCountry(state)}|${normalisedNumber}`);
      return v
        ? {
            status: v.status as LostStolenHit['status'],
            issuingState: state,
            reportedDate: v.reportedDate,
            normalisedNumber,
            listVersion: 'naive',
          }
        : null;
    },
  };

  lookups(`Map baseline lookups (${naive.size.toLocaleString('en')})`, naiveLookup);
  run(`verdicts, Map baseline (${naive.size.toLocaleString('en')} entries)`, {
    reference,
    authorisations: registry,
    lostStolen: naiveLookup,
  });
}
mapBaseline();
