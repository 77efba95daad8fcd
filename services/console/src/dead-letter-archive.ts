// Keeps every dead-lettered message in the database, with the reason, the consumer that gave
// up and where it came from, so it stays inspectable after the topic's retention.
import { Topics } from '@paxguard/domain';
import type { DeadLetterRepository } from '@paxguard/db';
import type { Bus, Subscription } from '@paxguard/platform';

export function startDeadLetterArchive(deps: {
  bus: Bus;
  deadLetters: DeadLetterRepository;
}): Promise<Subscription> {
  return deps.bus.subscribe({
    groupId: 'paxguard-dead-letter-archive',
    topics: [Topics.deadLetter],
    handler: async (m) => {
      await deps.deadLetters.record({
        consumer: m.headers['dlq-consumer'] ?? 'unknown',
        topic: m.headers['dlq-topic'] ?? 'unknown',
        partition: m.headers['dlq-partition'] ? Number(m.headers['dlq-partition']) : undefined,
        offset: m.headers['dlq-offset'],
        key: m.key,
        headers: m.headers,
        payload: m.value,
        reason: m.headers['dlq-reason'] ?? 'no reason given',
      });
    },
    // If even archiving fails on bad input, do not loop on it.
    deadLetter: async () => undefined,
  });
}
