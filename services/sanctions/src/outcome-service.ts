// Arrival outcomes in, from the API or Kafka: validated by the core against the stored flight
// and its travellers, stored once, then detection runs for the flight.
import type { FlightFactsRepository, OutcomeRepository } from '@paxguard/db';
import { ConflictError, type Clock } from '@paxguard/domain';
import type { Logger } from '@paxguard/platform';
import { validateArrivalOutcome, type ArrivalOutcome, type Problem } from '@paxguard/sanctions';
import type { DetectionResult, DetectionService } from './detection-service.ts';
import type { ProfileCatalogue } from './profile-catalogue.ts';
import { problemsError } from './problems.ts';

export interface RecordedOutcome {
  outcome: ArrivalOutcome;
  status: 'created' | 'duplicate';
  detection?: DetectionResult;
}

export function createOutcomeService(deps: {
  facts: FlightFactsRepository;
  outcomes: OutcomeRepository;
  detection: DetectionService;
  catalogue: ProfileCatalogue;
  clock: Clock;
  logger: Logger;
}) {
  return {
    /**
     * Ask the carrier to take back a traveller refused entry, by `dueBy`. Refused when the
     * flight or traveller is unknown, the traveller was not refused entry, or the date is past.
     */
    async requestReturn(input: {
      flightKey: string;
      travellerId: string;
      dueBy: string;
      requestedBy: string;
    }) {
      const now = deps.clock.now();
      const known = await deps.facts.flightForOutcome(input.flightKey);
      const problems: Problem[] = [];
      if (!known)
        problems.push({
          code: 'UNKNOWN_FLIGHT',
          message: `no flight ${input.flightKey} is known`,
          where: 'flightKey',
        });
      else if (!known.travellerIds.includes(input.travellerId))
        problems.push({
          code: 'UNKNOWN_TRAVELLER',
          message: `traveller ${input.travellerId} is not on flight ${input.flightKey}`,
          where: 'travellerId',
        });
      else {
        const outcomes = await deps.outcomes.listForFlight(input.flightKey);
        if (
          !outcomes.some((o) => o.travellerId === input.travellerId && o.kind === 'refused-entry')
        )
          problems.push({
            code: 'NOT_REFUSED_ENTRY',
            message: `traveller ${input.travellerId} has no refused-entry outcome: there is nothing to return`,
            where: 'travellerId',
          });
      }
      if (Date.parse(input.dueBy) <= now.getTime())
        problems.push({
          code: 'DUE_DATE_PASSED',
          message: `dueBy ${input.dueBy} is not after now (${now.toISOString()})`,
          where: 'dueBy',
        });
      if (problems.length) throw problemsError(problems, 'RETURN_REQUEST_INVALID');
      return deps.outcomes.addReturnRequest({
        flightKey: input.flightKey,
        travellerId: input.travellerId,
        requestedAt: now,
        dueBy: new Date(input.dueBy),
        requestedBy: input.requestedBy,
      });
    },

    /**
     * Validate and store one outcome; throws a ValidationError listing every problem (unknown
     * flight or traveller, impossible dates, wrong currency), or a ConflictError when the id
     * was already used for a different outcome.
     */
    async record(
      input: unknown,
      channel: 'api' | 'kafka' | 'demo',
      opts: { detectAt?: Date; detect?: boolean } = {},
    ): Promise<RecordedOutcome> {
      const flightKey =
        typeof input === 'object' && input !== null && 'flightKey' in input
          ? String((input as { flightKey: unknown }).flightKey)
          : '';
      const known = flightKey ? await deps.facts.flightForOutcome(flightKey) : undefined;
      const { profile } = await deps.catalogue.active();
      const result = validateArrivalOutcome(input, {
        flight: known?.schedule ? { key: known.flight.key, ...known.schedule } : undefined,
        travellerIds: new Set(known?.travellerIds ?? []),
        currency: profile.currency,
        now: deps.clock.now(),
      });
      if (!result.ok) {
        if (known && !known.schedule)
          result.problems.push({
            code: 'FLIGHT_WITHOUT_SCHEDULE',
            message: `flight ${flightKey} has no scheduled departure and arrival`,
            where: 'flightKey',
          });
        throw problemsError(result.problems, 'OUTCOME_INVALID');
      }
      const o = result.value;
      const status = await deps.outcomes.record({
        id: o.id,
        flightKey: o.flightKey,
        flightId: known!.flight.id,
        travellerId: o.travellerId,
        kind: o.kind,
        outcome: o as unknown as Record<string, unknown>,
        recordedAt: new Date(o.recordedAt),
        recordedBy: o.recordedBy,
        channel,
      });
      if (status === 'conflict')
        throw new ConflictError(
          'OUTCOME_ID_REUSED',
          `outcome ${o.id} was already recorded with different content; outcomes are never rewritten`,
        );
      if (status === 'duplicate' || opts.detect === false) return { outcome: o, status };
      try {
        const detection = await deps.detection.detectFlight(o.flightKey, opts.detectAt);
        return { outcome: o, status, detection };
      } catch (err) {
        // The outcome is stored: the periodic detection pass will pick the flight up again.
        deps.logger.error({ err, flightKey: o.flightKey }, 'detection after an outcome failed');
        return { outcome: o, status };
      }
    },
  };
}
export type OutcomeService = ReturnType<typeof createOutcomeService>;
