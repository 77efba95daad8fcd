// One run, same data: our index against the GTAS-style baseline and a brute-force
// Jaro-Winkler scan. PAXGUARD_BENCH_SCALE=0.1 for a quick run; default is the full set.
import { cpus, loadavg } from 'node:os';
import { buildWatchlistIndex } from '../src/watchlist-index.ts';
import { makeWatchlistQuery } from '../src/watchlist-query.ts';
import { jaroWinkler } from '../src/string-similarity.ts';
import { buildEvalSet, sizesFor, type EvalQuery } from './eval-set.ts';
import { newReport, pct, percentile, record, type EvalReport } from './evaluation.ts';
import { GtasBaseline } from './gtas-baseline.ts';
import { indistinguishableNamesakes } from './namesakes.ts';
import { writeFileSync } from 'node:fs';

const scale = Number(process.env.PAXGUARD_BENCH_SCALE ?? '1');
const verbose = process.env.PAXGUARD_BENCH_VERBOSE === '1';
/** Every miss and false alert, one JSON line each, for analysis (verbose prints 12 per class). */
const missesFile = process.env.PAXGUARD_BENCH_MISSES_FILE;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMb = () => {
  gc();
  gc();
  // The blocks live in typed arrays, outside the JS heap: count their buffers too.
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
};
const now = new Date('2026-01-01T00:00:00Z');

const sizes = sizesFor(scale);
console.log(`scale ${scale}: ${sizes.entries} listed persons, ${sizes.documents} listed documents`);
let t0 = performance.now();
const set = buildEvalSet(sizes);
console.log(
  `evaluation set generated in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${set.positives.length} positives, ${set.negatives.length} negatives`,
);
const queries: EvalQuery[] = [...set.positives, ...set.negatives];
t0 = performance.now();
const namesake = [
  ...set.positives.map(() => false),
  ...indistinguishableNamesakes(set.lists, set.negatives),
];
console.log(
  `indistinguishable namesakes among the negatives found in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${namesake.filter(Boolean).length}`,
);
const missLines: string[] = [];

const heapBefore = heapMb();
t0 = performance.now();
const buildCpuStart = process.cpuUsage();
const index = buildWatchlistIndex(set.lists);
const buildSeconds = (performance.now() - t0) / 1000;
const buildCpu = process.cpuUsage(buildCpuStart);
const buildCpuSeconds = (buildCpu.user + buildCpu.system) / 1e6;
const indexMb = heapMb() - heapBefore;
console.log(
  `index built in ${buildSeconds.toFixed(1)} s wall (${buildCpuSeconds.toFixed(1)} s CPU), ${indexMb.toFixed(0)} MB (heap + array buffers)`,
  index.stats(),
);

const ours = newReport(queries.length);
const misses = new Map<string, string[]>();
let cpu = process.cpuUsage();
let t = performance.now();
queries.forEach((q, i) => {
  const start = performance.now();
  const built = makeWatchlistQuery(q.input);
  const hits = built.ok ? index.screen(built.value, now) : [];
  ours.latenciesMs[i] = performance.now() - start;
  const ids = hits.map((h) => h.entryId);
  record(ours, q.cls, q.target, ids, namesake[i]);
  const wrong = (q.target && !ids.includes(q.target)) || (q.cls === 'negative' && ids.length);
  if (missesFile && wrong) {
    const top = hits.find((h) => h.entryId !== q.target);
    missLines.push(
      JSON.stringify({
        cls: q.cls,
        namesake: namesake[i],
        input: q.input,
        target: q.target,
        targetHit: hits.find((h) => h.entryId === q.target)?.score,
        top: top && { id: top.entryId, score: top.score, why: top.explanation.summary },
      }),
    );
  }
  if (verbose && wrong) {
    const m = misses.get(q.cls) ?? [];
    if (m.length < 12)
      m.push(
        `${JSON.stringify(q.input.names[0])} ${q.input.birthDate} → ${q.target ?? ''} ${hits[0] ? hits[0].entryId + ' ' + hits[0].score + ' ' + hits[0].explanation.summary : 'no hit'}`,
      );
    misses.set(q.cls, m);
  }
});
ours.seconds = (performance.now() - t) / 1000;
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const oursCpu = cpuSeconds(process.cpuUsage(cpu));
if (missesFile) writeFileSync(missesFile, missLines.map((l) => l + '\n').join(''));

