// Benchmark: infringement detection, penalty computation, drafting and scorecards over seeded
// synthetic traffic. PAXGUARD_BENCH_SCALE=0.1 for a quick run. Issue #7 names no numeric
// baseline, so each stage is printed next to an in-run floor: one plain pass over the same data.
import { performance } from 'node:perf_hooks';
import type { ArrivalOutcome } from '../src/arrival-outcome.ts';
import type { CarrierFacts } from '../src/carrier-facts.ts';
import { DOCUMENTED_PATHS, walkPath } from '../src/case-demo.ts';
import { draftCases } from '../src/case-drafting.ts';
import { detectInfringements } from '../src/infringement-rules.ts';
import { computePenalty } from '../src/penalty-calculator.ts';
import { buildScorecard } from '../src/scorecard.ts';
import { loadProfile } from '../test-support/profiles.ts';

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

const scale = Number(process.env.PAXGUARD_BENCH_SCALE ?? '1');
const FLIGHTS = Math.max(100, Math.round(5_000 * scale));
const PAX = 150;
const rnd = mulberry32(7);
const profile = loadProfile('eu-2001-51-per-person');
const api = loadProfile('eu-api');
const base = Date.parse('2026-03-01T00:00:00Z');
const iso = (t: number) => new Date(t).toISOString();

function flight(n: number): CarrierFacts {
  const carrier = ['XY', 'ZZ', 'AB', 'CD'][n % 4] ?? 'XY';
  const dep = base + Math.floor(rnd() * 28 * 86_400_000);
  const arr = dep + 6 * 3_600_000;
  const key = `${carrier}${n}/${iso(dep).slice(0, 10)}`;
  const ids = Array.from({ length: PAX }, (_, i) => `${n}-${i}`);
  const outcomes: ArrivalOutcome[] = [];
  const answers: CarrierFacts['answers'] = [];
  for (const id of ids) {
    const r = rnd();
    answers.push({
      id: `a-${id}`,
      travellerId: id,
      answer: r < 0.002 ? 'no-board' : 'board',
      at: iso(dep - 3_600_000),
    });
    const common = {
      flightKey: key,
      travellerId: id,
      recordedAt: iso(arr + 1_800_000),
      recordedBy: 'o',
      apiDiscrepancies: [],
    };
    if (r < 0.001)
      outcomes.push({
        ...common,
        id: `o-${id}`,
        kind: 'refused-entry',
        ground: 'no-visa-or-travel-authorisation',
      });
    else if (r < 0.0015) outcomes.push({ ...common, id: `c-${id}`, kind: 'protection-claim' });
    else outcomes.push({ ...common, id: `o-${id}`, kind: 'admitted' });
  }
  const late = rnd() < 0.05;
  return {
    flight: { key, carrier, number: String(n), departureUtc: iso(dep), arrivalUtc: iso(arr) },
    travellers: ids.map((id) => ({ id, role: 'passenger' as const })),
    submissions:
      rnd() < 0.01
        ? []
        : [
            {
              id: `m-${n}`,
              kind: 'manifest',
              listType: 'passenger',
              receivedAt: iso(dep + (late ? 600_000 : -3_600_000)),
              declaredCount: rnd() < 0.02 ? PAX + 1 : PAX,
              travellerIds: ids,
              missingElements: [],
            },
          ],
    answers,
    documentVerdicts: [],
    returnRequests: [],
    outcomes,
  };
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

const [flights, genMs] = time(() => Array.from({ length: FLIGHTS }, (_, i) => flight(i)));
const asOf = new Date(base + 60 * 86_400_000);
console.log(
  `sanctions bench: ${FLIGHTS} flights × ${PAX} passengers (${FLIGHTS * PAX} travellers), scale ${scale}; generated in ${genMs.toFixed(0)} ms`,
);

// Floor: one pass touching every outcome and answer, the least any detector must do.
const [, floorMs] = time(() => {
  let n = 0;
  for (const f of flights) {
    for (const o of f.outcomes) if (o.kind === 'refused-entry') n++;
    for (const a of f.answers) if (a.answer === 'no-board') n++;
  }
  return n;
});
const [infs, detectMs] = time(() =>
  flights.flatMap((f) => detectInfringements(f, { profile: api, asOf })),
);
const [, computeMs] = time(() => {
  let total = 0;
  for (const f of flights) {
    const mine = infs.filter((i) => i.flightKey === f.flight.key);
    if (!mine.length) continue;
    const r = computePenalty(mine, profile);
    if (r.ok) total += r.value.total.minor;
  }
  return total;
});
// computePenalty above filters per flight (O(flights × infringements)); measure computation alone too.
const byFlight = new Map<string, typeof infs>();
for (const i of infs) byFlight.set(i.flightKey, [...(byFlight.get(i.flightKey) ?? []), i]);
const [, computeOnlyMs] = time(() => {
  for (const list of byFlight.values()) computePenalty(list, profile);
});
const [drafts, draftMs] = time(() => {
  let n = 0;
  const r = draftCases(infs, {
    grouping: 'flight',
    profile,
    newId: () => `c${++n}`,
    at: asOf,
    actor: { role: 'regulator', id: 'r' },
  });
  return r.ok ? r.value : [];
});
const actors = {
  regulator: { role: 'regulator' as const, id: 'r' },
  supervisor: { role: 'supervisor' as const, id: 's' },
  carrier: { role: 'carrier' as const, id: 'c', carrier: 'XY' },
};
const toWalk = drafts.filter((c) => c.carrier === 'XY' && c.proposed.minor > 0).slice(0, 2000);
const [, walkMs] = time(() =>
  toWalk.forEach((c) => walkPath(c, DOCUMENTED_PATHS.closed, asOf, actors)),
);
const [, scoreMs] = time(() =>
  ['XY', 'ZZ', 'AB', 'CD'].map((carrier) =>
    buildScorecard({
      carrier,
      period: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
      flights,
      cases: drafts,
      profile: api,
      asOf,
    }),
  ),
);

const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en')}/s`;
console.log(
  `baseline (floor) one pass over outcomes+answers : ${floorMs.toFixed(1)} ms  (${rate(FLIGHTS, floorMs)} flights)`,
);
console.log(
  `detectInfringements, all rules                   : ${detectMs.toFixed(1)} ms  (${rate(FLIGHTS, detectMs)} flights; ${(detectMs / floorMs).toFixed(1)}× floor; ${infs.length} infringements)`,
);
console.log(`computePenalty per flight (incl. naive grouping) : ${computeMs.toFixed(1)} ms`);
console.log(
  `computePenalty per flight (pre-grouped)          : ${computeOnlyMs.toFixed(1)} ms  (${rate(byFlight.size, computeOnlyMs)} computations)`,
);
console.log(
  `draftCases (per flight)                          : ${draftMs.toFixed(1)} ms  (${drafts.length} drafts)`,
);
console.log(
  `walk ${toWalk.length} cases draft→closed (8 transitions each) : ${walkMs.toFixed(1)} ms  (${rate(toWalk.length * 8, walkMs)} transitions)`,
);
console.log(`buildScorecard × 4 carriers × 1 month            : ${scoreMs.toFixed(1)} ms`);
console.log(
  'Issue #7 sets no numeric baseline; numbers measured on a shared 2-core machine are pessimistic.',
);
