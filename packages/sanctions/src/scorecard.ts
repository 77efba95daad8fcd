// Carrier scorecards per period, aggregated purely from flight facts and cases, and the
// performance tier (e.g. Canada's memorandum of understanding) a scorecard earns.
import type { SanctionCase } from './case-model.ts';
import type { CarrierFacts } from './carrier-facts.ts';
import type { DetectionContext } from './infringement-rules.ts';
import { detectInfringements } from './infringement-rules.ts';
import { indexFacts } from './rule-support.ts';
import { ms } from './instant.ts';
import type { JurisdictionProfile, PerformanceTier } from './jurisdiction-schema.ts';

export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator, or null when there is nothing to measure. */
  readonly value: number | null;
}

function rate(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

export interface Scorecard {
  readonly carrier: string;
  readonly period: { from: string; to: string };
  readonly flights: number;
  readonly passengers: number;
  /** Flights whose passenger data arrived by the deadline, of flights that departed. */
  readonly apiTimeliness: Ratio;
  /** Flights whose data at the deadline was complete, of flights with data. */
  readonly apiCompleteness: Ratio;
  readonly improperlyDocumented: number;
  readonly improperlyDocumentedPer10k: number | null;
  /** No-board answers in force at departure that were respected. */
  readonly noBoardCompliance: Ratio;
  readonly sanctions: { issued: number; decided: number; paid: number; contested: number };
}

export function buildScorecard(args: {
  carrier: string;
  period: { from: string; to: string };
  flights: readonly CarrierFacts[];
  cases: readonly SanctionCase[];
  profile: DetectionContext['profile'];
  asOf: Date;
}): Scorecard {
  const inPeriod = (iso: string) => ms(iso) >= ms(args.period.from) && ms(iso) < ms(args.period.to);
  const flights = args.flights.filter(
    (f) => f.flight.carrier === args.carrier && inPeriod(f.flight.departureUtc),
  );
  let passengers = 0;
  let onTime = 0;
  let withData = 0;
  let complete = 0;
  let improperly = 0;
  let noBoard = 0;
  let noBoardBroken = 0;
  for (const f of flights) {
    const infs = detectInfringements(f, { profile: args.profile, asOf: args.asOf });
    const has = (code: string) => infs.some((i) => i.code === code);
    passengers += f.travellers.filter((t) => t.role.includes('passenger')).length;
    if (!has('API_NOT_TRANSMITTED') && !has('API_LATE')) onTime++;
    if (f.submissions.some((s) => s.kind === 'manifest' && s.listType === 'passenger')) {
      withData++;
      if (!has('API_INCOMPLETE')) complete++;
    }
    improperly += infs.filter((i) => i.code === 'IMPROPERLY_DOCUMENTED_CARRIED').length;
    for (const a of indexFacts(f).answers.values()) if (a?.answer === 'no-board') noBoard++;
    noBoardBroken += infs.filter((i) => i.code === 'NO_BOARD_IGNORED').length;
  }
  const cases = args.cases.filter((c) => c.carrier === args.carrier && inPeriod(c.createdAt));
  const reached = (c: SanctionCase, cmd: string) => c.history.some((h) => h.command === cmd);
  return {
    carrier: args.carrier,
    period: args.period,
    flights: flights.length,
    passengers,
    apiTimeliness: rate(onTime, flights.length),
    apiCompleteness: rate(complete, withData),
    improperlyDocumented: improperly,
    improperlyDocumentedPer10k: passengers === 0 ? null : (improperly / passengers) * 10_000,
    noBoardCompliance: rate(noBoard - noBoardBroken, noBoard),
    sanctions: {
      issued: cases.filter((c) => reached(c, 'issue-notice')).length,
      decided: cases.filter((c) => c.decision !== undefined).length,
      paid: cases.filter((c) => c.payment !== undefined).length,
      contested: cases.filter((c) => c.answer !== undefined || c.appeal !== undefined).length,
    },
  };
}

/**
 * The best performance tier the scorecard earns under the profile (tiers listed best first),
 * or undefined when the profile has none or the carrier meets none, or there is nothing measured.
 */
export function performanceTier(
  s: Scorecard,
  profile: Pick<JurisdictionProfile, 'performanceTiers'>,
): PerformanceTier | undefined {
  const per10k = s.improperlyDocumentedPer10k;
  if (per10k === null) return undefined;
  const completeness = s.apiCompleteness.value ?? 0;
  return profile.performanceTiers?.tiers.find(
    (t) =>
      (t.maxImproperlyDocumentedPer10k === undefined ||
        per10k <= t.maxImproperlyDocumentedPer10k) &&
      (t.maxImproperlyDocumented === undefined ||
        s.improperlyDocumented <= t.maxImproperlyDocumented) &&
      completeness >= t.minApiCompleteness,
  );
}