t0 = performance.now();
const gtas = new GtasBaseline(set.lists);
const gtasBuild = (performance.now() - t0) / 1000;
const base = newReport(queries.length);
cpu = process.cpuUsage();
t = performance.now();
queries.forEach((q, i) => {
  const start = performance.now();
  const name = q.input.names[0] ?? { surname: '', given: [] };
  const ids = gtas.screen(name, q.input.birthDate);
  base.latenciesMs[i] = performance.now() - start;
  record(base, q.cls, q.target, ids, namesake[i]);
});
base.seconds = (performance.now() - t) / 1000;
const baseCpu = cpuSeconds(process.cpuUsage(cpu));

// Brute force: Jaro-Winkler of the full name against every listed primary name.
const primaries = set.lists.flatMap((l) =>
  l.entries.flatMap((e) => (typeof e.names[0] === 'string' ? [e.names[0]] : [])),
);
const sampleSize = scale >= 0.5 ? 20 : 50;
const sample = queries
  .filter((_, i) => i % Math.max(1, Math.floor(queries.length / sampleSize)) === 0)
  .slice(0, sampleSize);
cpu = process.cpuUsage();
t = performance.now();
let bruteHits = 0;
for (const q of sample) {
  const n = q.input.names[0];
  const text = n ? `${n.surname}, ${n.given.join(' ')}` : '';
  for (const p of primaries) if (jaroWinkler(text, p) >= 0.95) bruteHits++;
}
const bruteSeconds = (performance.now() - t) / 1000;
const bruteCpu = cpuSeconds(process.cpuUsage(cpu));

const rate = (r: EvalReport) => queries.length / r.seconds;
const perCore = (seconds: number) => (queries.length / seconds).toFixed(0);
const classes = [...ours.recall.keys()];
console.log('\nrecall per class (ours | GTAS-style baseline)');
for (const c of classes) {
  const a = ours.recall.get(c);
  const b = base.recall.get(c);
  console.log(
    `  ${c.padEnd(16)} ${pct(a?.found ?? 0, a?.total ?? 0).padStart(9)} | ${pct(b?.found ?? 0, b?.total ?? 0).padStart(9)}   (n=${a?.total})`,
  );
}
const tp = (r: EvalReport) => [...r.recall.values()].reduce((n, s) => n + s.found, 0);
const posTotal = set.positives.length;
for (const [label, r] of [
  ['ours', ours],
  ['GTAS-style', base],
] as const) {
  console.log(
    `${label.padEnd(10)} overall recall ${pct(tp(r), posTotal)}, false alerts on ${pct(r.negativesAlerted, r.negatives)} of negatives, traveller precision ${pct(tp(r), tp(r) + r.negativesAlerted)}, hit precision ${pct(r.hitsCorrect, r.hitsTotal)}`,
  );
  const others = r.negatives - r.namesakes;
  console.log(
    `${''.padEnd(10)} false alerts split: indistinguishable namesakes ${r.namesakesAlerted}/${r.namesakes} alerted (${pct(r.namesakesAlerted, r.negatives)} of all negatives), other ${r.negativesAlerted - r.namesakesAlerted}/${others} (${pct(r.negativesAlerted - r.namesakesAlerted, r.negatives)} of all negatives, ${pct(r.negativesAlerted - r.namesakesAlerted, others)} of the other negatives)`,
  );
}
console.log(
  `\nthroughput (single thread; wall clock and per core of CPU time; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`,
);
console.log(
  `  ours        ${rate(ours).toFixed(0)} travellers/s wall, ${perCore(oursCpu)} /s/core CPU, p50 ${percentile(ours.latenciesMs, 50).toFixed(3)} ms, p99 ${percentile(ours.latenciesMs, 99).toFixed(3)} ms, build ${buildSeconds.toFixed(1)} s wall / ${buildCpuSeconds.toFixed(1)} s CPU, index ${indexMb.toFixed(0)} MB`,
);
console.log(
  `  GTAS-style  ${rate(base).toFixed(0)} travellers/s wall, ${perCore(baseCpu)} /s/core CPU, p50 ${percentile(base.latenciesMs, 50).toFixed(3)} ms, p99 ${percentile(base.latenciesMs, 99).toFixed(3)} ms, build ${gtasBuild.toFixed(1)} s`,
);
console.log(
  `  brute-force JW scan over ${primaries.length} names: ${(sample.length / bruteSeconds).toFixed(2)} travellers/s wall, ${(sample.length / bruteCpu).toFixed(2)} /s/core CPU (${sample.length} sampled, ${bruteHits} pairs ≥ 0.95)`,
);
if (verbose) for (const [c, m] of misses) console.log(`\n${c}:\n  ${m.join('\n  ')}`);
