// Back-test: what a (draft) profile would have flagged in stored history, before it goes
// live, so a supervisor sees its reach and its reasons before approving it.
import { toFeatureVector } from './feature-catalogue.ts';
import type { TravellerFeatures } from './feature-catalogue.ts';
import { compileProfile } from './profile-compiler.ts';
import type { CompiledProfile, FiredRule } from './profile-compiler.ts';
import type { ProfileResult } from './profile-issues.ts';

export interface HistoryRecord {
  readonly flightKey: string;
  readonly travellerId: string;
  readonly features: TravellerFeatures;
}

export interface BacktestOptions {
  /** How many hits to keep as examples (the first ones met, in history order). Default 20. */
  readonly sampleSize?: number;
}

export interface BacktestReport {
  readonly profileId: string;
  readonly version: number;
  readonly records: number;
  /** Records without a flight key, traveller id or features object: counted, not evaluated. */
  readonly skipped: number;
  readonly travellers: number;
  readonly flights: number;
  readonly flaggedTravellers: number;
  readonly flaggedFlights: number;
  /** Flagged travellers / travellers, 0 when there were none. */
  readonly flagRate: number;
  /** Every score met, ascending, with how many records had it. */
  readonly scoreDistribution: readonly { readonly score: number; readonly count: number }[];
  /** Rules by how often they fired, on all records and on hits. */
  readonly topConditions: readonly {
    readonly ruleId: string;
    readonly fired: number;
    readonly firedOnHits: number;
  }[];
  readonly sample: readonly {
    readonly flightKey: string;
    readonly travellerId: string;
    readonly score: number;
    readonly fired: readonly FiredRule[];
  }[];
}

export function backtest(
  profile: CompiledProfile,
  history: Iterable<HistoryRecord>,
  options: BacktestOptions = {},
): BacktestReport {
  const sampleSize = Math.max(0, Math.floor(options.sampleSize ?? 20));
  const travellers = new Set<string>();
  const flights = new Set<string>();
  const flaggedTravellers = new Set<string>();
  const flaggedFlights = new Set<string>();
  const scores = new Map<number, number>();
  const ruleIds = profile.profile.rules.map((r) => r.id);
  const fired = new Map<string, { fired: number; firedOnHits: number }>(
    ruleIds.map((id) => [id, { fired: 0, firedOnHits: 0 }]),
  );
  const sample: BacktestReport['sample'][number][] = [];
  let records = 0;
  let skipped = 0;
  for (const rec of history) {
    records++;
    if (
      !rec ||
      typeof rec.flightKey !== 'string' ||
      typeof rec.travellerId !== 'string' ||
      typeof rec.features !== 'object' ||
      rec.features === null
    ) {
      skipped++;
      continue;
    }
    travellers.add(rec.travellerId);
    flights.add(rec.flightKey);
    const vector = toFeatureVector(rec.features);
    const score = profile.scoreVector(vector);
    scores.set(score, (scores.get(score) ?? 0) + 1);
    if (score === 0 && profile.profile.rules.every((r) => r.weight > 0)) continue;
    // Only records with a positive score pay for explanations.
    const ev = profile.evaluateVector(vector);
    for (const r of ev.fired) {
      const c = fired.get(r.ruleId);
      if (!c) continue;
      c.fired++;
      if (ev.hit) c.firedOnHits++;
    }
    if (!ev.hit) continue;
    flaggedTravellers.add(rec.travellerId);
    flaggedFlights.add(rec.flightKey);
    if (sample.length < sampleSize)
      sample.push({
        flightKey: rec.flightKey,
        travellerId: rec.travellerId,
        score: ev.score,
        fired: ev.fired,
      });
  }
  return {
    profileId: profile.id,
    version: profile.version,
    records,
    skipped,
    travellers: travellers.size,
    flights: flights.size,
    flaggedTravellers: flaggedTravellers.size,
    flaggedFlights: flaggedFlights.size,
    flagRate: travellers.size === 0 ? 0 : flaggedTravellers.size / travellers.size,
    scoreDistribution: [...scores]
      .sort((a, b) => a[0] - b[0])
      .map(([score, count]) => ({ score, count })),
    topConditions: [...fired]
      .map(([ruleId, c]) => ({ ruleId, ...c }))
      .sort((a, b) => b.fired - a.fired || a.ruleId.localeCompare(b.ruleId)),
    sample,
  };
}

/** Back-test straight from a profile document (text or object, any status, drafts included). */
export function backtestProfile(
  input: unknown,
  history: Iterable<HistoryRecord>,
  options: BacktestOptions = {},
): ProfileResult<BacktestReport> {
  const compiled = compileProfile(input);
  if (!compiled.ok) return compiled;
  return { ok: true, value: backtest(compiled.value, history, options) };
}
