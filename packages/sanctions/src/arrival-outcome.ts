// What happened to a traveller at arrival, as a border officer or a border-control system
// reports it, and the checks that refuse impossible or inconsistent reports with a precise reason.
import { CarrierCode, defineEvent, Topics } from '@paxguard/domain';
import { z } from 'zod';
import { Instant, ms } from './instant.ts';
import type { Money } from './money.ts';
import { currencyExponent, parseDecimalAmount } from './money.ts';
import type { Problem, Result } from './problem.ts';
import { ok, problemsFromZod } from './problem.ts';

export const RefusalGround = z.enum([
  'no-valid-travel-document',
  'no-visa-or-travel-authorisation',
  'false-or-falsified-document',
  'impostor',
  'other',
]);
export type RefusalGround = z.infer<typeof RefusalGround>;

/** Grounds a carrier could have seen at boarding: the ones that make a passenger improperly documented. */
export const DOCUMENT_GROUNDS: readonly RefusalGround[] = [
  'no-valid-travel-document',
  'no-visa-or-travel-authorisation',
  'false-or-falsified-document',
  'impostor',
];

/** A field the carrier reported that the officer found different at arrival. */
export const ApiDiscrepancy = z.object({
  element: z.string().min(1),
  reported: z.string(),
  observed: z.string(),
});

const base = {
  id: z.string().min(1),
  flightKey: z.string().min(1),
  travellerId: z.string().min(1),
  /** When the officer recorded it (UTC). */
  recordedAt: Instant,
  recordedBy: z.string().min(1),
  apiDiscrepancies: z.array(ApiDiscrepancy).default([]),
};

/** The wire form (API body, Kafka payload): money as a decimal string, exact. */
export const ArrivalOutcomeInput = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('admitted') }),
  z.object({
    ...base,
    kind: z.literal('refused-entry'),
    ground: RefusalGround,
    note: z.string().optional(),
  }),
  z.object({ ...base, kind: z.literal('protection-claim') }),
  z.object({
    ...base,
    kind: z.literal('removed'),
    removedAt: Instant,
    /** The carrier that took the person back (may differ from the one that brought them). */
    returningCarrier: CarrierCode,
    cost: z.object({ amount: z.string().min(1), currency: z.string() }),
  }),
]);
export type ArrivalOutcomeInput = z.input<typeof ArrivalOutcomeInput>;

type Parsed = z.infer<typeof ArrivalOutcomeInput>;
/** The validated form: money in minor units. */
export type ArrivalOutcome =
  | Exclude<Parsed, { kind: 'removed' }>
  | (Omit<Extract<Parsed, { kind: 'removed' }>, 'cost'> & { cost: Money });

/** The Kafka event border-control systems publish on `paxguard.arrival.outcomes`. */
export const ArrivalOutcomeRecorded = defineEvent(
  Topics.arrivalOutcomes,
  'arrival.outcome.recorded',
  1,
  ArrivalOutcomeInput,
);

export interface OutcomeContext {
  /** The flight the outcome names, as stored; undefined when no such flight is known. */
  readonly flight?: { key: string; departureUtc: string; arrivalUtc: string };
  /** Travellers known on that flight (from its manifests). */
  readonly travellerIds: ReadonlySet<string>;
  /** The currency of the jurisdiction's profile: costs must be stated in it. */
  readonly currency: string;
  /** The caller's clock: an outcome cannot be recorded in the future. */
  readonly now: Date;
}

/** Validate one reported outcome against what is known; every refusal says what and where. */
export function validateArrivalOutcome(
  input: unknown,
  ctx: OutcomeContext,
): Result<ArrivalOutcome> {
  const parsed = ArrivalOutcomeInput.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: problemsFromZod(parsed.error.issues, 'OUTCOME_INVALID') };
  const o = parsed.data;
  const problems: Problem[] = [];
  const add = (code: string, message: string, where: string) =>
    problems.push({ code, message, where });

  if (!ctx.flight || ctx.flight.key !== o.flightKey)
    add('UNKNOWN_FLIGHT', `no flight ${o.flightKey} is known`, 'flightKey');
  if (!ctx.travellerIds.has(o.travellerId))
    add(
      'UNKNOWN_TRAVELLER',
      `traveller ${o.travellerId} is not on flight ${o.flightKey}`,
      'travellerId',
    );
  if (ms(o.recordedAt) > ctx.now.getTime())
    add('OUTCOME_IN_FUTURE', `recordedAt ${o.recordedAt} is later than now`, 'recordedAt');
  if (ctx.flight) {
    if (ms(ctx.flight.arrivalUtc) < ms(ctx.flight.departureUtc))
      add(
        'FLIGHT_ARRIVES_BEFORE_DEPARTURE',
        `flight ${ctx.flight.key} arrives before it departs`,
        'flightKey',
      );
    if (ms(o.recordedAt) < ms(ctx.flight.arrivalUtc))
      add(
        'OUTCOME_BEFORE_ARRIVAL',
        `recordedAt ${o.recordedAt} is before the flight's scheduled arrival ${ctx.flight.arrivalUtc}`,
        'recordedAt',
      );
  }

  if (o.kind !== 'removed') return problems.length ? { ok: false, problems } : ok(o);

  if (ctx.flight && ms(o.removedAt) < ms(ctx.flight.arrivalUtc))
    add(
      'REMOVAL_BEFORE_ARRIVAL',
      `removedAt ${o.removedAt} is before the flight's arrival`,
      'removedAt',
    );
  if (ms(o.removedAt) > ctx.now.getTime())
    add('REMOVAL_IN_FUTURE', `removedAt ${o.removedAt} is later than now`, 'removedAt');
  let cost: Money | undefined;
  if (currencyExponent(o.cost.currency) === undefined)
    add(
      'CURRENCY_NOT_ISO4217',
      `${o.cost.currency} is not an ISO 4217 currency code`,
      'cost.currency',
    );
  else if (o.cost.currency !== ctx.currency)
    add(
      'CURRENCY_NOT_JURISDICTION',
      `cost is in ${o.cost.currency}; this jurisdiction accounts in ${ctx.currency}`,
      'cost.currency',
    );
  else {
    const amount = parseDecimalAmount(o.cost.amount, o.cost.currency);
    if (amount.ok) cost = amount.value;
    else for (const p of amount.problems) add(p.code, p.message, `cost.${p.where}`);
  }
  if (problems.length || !cost) return { ok: false, problems };
  return ok({ ...o, cost });
}
