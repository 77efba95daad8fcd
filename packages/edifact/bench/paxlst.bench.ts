// Codec throughput on seeded synthetic traffic, with the baselines the issue names measured
// in the same run: the `edifact` package's event Parser and a bare indexOf segment split.
// PAXGUARD_BENCH_SCALE=0.1 for a quick run. Single-threaded, so MB/s is per core.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'edifact';
import { textOfBytes } from '../src/bytes-text.ts';
import { decodePaxlst } from '../src/paxlst-decoder.ts';
import { decodePnrgov } from '../src/pnrgov-decoder.ts';
import { createPaxlstStream } from '../src/paxlst-stream.ts';
import { createSegmentSplitter } from '../src/segment-splitter.ts';
import {
  syntheticMessageBlock,
  syntheticPaxlst,
  syntheticPnrgov,
  syntheticTravellerBlock,
} from './synthetic-traffic.ts';

const SCALE = Number(process.env.PAXGUARD_BENCH_SCALE ?? '1') || 1;
const RUNS = Number(process.env.PAXGUARD_BENCH_RUNS ?? '7');
const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Median of RUNS after one warm-up. `ms` is CPU time of this process (user + system, GC
 * threads included): on a shared machine wall time mostly measures the neighbours, CPU
 * time is the per-core cost. Wall time is printed beside it.
 */
function measure(
  name: string,
  fn: () => number,
): { name: string; ms: number; bestMs: number; wallMs: number; count: number } {
  // One full GC before each contender (not between its runs): otherwise the contender
  // measured next pays for collecting the previous one's results, which penalised
  // whichever baseline came after our decoder.
  gc?.();
  fn();
  fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  let count = 0;
  // No forced GC between runs: a full GC shrinks the young generation and every run would
  // then pay for regrowing it, which a long-running ingest process never does.
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    count = fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // The best run beside the median: on a machine shared with other work, the median
  // mostly measures the neighbours (even in CPU time: caches and GC threads contend).
  return { name, ms: median(cpu), bestMs: Math.min(...cpu), wallMs: median(wall), count };
}

