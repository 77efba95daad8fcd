// Test helper: build one flight's facts tersely, with times in minutes relative to departure.
import type { ArrivalOutcome, RefusalGround } from '../src/arrival-outcome.ts';
import type { AnswerFact, CarrierFacts, DocumentVerdictFact } from '../src/carrier-facts.ts';

export const DEP = Date.parse('2026-03-01T10:00:00Z');
export const ARR = DEP + 6 * 3_600_000;
export const at = (minutesFromDeparture: number) =>
  new Date(DEP + minutesFromDeparture * 60_000).toISOString();
export const KEY = 'XY101/2026-03-01';

export function facts(
  partial: Partial<CarrierFacts> = {},
  travellers = ['P1', 'P2'],
): CarrierFacts {
  return {
    flight: {
      key: KEY,
      carrier: 'XY',
      number: '101',
      departureUtc: at(0),
      arrivalUtc: new Date(ARR).toISOString(),
    },
    travellers: travellers.map((id) => ({ id, role: 'passenger' as const })),
    submissions: [
      {
        id: 'msg-1',
        kind: 'manifest',
        listType: 'passenger',
        receivedAt: at(-120),
        declaredCount: travellers.length,
        travellerIds: travellers,
        missingElements: [],
      },
    ],
    answers: [],
    documentVerdicts: [],
    returnRequests: [],
    outcomes: [],
    ...partial,
  };
}

const afterArrival = (m: number) => new Date(ARR + m * 60_000).toISOString();

export function refused(
  travellerId: string,
  ground: RefusalGround,
  id = `out-${travellerId}`,
): ArrivalOutcome {
  return {
    id,
    kind: 'refused-entry',
    ground,
    flightKey: KEY,
    travellerId,
    recordedAt: afterArrival(30),
    recordedBy: 'officer',
    apiDiscrepancies: [],
  };
}
export function claimed(travellerId: string, id = `claim-${travellerId}`): ArrivalOutcome {
  return {
    id,
    kind: 'protection-claim',
    flightKey: KEY,
    travellerId,
    recordedAt: afterArrival(45),
    recordedBy: 'officer',
    apiDiscrepancies: [],
  };
}
export function admitted(travellerId: string, extra: Partial<ArrivalOutcome> = {}): ArrivalOutcome {
  return {
    id: `adm-${travellerId}`,
    kind: 'admitted',
    flightKey: KEY,
    travellerId,
    recordedAt: afterArrival(20),
    recordedBy: 'officer',
    apiDiscrepancies: [],
    ...extra,
  } as ArrivalOutcome;
}
export function removed(
  travellerId: string,
  returningCarrier: string,
  minor: number,
  currency = 'EUR',
  afterDays = 2,
): ArrivalOutcome {
  return {
    id: `rem-${travellerId}`,
    kind: 'removed',
    flightKey: KEY,
    travellerId,
    recordedAt: afterArrival(afterDays * 1440),
    removedAt: afterArrival(afterDays * 1440),
    recordedBy: 'officer',
    returningCarrier,
    cost: { minor, currency },
    apiDiscrepancies: [],
  };
}
export function answer(
  travellerId: string,
  a: AnswerFact['answer'],
  minutes: number,
  id = `ans-${travellerId}-${minutes}`,
): AnswerFact {
  return { id, travellerId, answer: a, at: at(minutes) };
}
export function verdict(
  travellerId: string,
  falsityReasonablyApparent: boolean,
  producedAtBoarding = true,
): DocumentVerdictFact {
  return {
    id: `ver-${travellerId}`,
    travellerId,
    at: at(-60),
    verdict: 'invalid',
    producedAtBoarding,
    falsityReasonablyApparent,
  };
}
