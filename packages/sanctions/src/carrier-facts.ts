// The facts about one flight that infringement rules read: schedule, submissions received,
// answers given to the carrier, document verdicts at boarding, arrival outcomes, return requests.
// The caller assembles them from its stores; this module only validates their shape and coherence.
import { BoardingAnswer, CarrierCode } from '@paxguard/domain';
import { z } from 'zod';
import type { ArrivalOutcome } from './arrival-outcome.ts';
import { Instant, ms } from './instant.ts';
import type { Problem, Result } from './problem.ts';
import { ok, problemsFromZod } from './problem.ts';

export const FlightFacts = z.object({
  key: z.string().min(1),
  carrier: CarrierCode,
  number: z.string().min(1),
  departureUtc: Instant,
  arrivalUtc: Instant,
});
export type FlightFacts = z.infer<typeof FlightFacts>;

export const TravellerFact = z.object({
  id: z.string().min(1),
  role: z.enum(['passenger', 'crew', 'transit-passenger', 'transit-crew']),
  /** Set from a flight-close-on-board list: the traveller was on board. */
  boarded: z.boolean().optional(),
  /** The message that says so (raw message id), for evidence. */
  boardedEvidenceId: z.string().optional(),
});
export type TravellerFact = z.infer<typeof TravellerFact>;

export const SubmissionFact = z.object({
  /** The archived raw message id: the evidence a notice points to. */
  id: z.string().min(1),
  kind: z.enum(['manifest', 'pnr']),
  listType: z.enum(['passenger', 'crew']).default('passenger'),
  receivedAt: Instant,
  /** CNT as the carrier declared it. */
  declaredCount: z.number().int().nonnegative().optional(),
  travellerIds: z.array(z.string().min(1)),
  /** Required elements the jurisdiction asks for that this message left out. */
  missingElements: z
    .array(z.object({ travellerId: z.string().optional(), element: z.string().min(1) }))
    .default([]),
});
export type SubmissionFact = z.infer<typeof SubmissionFact>;

export const AnswerFact = z.object({
  /** The directive / CUSRES id. */
  id: z.string().min(1),
  travellerId: z.string().min(1),
  answer: BoardingAnswer,
  at: Instant,
});
export type AnswerFact = z.infer<typeof AnswerFact>;

export const DocumentVerdictFact = z.object({
  id: z.string().min(1),
  travellerId: z.string().min(1),
  at: Instant,
  verdict: z.enum(['valid', 'invalid', 'not-checked']),
  /** The traveller showed the document to the carrier at boarding. */
  producedAtBoarding: z.boolean(),
  /** An officer's finding: could a carrier's agent reasonably have seen it was false? */
  falsityReasonablyApparent: z.boolean().optional(),
});
export type DocumentVerdictFact = z.infer<typeof DocumentVerdictFact>;

export const ReturnRequestFact = z.object({
  id: z.string().min(1),
  travellerId: z.string().min(1),
  requestedAt: Instant,
  dueBy: Instant,
});
export type ReturnRequestFact = z.infer<typeof ReturnRequestFact>;

const CarrierFactsShape = z.object({
  flight: FlightFacts,
  travellers: z.array(TravellerFact).default([]),
  submissions: z.array(SubmissionFact).default([]),
  answers: z.array(AnswerFact).default([]),
  documentVerdicts: z.array(DocumentVerdictFact).default([]),
  returnRequests: z.array(ReturnRequestFact).default([]),
});

/** Outcomes are validated one by one on entry (validateArrivalOutcome); here they are taken as such. */
export type CarrierFacts = z.infer<typeof CarrierFactsShape> & {
  outcomes: readonly ArrivalOutcome[];
};

/** Validate the shape and the internal references of a facts bundle. */
export function parseCarrierFacts(
  input: unknown,
  outcomes: readonly ArrivalOutcome[] = [],
): Result<CarrierFacts> {
  const parsed = CarrierFactsShape.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: problemsFromZod(parsed.error.issues, 'FACTS_INVALID') };
  const f = parsed.data;
  const problems: Problem[] = [];
  const known = new Set(f.travellers.map((t) => t.id));
  const ref = (id: string, where: string) => {
    if (!known.has(id))
      problems.push({
        code: 'UNKNOWN_TRAVELLER',
        message: `traveller ${id} is not in travellers`,
        where,
      });
  };
  if (ms(f.flight.arrivalUtc) < ms(f.flight.departureUtc))
    problems.push({
      code: 'FLIGHT_ARRIVES_BEFORE_DEPARTURE',
      message: `flight ${f.flight.key} arrives before it departs`,
      where: 'flight.arrivalUtc',
    });
  f.answers.forEach((a, i) => ref(a.travellerId, `answers.${i}.travellerId`));
  f.documentVerdicts.forEach((d, i) => ref(d.travellerId, `documentVerdicts.${i}.travellerId`));
  f.returnRequests.forEach((r, i) => ref(r.travellerId, `returnRequests.${i}.travellerId`));
  outcomes.forEach((o, i) => {
    ref(o.travellerId, `outcomes.${i}.travellerId`);
    if (o.flightKey !== f.flight.key)
      problems.push({
        code: 'UNKNOWN_FLIGHT',
        message: `outcome ${o.id} names flight ${o.flightKey}, not ${f.flight.key}`,
        where: `outcomes.${i}.flightKey`,
      });
  });
  if (problems.length) return { ok: false, problems };
  return ok({ ...f, outcomes });
}
