// Pure, explained infringement rules over one flight's facts. Each rule names the facts it
// rests on; running detection twice on the same facts yields the same keys (idempotent).
import { DOCUMENT_GROUNDS } from './arrival-outcome.ts';
import { apiIncomplete, apiIncorrect, apiLate, apiNotTransmitted } from './api-rules.ts';
import type { CarrierFacts } from './carrier-facts.ts';
import type { InfringementCode } from './codes.ts';
import type { Infringement } from './infringement.ts';
import { ms } from './instant.ts';
import { formatMoney } from './money.ts';
import type { DetectionContext, Rule } from './rule-support.ts';
import { indexFacts, makeInfringement as make } from './rule-support.ts';

export type { DetectionContext } from './rule-support.ts';
export { answerAtDeparture } from './rule-support.ts';

const GROUND_TEXT: Record<string, string> = {
  'no-valid-travel-document': 'no valid travel document',
  'no-visa-or-travel-authorisation': 'no visa or travel authorisation',
  'false-or-falsified-document': 'a false or falsified document',
  impostor: 'an impostor using another person’s document',
};

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
    // An OK to board given on data the officer found wrong was not relied on in good faith.
    const contradicted = ix.outcomes.get(o.travellerId)?.some((x) => x.apiDiscrepancies.length > 0);
    const falseDoc = o.ground === 'false-or-falsified-document' || o.ground === 'impostor';
    // Produced at boarding: a false document whose falsity was not reasonably apparent, or a
    // document found valid at boarding (the traveller arrived without it: UK s.40(4)).
    const verdict = f.documentVerdicts.find(
      (d) =>
        d.travellerId === o.travellerId &&
        d.producedAtBoarding &&
        (falseDoc ? d.falsityReasonablyApparent === false : d.verdict === 'valid'),
    );
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
          okToBoardAnswerId: answer?.answer === 'board' && !contradicted ? answer.id : undefined,
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
