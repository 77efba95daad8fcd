// Pure, explained infringement rules over one flight's facts. Each rule names the facts it
// rests on; running detection twice on the same facts yields the same keys (idempotent).
import type { ArrivalOutcome } from './arrival-outcome.ts';
import { DOCUMENT_GROUNDS } from './arrival-outcome.ts';
import type { AnswerFact, CarrierFacts, SubmissionFact } from './carrier-facts.ts';
import type { InfringementCode } from './codes.ts';
import type { Infringement, InfringementCircumstances } from './infringement.ts';
import { infringementKey } from './infringement.ts';
import { MINUTE_MS, ms } from './instant.ts';
import type { JurisdictionProfile } from './jurisdiction-schema.ts';
import { formatMoney } from './money.ts';

export interface DetectionContext {
  /** Only the API deadline is read from the profile. */
  readonly profile: Pick<JurisdictionProfile, 'deadlines'>;
  /** The caller's clock: deadlines not yet passed produce nothing. */
  readonly asOf: Date;
}

type Rule = (f: CarrierFacts, ctx: DetectionContext, ix: FactsIndex) => Infringement[];

/** Per-flight lookups built once, so each rule stays linear in the flight's size. */
interface FactsIndex {
  readonly answers: ReadonlyMap<string, AnswerFact | undefined>;
  readonly outcomes: ReadonlyMap<string, ArrivalOutcome[]>;
  readonly roles: ReadonlyMap<string, string>;
  readonly flown: ReadonlyMap<string, string[]>;
  readonly lists: readonly SubmissionFact[];
}

