// Border-control systems publish arrival outcomes on paxguard.arrival.outcomes. Each is
// validated like an API report; an invalid one goes to the dead-letter topic with the reason.
import { DomainError } from '@paxguard/domain';
import {
  decodeEvent,
  PermanentError,
  type Bus,
  type BusMessage,
  type Logger,
} from '@paxguard/platform';
import { ArrivalOutcomeRecorded } from '@paxguard/sanctions';
import type { OutcomeService } from './outcome-service.ts';

export function createOutcomeConsumer(deps: {
  bus: Bus;
  outcomes: OutcomeService;
  logger: Logger;
  groupId?: string;
}) {
  async function handle(msg: BusMessage): Promise<void> {
    const { payload } = decodeEvent(ArrivalOutcomeRecorded, msg);
    try {
      await deps.outcomes.record(payload, 'kafka');
    } catch (err) {
      // Bad data never becomes good by retrying: dead-letter it with the precise reason.
      if (err instanceof DomainError)
        throw new PermanentError(`${err.code}: ${err.message}`, err.code);
      throw err;
    }
  }
  return {
    start: () =>
      deps.bus.subscribe({
        groupId: deps.groupId ?? 'paxguard-sanctions',
        topics: [ArrivalOutcomeRecorded.topic],
        // A new group reads the whole topic: outcomes are idempotent by id, and none may be lost.
        fromBeginning: true,
        handler: handle,
      }),
  };
}
