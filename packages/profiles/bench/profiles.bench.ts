// Profile evaluation benchmark: ≥ 100 active profiles over 1 M seeded synthetic travellers on
// one core, next to json-rules-engine running the same rules on a sample (extrapolated).
// PAXGUARD_BENCH_SCALE=0.1 runs a tenth of the travellers for a quick look.
import { performance } from 'node:perf_hooks';
import { compileProfile, isActive, toFeatureVector } from '../src/index.ts';
import type { CompiledProfile } from '../src/index.ts';
import { buildEngine, engineScores } from './json-rules-baseline.ts';
import { featureChunk, mulberry32, syntheticProfiles } from './synthetic-data.ts';

const scale = Number(process.env['PAXGUARD_BENCH_SCALE'] ?? '1');
if (!(scale > 0)) throw new Error('PAXGUARD_BENCH_SCALE must be a positive number');
const PROFILES = 100;
const TRAVELLERS = Math.round(1_000_000 * scale);
const CHUNK = 100_000;
const BASELINE_SAMPLE = Math.max(200, Math.round(2_000 * Math.min(1, scale)));
const NOW = new Date('2026-03-01T00:00:00Z');
const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');

const profiles = syntheticProfiles(mulberry32(42), PROFILES);
const t0 = performance.now();
const compiled: CompiledProfile[] = profiles.map((p) => {
  const c = compileProfile(p);
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  return c.value;
});
const compileMs = performance.now() - t0;
const active = compiled.filter((c) => isActive(c.profile, NOW));
const ruleCount = active.reduce((s, c) => s + c.profile.rules.length, 0);

console.log(
  `profiles benchmark — scale ${scale}: ${active.length} active profiles (${ruleCount} rules), ${fmt(TRAVELLERS)} seeded synthetic travellers, one core (Node ${process.version} main thread)`,
);
console.log(
  `  compile ${active.length} profiles (validate + closures): ${compileMs.toFixed(1)} ms`,
);

// Features are generated in chunks outside the timed section so memory stays bounded.
const rng = mulberry32(7);
let evalMs = 0;
let hits = 0;
let flaggedTravellers = 0;
let firedRules = 0;
let explanationChars = 0;
for (let done = 0; done < TRAVELLERS; done += CHUNK) {
  const chunk = featureChunk(rng, Math.min(CHUNK, TRAVELLERS - done));
  const start = performance.now();
  for (const f of chunk) {
    let flagged = false;
    // One vector per traveller (timed), shared by every profile.
    const v = toFeatureVector(f);
    for (const p of active) {
      const ev = p.evaluateVector(v);
      if (ev.hit) {
        hits++;
        flagged = true;
        // A hit becomes a finding, so its explanations are built here, inside the timing.
        for (const r of ev.fired) explanationChars += r.explanation.length;
        firedRules += ev.fired.length;
      }
    }
    if (flagged) flaggedTravellers++;
  }
  evalMs += performance.now() - start;
}
const perMinute = (TRAVELLERS / evalMs) * 60_000;
console.log(
  `  paxguard compiled predicates: ${fmt(TRAVELLERS)} travellers × ${active.length} profiles in ${fmt(evalMs)} ms`,
);
console.log(
  `    → ${fmt(perMinute)} travellers/minute (target ≥ 1,000,000/minute: ${perMinute >= 1_000_000 ? 'met' : 'NOT met'}); ${fmt((TRAVELLERS * active.length) / (evalMs / 1000))} profile evaluations/s`,
);
console.log(
  `    hits: ${fmt(hits)} profile hits on ${fmt(flaggedTravellers)} travellers (${((flaggedTravellers / TRAVELLERS) * 100).toFixed(2)} %), ${fmt(firedRules)} fired rules on hits explained (${fmt(explanationChars)} characters)`,
);

// Baseline on a sample, extrapolated; the same sample checks that both engines agree.
const sample = featureChunk(mulberry32(7), BASELINE_SAMPLE);
const engine = buildEngine(active.map((c) => c.profile));
const b0 = performance.now();
const baselineScores: Map<string, number>[] = [];
for (const f of sample) baselineScores.push(await engineScores(engine, f));
const baselineMs = performance.now() - b0;
const basePerMinute = (BASELINE_SAMPLE / baselineMs) * 60_000;
let mismatches = 0;
sample.forEach((f, i) => {
  for (const p of active) if (p.score(f) !== (baselineScores[i]?.get(p.id) ?? 0)) mismatches++;
});
console.log(
  `  json-rules-engine 7.3.1 (same ${ruleCount} rules in one engine, one run per traveller): sample of ${fmt(BASELINE_SAMPLE)} travellers in ${fmt(baselineMs)} ms`,
);
console.log(
  `    → ${fmt(basePerMinute)} travellers/minute, extrapolated from the sample; ${fmt(TRAVELLERS)} travellers would take ~${fmt(TRAVELLERS / basePerMinute)} minutes`,
);
console.log(`  speed-up over json-rules-engine: ${(perMinute / basePerMinute).toFixed(0)}×`);
console.log(
  `  agreement on the sample: ${fmt(BASELINE_SAMPLE * active.length)} profile scores compared, ${mismatches} mismatches`,
);
if (mismatches > 0) process.exitCode = 1;