function indexFacts(f: CarrierFacts): FactsIndex {
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

const GROUND_TEXT: Record<string, string> = {
  'no-valid-travel-document': 'no valid travel document',
  'no-visa-or-travel-authorisation': 'no visa or travel authorisation',
  'false-or-falsified-document': 'a false or falsified document',
  impostor: 'an impostor using another person’s document',
};

function make(
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

const improperlyDocumented: Rule = (f, _ctx, ix) => {
  const out: Infringement[] = [];
  const seen = new Set<string>();
  for (const o of f.outcomes) {
    if (
      o.kind !== 'refused-entry' ||
      !DOCUMENT_GROUNDS.includes(o.ground) ||
      seen.has(o.travellerId)
    )
      continue;
    seen.add(o.travellerId);
    const claim = ix.outcomes.get(o.travellerId)?.find((x) => x.kind === 'protection-claim');
    const answer = ix.answers.get(o.travellerId);
    const falseDoc = o.ground === 'false-or-falsified-document' || o.ground === 'impostor';
    const verdict = falseDoc
      ? f.documentVerdicts.find(
          (d) =>
            d.travellerId === o.travellerId &&
            d.producedAtBoarding &&
            d.falsityReasonablyApparent === false,
        )
      : undefined;
    out.push(
      make(f, 'IMPROPERLY_DOCUMENTED_CARRIED', {
        travellerId: o.travellerId,
        evidence: [
          o.id,
          ...(claim ? [claim.id] : []),
          ...(answer ? [answer.id] : []),
          ...(verdict ? [verdict.id] : []),
        ],
        message: `${f.flight.key}: the carrier brought traveller ${o.travellerId}, refused entry at arrival for ${GROUND_TEXT[o.ground] ?? o.ground} (outcome ${o.id}).`,
        circumstances: {
          protectionClaimId: claim?.id,
          okToBoardAnswerId: answer?.answer === 'board' ? answer.id : undefined,
          falsityNotApparentVerdictId: verdict?.id,
        },
      }),
    );
  }
  return out;
};

const noBoardIgnored: Rule = (f, _ctx, ix) => {
  const out: Infringement[] = [];
  for (const [travellerId, flownEvidence] of ix.flown) {
    const answer = ix.answers.get(travellerId);
    if (answer?.answer !== 'no-board') continue;
    out.push(
      make(f, 'NO_BOARD_IGNORED', {
        travellerId,
        evidence: [answer.id, ...flownEvidence],
        message: `${f.flight.key}: traveller ${travellerId} flew although a do-not-board answer (${answer.id}, ${answer.at}) was in force at departure.`,
      }),
    );
  }
  return out;
};

function passengerLists(f: CarrierFacts): SubmissionFact[] {
  return f.submissions
    .filter((s) => s.kind === 'manifest' && s.listType === 'passenger')
    .sort((a, b) => ms(a.receivedAt) - ms(b.receivedAt) || a.id.localeCompare(b.id));
}

function apiDeadline(f: CarrierFacts, ctx: DetectionContext): number {
  return ms(f.flight.departureUtc) - ctx.profile.deadlines.api.minutesBeforeDeparture * MINUTE_MS;
}

const apiNotTransmitted: Rule = (f, ctx, ix) => {
  if (ctx.asOf.getTime() <= apiDeadline(f, ctx) || ix.lists.length > 0) return [];
  const flown = ix.flown;
  const persons = Math.max(
    flown.size,
    f.travellers.filter((t) => t.role.includes('passenger')).length,
    1,
  );
  return [
    make(f, 'API_NOT_TRANSMITTED', {
      persons,
      evidence: [...flown.values()].flat(),
      message: `${f.flight.key}: no passenger data was received for the flight (${persons} traveller(s) known).`,
    }),
  ];
};

const apiLate: Rule = (f, ctx, ix) => {
  const first = ix.lists[0];
  const deadline = apiDeadline(f, ctx);
  if (!first || ms(first.receivedAt) <= deadline) return [];
  const late = Math.ceil((ms(first.receivedAt) - deadline) / MINUTE_MS);
  return [
    make(f, 'API_LATE', {
      evidence: [first.id],
      message: `${f.flight.key}: the first passenger list (${first.id}) arrived ${late} minute(s) after the deadline of ${new Date(deadline).toISOString()}.`,
    }),
  ];
};

const apiIncomplete: Rule = (f, ctx, ix) => {
  const lists = ix.lists;
  const onTime = lists.filter((s) => ms(s.receivedAt) <= apiDeadline(f, ctx));
  const judged = onTime.length ? onTime : lists.slice(0, 1);
  const latest = judged[judged.length - 1];
  if (!latest) return [];
  const reasons: string[] = [];
  const affected = new Set<string>();
  if (latest.declaredCount !== undefined && latest.declaredCount !== latest.travellerIds.length)
    reasons.push(
      `declared ${latest.declaredCount} traveller(s) but listed ${latest.travellerIds.length}`,
    );
  if (latest.missingElements.length) {
    const elements = [...new Set(latest.missingElements.map((m) => m.element))].sort();
    reasons.push(`required element(s) missing: ${elements.join(', ')}`);
    for (const m of latest.missingElements) if (m.travellerId) affected.add(m.travellerId);
  }
  const listed = new Set(judged.flatMap((s) => s.travellerIds));
  const omitted: string[] = [];
  const omittedEvidence: string[] = [];
  for (const [id, ev] of ix.flown) {
    const role = ix.roles.get(id) ?? 'passenger';
    if (!role.includes('passenger') || listed.has(id)) continue;
    omitted.push(id);
    omittedEvidence.push(...ev);
    affected.add(id);
  }
  if (omitted.length)
    reasons.push(`traveller(s) who flew but were not listed: ${omitted.sort().join(', ')}`);
  if (!reasons.length) return [];
  return [
    make(f, 'API_INCOMPLETE', {
      persons: Math.max(affected.size, 1),
      evidence: [...judged.map((s) => s.id), ...omittedEvidence],
      message: `${f.flight.key}: passenger data as it stood at the deadline was incomplete: ${reasons.join('; ')}.`,
    }),
  ];
};

const apiIncorrect: Rule = (f, _ctx, ix) => {
  const out: Infringement[] = [];
  const seen = new Set<string>();
  for (const o of f.outcomes) {
    if (!o.apiDiscrepancies.length || seen.has(o.travellerId)) continue;
    seen.add(o.travellerId);
    const what = o.apiDiscrepancies.map(
      (d) => `${d.element} reported "${d.reported}", seen "${d.observed}"`,
    );
    out.push(
      make(f, 'API_INCORRECT', {
        travellerId: o.travellerId,
        evidence: [
          o.id,
          ...ix.lists.filter((s) => s.travellerIds.includes(o.travellerId)).map((s) => s.id),
        ],
        message: `${f.flight.key}: data for traveller ${o.travellerId} was contradicted at arrival (${what.join('; ')}).`,
      }),
    );
  }
  return out;
};

const returnNotMet: Rule = (f, ctx, ix) => {
  const out = new Map<string, Infringement>();
  const carrier = f.flight.carrier;
  for (const r of f.returnRequests) {
    const removals = (ix.outcomes.get(r.travellerId) ?? []).filter((o) => o.kind === 'removed');
    const met = removals.some(
      (o) => o.returningCarrier === carrier && ms(o.removedAt) <= ms(r.dueBy),
    );
    if (met || ctx.asOf.getTime() <= ms(r.dueBy)) continue;
    const byOther = removals.find((o) => o.returningCarrier !== carrier);
    out.set(
      r.travellerId,
      make(f, 'RETURN_OBLIGATION_NOT_MET', {
        travellerId: r.travellerId,
        evidence: [r.id, ...removals.map((o) => o.id)],
        message: `${f.flight.key}: the carrier did not take back traveller ${r.travellerId} by ${r.dueBy} (request ${r.id})${byOther ? `; ${byOther.returningCarrier} returned them at a cost of ${formatMoney(byOther.cost)}` : ''}.`,
        circumstances: byOther ? { costsIncurred: byOther.cost } : {},
      }),
    );
  }
  for (const o of f.outcomes) {
    if (
      o.kind !== 'removed' ||
      o.returningCarrier === carrier ||
      out.has(o.travellerId) ||
      o.cost.minor === 0
    )
      continue;
    if (!ix.outcomes.get(o.travellerId)?.some((x) => x.kind === 'refused-entry')) continue;
    out.set(
      o.travellerId,
      make(f, 'RETURN_OBLIGATION_NOT_MET', {
        travellerId: o.travellerId,
        evidence: [o.id],
        message: `${f.flight.key}: traveller ${o.travellerId}, refused entry, was returned by ${o.returningCarrier} instead of the carrier, at a cost of ${formatMoney(o.cost)}.`,
        circumstances: { costsIncurred: o.cost },
      }),
    );
  }
  return [...out.values()];
};

/** Every rule, in a fixed order, with what it checks (shown in the console and the README). */
export const INFRINGEMENT_RULES: readonly {
  code: InfringementCode;
  rule: Rule;
  explains: string;
}[] = [
  {
    code: 'IMPROPERLY_DOCUMENTED_CARRIED',
    rule: improperlyDocumented,
    explains: 'a traveller refused entry on a document ground the carrier could have checked',
  },
  {
    code: 'NO_BOARD_IGNORED',
    rule: noBoardIgnored,
    explains: 'the answer in force at departure was no-board and the traveller flew',
  },
  {
    code: 'API_NOT_TRANSMITTED',
    rule: apiNotTransmitted,
    explains: 'no passenger list received and the deadline has passed',
  },
  {
    code: 'API_LATE',
    rule: apiLate,
    explains: 'the first passenger list arrived after the deadline',
  },
  {
    code: 'API_INCOMPLETE',
    rule: apiIncomplete,
    explains:
      'at the deadline: count mismatch, missing required elements, or travellers who flew unlisted',
  },
  {
    code: 'API_INCORRECT',
    rule: apiIncorrect,
    explains: 'reported data contradicted by the officer at arrival',
  },
  {
    code: 'RETURN_OBLIGATION_NOT_MET',
    rule: returnNotMet,
    explains: 'a return not performed by its due date, or performed by another carrier at a cost',
  },
];

/** Run every rule over one flight's facts; the result is sorted by key, so identical facts give identical output. */
export function detectInfringements(facts: CarrierFacts, ctx: DetectionContext): Infringement[] {
  const ix = indexFacts(facts);
  return INFRINGEMENT_RULES.flatMap((r) => r.rule(facts, ctx, ix)).sort((a, b) =>
    a.key.localeCompare(b.key),
  );
}
