import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { contractDeadLetter, contractKeyedOrderAndRetry } from './bus-contract.ts';
import { createMemoryBus } from './memory-bus.ts';

const logger = createLogger({ service: 't', level: 'silent' });

describe('in-process bus', () => {
  it('keeps order per key and retries transient failures', async () => {
    const bus = createMemoryBus({ logger });
    await contractKeyedOrderAndRetry(bus, 'orders', 'g1');
    await bus.close();
  });

  it('dead-letters poison messages with the reason and goes on', async () => {
    const bus = createMemoryBus({ logger, deadLetterTopic: 'dlq' });
    await contractDeadLetter(bus, 'orders', 'dlq', 'g1');
    await bus.close();
  });

  it('gives every group its own copy and reports idle', async () => {
    const bus = createMemoryBus({ logger });
    const a: string[] = [];
    const b: string[] = [];
    await bus.subscribe({
      groupId: 'a',
      topics: ['t'],
      handler: async (m) => void a.push(m.value.toString()),
    });
    await bus.subscribe({
      groupId: 'b',
      topics: ['t'],
      handler: async (m) => void b.push(m.value.toString()),
    });
    await bus.publish('t', [
      { key: 'x', value: '1' },
      { key: 'y', value: '2' },
    ]);
    await bus.idle();
    expect(a.sort()).toEqual(['1', '2']);
    expect(b.sort()).toEqual(['1', '2']);
  });
});
