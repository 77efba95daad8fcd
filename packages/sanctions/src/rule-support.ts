// Rule plumbing: the context rules read, per-flight lookups built once (so every rule stays
// linear in the flight's size), and the constructor that gives each finding its stable key.
import type { ArrivalOutcome } from './arrival-outcome.ts';
import type { AnswerFact, CarrierFacts, SubmissionFact } from './carrier-facts.ts';
import type { InfringementCode } from './codes.ts';
import type { Infringement, InfringementCircumstances } from './infringement.ts';
import { infringementKey } from './infringement.ts';
import { MINUTE_MS, ms } from './instant.ts';
import type { JurisdictionProfile } from './jurisdiction-schema.ts';

export interface DetectionContext {
  /** Only the API deadline is read from the profile. */
  readonly profile: Pick<JurisdictionProfile, 'deadlines'>;
  /** The caller's clock: deadlines not yet passed produce nothing. */
  readonly asOf: Date;
}

export type Rule = (f: CarrierFacts, ctx: DetectionContext, ix: FactsIndex) => Infringement[];

/** Per-flight lookups built once, so each rule stays linear in the flight's size. */
export interface FactsIndex {
  readonly answers: ReadonlyMap<string, AnswerFact | undefined>;
  readonly outcomes: ReadonlyMap<string, ArrivalOutcome[]>;
  readonly roles: ReadonlyMap<string, string>;
  readonly flown: ReadonlyMap<string, string[]>;
  readonly lists: readonly SubmissionFact[];
}

export function indexFacts(f: CarrierFacts): FactsIndex {
  const dep = ms(f.flight.departureUtc);
  const answers = new Map<string, AnswerFact>();
  for (const a of f.answers) {
    const t = ms(a.at);
    if (t > dep) continue;
    const best = answers.get(a.travellerId);
    if (!best || t >= ms(best.at)) answers.set(a.travellerId, a);
  }
  const outcomes = new Map<string, ArrivalOutcome[]>();
  for (const o of f.outcomes) {
    const list = outcomes.get(o.travellerId);
    if (list) list.push(o);
    else outcomes.set(o.travellerId, [o]);
  }
  return {
    answers,
    outcomes,
    roles: new Map(f.travellers.map((t) => [t.id, t.role] as const)),
    flown: flownTravellers(f),
    lists: passengerLists(f),
  };
}

export function makeInfringement(
  f: CarrierFacts,
  code: InfringementCode,
  args: {
    travellerId?: string;
    persons?: number;
    evidence: string[];
    message: string;
    circumstances?: InfringementCircumstances;
  },
): Infringement {
  return {
    key: infringementKey(code, f.flight.key, args.travellerId),
    code,
    carrier: f.flight.carrier,
    flightKey: f.flight.key,
    occurredAt: f.flight.departureUtc,
    travellerId: args.travellerId,
    persons: args.persons ?? 1,
    evidence: [...new Set(args.evidence)],
    message: args.message,
    circumstances: args.circumstances ?? {},
  };
}

/** The answer in force when the flight left: the latest one given at or before departure. */
export function answerAtDeparture(f: CarrierFacts, travellerId: string): AnswerFact | undefined {
  const dep = ms(f.flight.departureUtc);
  let best: AnswerFact | undefined;
  for (const a of f.answers)
    if (a.travellerId === travellerId && ms(a.at) <= dep && (!best || ms(a.at) >= ms(best.at)))
      best = a;
  return best;
}

/** Travellers shown to have flown: an arrival outcome or an on-board flight-close list. */
function flownTravellers(f: CarrierFacts): Map<string, string[]> {
  const flown = new Map<string, string[]>();
  for (const o of f.outcomes) {
    const ev = flown.get(o.travellerId);
    if (ev) ev.push(o.id);
    else flown.set(o.travellerId, [o.id]);
  }
  for (const t of f.travellers)
    if (t.boarded)
      flown.set(t.id, [
        ...(flown.get(t.id) ?? []),
        ...(t.boardedEvidenceId ? [t.boardedEvidenceId] : []),
      ]);
  return flown;
}

export function passengerLists(f: CarrierFacts): SubmissionFact[] {
  return f.submissions
    .filter((s) => s.kind === 'manifest' && s.listType === 'passenger')
    .sort((a, b) => ms(a.receivedAt) - ms(b.receivedAt) || a.id.localeCompare(b.id));
}

export function apiDeadline(f: CarrierFacts, ctx: DetectionContext): number {
  return ms(f.flight.departureUtc) - ctx.profile.deadlines.api.minutesBeforeDeparture * MINUTE_MS;
}
