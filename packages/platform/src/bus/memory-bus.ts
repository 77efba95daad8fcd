// In-process bus for the embedded default: topics with keyed partitions, consumer groups,
// ordered delivery per partition, the same retry and dead-letter policy as Kafka. Not durable
// by itself: the embedded pipeline keeps its state in the database and re-drives from there.
import type { Logger } from 'pino';
import {
  toBuffer,
  type Bus,
  type BusMessage,
  type OutgoingMessage,
  type SubscribeOptions,
} from './bus.ts';
import { deliver } from './delivery.ts';

interface Group {
  id: string;
  topics: Set<string>;
  queue: BusMessage[];
  draining: boolean;
  closed: boolean;
  opts: SubscribeOptions;
  idle: (() => void)[];
}

export function createMemoryBus(opts: {
  logger: Logger;
  partitions?: number;
  deadLetterTopic?: string;
}): Bus & {
  /** Resolves when every group has drained its queue (tests and the demo use it). */
  idle(): Promise<void>;
} {
  const partitions = opts.partitions ?? 4;
  const offsets = new Map<string, number>();
  const groups = new Map<string, Group>();
  const history = new Map<string, BusMessage[]>();
  const deadLetterTopic = opts.deadLetterTopic ?? 'paxguard.dead-letter';
  let closed = false;

  function partitionFor(key: string): number {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
    return Math.abs(h) % partitions;
  }

  async function drain(group: Group): Promise<void> {
    if (group.draining) return;
    group.draining = true;
    try {
      while (!group.closed && group.queue.length > 0) {
        const msg = group.queue.shift()!;
        await deliver(msg, group.opts.handler, {
          consumer: group.id,
          logger: opts.logger,
          deadLetter: group.opts.deadLetter ?? defaultDeadLetter,
          stopped: () => group.closed || closed,
          ...group.opts.retry,
        }).catch((err) => opts.logger.error({ err }, 'message abandoned at shutdown'));
      }
    } finally {
      group.draining = false;
      for (const resolve of group.idle.splice(0)) resolve();
    }
  }

  async function defaultDeadLetter(
    msg: BusMessage,
    reason: string,
    consumer: string,
  ): Promise<void> {
    await bus.publish(deadLetterTopic, [
      {
        key: msg.key ?? '',
        value: msg.value,
        headers: {
          ...msg.headers,
          'dlq-reason': reason,
          'dlq-consumer': consumer,
          'dlq-topic': msg.topic,
        },
      },
    ]);
  }

  const bus = {
    kind: 'memory' as const,
    async publish(topic: string, messages: OutgoingMessage[]) {
      if (closed) throw new Error('bus is closed');
      for (const m of messages) {
        const partition = partitionFor(m.key);
        const offsetKey = `${topic}/${partition}`;
        const offset = offsets.get(offsetKey) ?? 0;
        offsets.set(offsetKey, offset + 1);
        const msg: BusMessage = {
          topic,
          key: m.key,
          value: toBuffer(m.value),
          headers: m.headers ?? {},
          partition,
          offset: String(offset),
        };
        const list = history.get(topic) ?? [];
        list.push(msg);
        history.set(topic, list);
        for (const g of groups.values()) {
          if (g.topics.has(topic) && !g.closed) {
            g.queue.push(msg);
            void drain(g);
          }
        }
      }
    },
    async subscribe(sub: SubscribeOptions) {
      if (groups.has(sub.groupId))
        throw new Error(`group ${sub.groupId} already has a member in this process`);
      const group: Group = {
        id: sub.groupId,
        topics: new Set(sub.topics),
        queue: [],
        draining: false,
        closed: false,
        opts: sub,
        idle: [],
      };
      if (sub.fromBeginning)
        for (const t of sub.topics) group.queue.push(...(history.get(t) ?? []));
      groups.set(sub.groupId, group);
      void drain(group);
      return {
        async close() {
          group.closed = true;
          groups.delete(sub.groupId);
          if (group.draining) await new Promise<void>((r) => group.idle.push(r));
        },
      };
    },
    healthy: () => !closed,
    async idle() {
      for (;;) {
        const busy = [...groups.values()].filter((g) => g.draining || g.queue.length > 0);
        if (busy.length === 0) return;
        await Promise.all(busy.map((g) => new Promise<void>((r) => g.idle.push(r))));
      }
    },
    async close() {
      closed = true;
      await Promise.all([...groups.values()].map((g) => (g.closed = true)));
    },
  };
  return bus;
}