/** Heap in use after a full GC when --expose-gc is on: what is really retained, not garbage awaiting collection. */
function liveHeap(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
const fmt = (n: number, d = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Machine load, printed with the numbers: on a shared machine it decides them. */
const load = () =>
  loadavg()
    .map((x) => fmt(x, 2))
    .join(' / ');
console.log(`load average (1 / 5 / 15 min) at start: ${load()}`);

const paxBytes = 10e6 * SCALE;
const { text, travellers } = syntheticPaxlst(paxBytes, 42);
const v8Flags = process.execArgv.filter(
  (a) => a.startsWith('--max-semi') || a.startsWith('--min-semi'),
);
console.log(`V8 young generation: ${v8Flags.length ? v8Flags.join(' ') : 'default size'}`);
console.log(
  `PAXLST synthetic push: ${fmt(text.length / 1e6, 2)} MB, ${travellers.toLocaleString('en-US')} travellers, seed 42, median of ${RUNS} runs after 2 warm-ups`,
);
console.log(
  'Each contender reads the same JavaScript string (the bytes → text step is timed on its own below):\n' +
    '  decodePaxlst: envelope checks and every message into Manifest objects (strict mode)\n' +
    "  edifact Parser: the package's event parser over the text, empty callbacks, nothing kept\n" +
    '  bare split: indexOf of the terminator, every segment cut out with slice and kept in an array',
);

const ours = measure('paxguard decodePaxlst → Manifest', () => {
  const r = decodePaxlst(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.value[0]!.manifest.travellers.length;
});
const edifact = measure('edifact Parser, callbacks only', () => {
  let segments = 0;
  const p = new Parser();
  p.on('opensegment', () => segments++);
  p.on('element', () => {});
  p.on('component', () => {});
  p.on('closesegment', () => {});
  p.write(text);
  p.end();
  return segments;
});
const split = measure("bare split (indexOf of ')", () => {
  // The practical ceiling: every segment cut out as a string, nothing else.
  const segments: string[] = [];
  let p = 0;
  for (;;) {
    const q = text.indexOf("'", p);
    if (q < 0) break;
    segments.push(text.slice(p, q));
    p = q + 1;
  }
  return segments.length;
});

console.log(
  '\n| contender | CPU ms | MB/s (CPU) | travellers/s (CPU) | best CPU ms | MB/s (best) | wall ms | MB/s (wall) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of [ours, edifact, split]) {
  console.log(
    `| ${r.name} | ${fmt(r.ms)} | ${fmt(mbps(text.length, r.ms))} | ${fmt(travellers / (r.ms / 1000), 0)} | ${fmt(r.bestMs)} | ${fmt(mbps(text.length, r.bestMs))} | ${fmt(r.wallMs)} | ${fmt(mbps(text.length, r.wallMs))} |`,
  );
}
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
for (const [label, pick] of [
  ['median CPU', (r: typeof ours) => r.ms],
  ['best run CPU', (r: typeof ours) => r.bestMs],
] as const) {
  const ourMbps = mbps(text.length, pick(ours));
  const vsEdifact = pick(edifact) / pick(ours);
  const vsSplit = pick(split) / pick(ours);
  console.log(`\ntargets on ${label}:`);
  console.log(`  ≥ 100 MB/s: ${fmt(ourMbps)} MB/s → ${verdict(ourMbps >= 100)}`);
  console.log(`  ≥ 4× edifact event Parser: ${fmt(vsEdifact, 2)}× → ${verdict(vsEdifact >= 4)}`);
  console.log(`  ≥ 30 % of bare split: ${fmt(vsSplit * 100)} % → ${verdict(vsSplit >= 0.3)}`);
}

// All three contenders above read the same string. Carriers' pushes arrive as bytes (HTTP body,
// Kafka value); turning them into that string is a separate step, measured here on its own.
const bytes = Buffer.from(text, 'latin1');
const asText = measure('textOfBytes (ASCII check + Latin-1 copy)', () => textOfBytes(bytes).length);
const utf8Text = measure(
  "TextDecoder('utf-8', { fatal: true })",
  () => new TextDecoder('utf-8', { fatal: true }).decode(bytes).length,
);
for (const r of [asText, utf8Text]) {
  console.log(
    `\nbytes → text, ${r.name}: ${fmt(r.ms, 2)} CPU ms median (best ${fmt(r.bestMs, 2)}), ${fmt(mbps(text.length, r.ms), 0)} MB/s`,
  );
}

const pnrText = syntheticPnrgov(
  readFileSync(
    join(import.meta.dirname, '..', 'test-fixtures', 'gtas', 'pnrgov', 'pnr3.txt'),
    'utf8',
  ),
  3e6 * SCALE,
);
const pnr = measure('paxguard decodePnrgov → PnrPush', () => {
  const r = decodePnrgov(pnrText, { mode: 'lenient' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.value[0]!.pnrs.length;
});
console.log(
  `\nPNRGOV synthetic push: ${fmt(pnrText.length / 1e6, 2)} MB, ${pnr.count.toLocaleString('en-US')} PNRs: ${fmt(pnr.ms)} CPU ms, ${fmt(mbps(pnrText.length, pnr.ms))} MB/s, ${fmt(pnr.count / (pnr.ms / 1000), 0)} PNRs/s (wall ${fmt(pnr.wallMs)} ms)`,
);

// Streamed push: chunks are produced on the fly and never held together.
const streamBytes = 200e6 * SCALE;
const block = syntheticTravellerBlock(7);
const chunkTravellers = Math.max(1, Math.floor(65536 / block.length));
const chunk = block.repeat(chunkTravellers);
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let peak = heapBefore;
let segments = 0;
let sent = 0;
let chunks = 0;
const t0 = performance.now();
const splitter = createSegmentSplitter();
segments += splitter.push(
  "UNB+UNOA:4+DL+PAXGUARD+240301:1800+1'UNH+M1+PAXLST:D:05B:UN:IATA'BGM+745'",
).length;
while (sent < streamBytes) {
  segments += splitter.push(chunk).length;
  sent += chunk.length;
  if (++chunks % 256 === 0) peak = Math.max(peak, liveHeap());
}
segments += splitter.push("CNT+42:0'UNT+1+M1'UNZ+1+1'").length + splitter.end().segments.length;
const streamMs = performance.now() - t0;
gc?.();
const heapAfter = process.memoryUsage().heapUsed;
console.log(
  `\nStreamed PAXLST push through createSegmentSplitter: ${fmt(sent / 1e6, 0)} MB in ${chunks.toLocaleString('en-US')} chunks of ${fmt(chunk.length / 1024, 0)} KiB, ${segments.toLocaleString('en-US')} segments, ${fmt(mbps(sent, streamMs))} MB/s`,
);
console.log(
  `live heap before ${fmt(heapBefore / 1e6)} MB, max sampled after GC every 256 chunks ${fmt(peak / 1e6)} MB, after ${fmt(heapAfter / 1e6)} MB`,
);

// The same volume decoded into domain objects: a push of many flights' messages, each
// decoded when its UNT arrives and then dropped, as an ingest consumer would.
const message = syntheticMessageBlock(300, 9);
gc?.();
const decodeHeapBefore = process.memoryUsage().heapUsed;
let decodePeak = decodeHeapBefore;
let okMessages = 0;
let failed = 0;
let streamTravellers = 0;
let streamed = 0;
let pos = 0;
let n = 0;
const count = (results: ReturnType<ReturnType<typeof createPaxlstStream>['push']>) => {
  for (const r of results) {
    if (r.ok) {
      okMessages++;
      streamTravellers += r.value.manifest.travellers.length;
    } else failed++;
  }
};
const d0 = process.cpuUsage();
const stream = createPaxlstStream();
count(stream.push("UNB+UNOA:4+DL+PAXGUARD+240301:1800+1'"));
while (streamed < streamBytes) {
  let chunk = '';
  while (chunk.length < 65536) {
    const take = Math.min(message.length - pos, 65536 - chunk.length);
    chunk += message.slice(pos, pos + take);
    pos = (pos + take) % message.length;
  }
  count(stream.push(chunk));
  streamed += chunk.length;
  if (++n % 256 === 0) decodePeak = Math.max(decodePeak, liveHeap());
}
if (pos !== 0) count(stream.push(message.slice(pos)));
count(stream.push(`UNZ+${okMessages + failed}+1'`));
const tail = stream.end();
count(tail.messages);
const dc = process.cpuUsage(d0);
const decodeMs = (dc.user + dc.system) / 1000;
gc?.();
const decodeHeapAfter = process.memoryUsage().heapUsed;
console.log(
  `\nStreamed PAXLST push decoded with createPaxlstStream: ${fmt(streamed / 1e6, 0)} MB, ${(okMessages + failed).toLocaleString('en-US')} messages (${failed} failed), ${streamTravellers.toLocaleString('en-US')} travellers, ${fmt(mbps(streamed, decodeMs))} MB/s (CPU), interchange checks ${tail.interchange.ok ? 'ok' : 'FAILED'}`,
);
console.log(
  `live heap before ${fmt(decodeHeapBefore / 1e6)} MB, max sampled after GC every 256 chunks ${fmt(decodePeak / 1e6)} MB, after ${fmt(decodeHeapAfter / 1e6)} MB`,
);
console.log(`\nload average (1 / 5 / 15 min) at end: ${load()}`);
