// The behaviour every Bus implementation must show; run against the in-process bus and Kafka.
import { expect } from 'vitest';
import { PermanentError, type Bus, type BusMessage } from './bus.ts';

export async function waitFor(cond: () => boolean, timeoutMs = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function contractKeyedOrderAndRetry(
  bus: Bus,
  topic: string,
  group: string,
): Promise<void> {
  const seen: string[] = [];
  let failOnce = true;
  const sub = await bus.subscribe({
    groupId: group,
    topics: [topic],
    fromBeginning: true,
    retry: { initialMs: 10, maxMs: 20 },
    handler: async (m: BusMessage) => {
      const v = m.value.toString();
      if (v === 'A2' && failOnce) {
        failOnce = false;
        throw new Error('transient');
      }
      seen.push(v);
    },
  });
  await bus.publish(topic, [
    { key: 'flight-A', value: 'A1', headers: { 'message-id': '1' } },
    { key: 'flight-A', value: 'A2' },
    { key: 'flight-A', value: 'A3' },
  ]);
  await waitFor(() => seen.length === 3);
  // A transient failure is retried in place: nothing skipped, order kept within a key.
  expect(seen).toEqual(['A1', 'A2', 'A3']);
  await sub.close();
}

export async function contractDeadLetter(
  bus: Bus,
  topic: string,
  dlq: string,
  group: string,
): Promise<void> {
  const dead: BusMessage[] = [];
  const good: string[] = [];
  const dl = await bus.subscribe({
    groupId: `${group}-dlq`,
    topics: [dlq],
    fromBeginning: true,
    handler: async (m) => void dead.push(m),
  });
  const sub = await bus.subscribe({
    groupId: group,
    topics: [topic],
    fromBeginning: true,
    handler: async (m) => {
      if (m.value.toString() === 'poison') throw new PermanentError('cannot read poison');
      good.push(m.value.toString());
    },
  });
  await bus.publish(topic, [
    { key: 'k', value: 'poison', headers: { 'message-id': 'p1' } },
    { key: 'k', value: 'fine' },
  ]);
  await waitFor(() => dead.length === 1 && good.length === 1);
  expect(dead[0]!.value.toString()).toBe('poison');
  expect(dead[0]!.headers['dlq-reason']).toBe('cannot read poison');
  expect(dead[0]!.headers['dlq-topic']).toBe(topic);
  expect(dead[0]!.headers['message-id']).toBe('p1');
  await sub.close();
  await dl.close();
}
