// Messages no consumer could process, kept with the reason so that an operator can inspect
// them and, once the cause is fixed, replay them to the topic they came from.
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface DeadLetterInput {
  consumer: string;
  topic: string;
  partition?: number;
  offset?: string;
  key?: string | null;
  headers: Record<string, string>;
  payload: Buffer;
  reason: string;
}

export function createDeadLetterRepository(prisma: PrismaClient) {
  return {
    async record(d: DeadLetterInput): Promise<string> {
      const row = await prisma.deadLetter.create({
        data: {
          consumer: d.consumer,
          topic: d.topic,
          partition: d.partition ?? null,
          offset: d.offset ?? null,
          key: d.key ?? null,
          headers: d.headers,
          payload: new Uint8Array(d.payload),
          reason: d.reason,
        },
        select: { id: true },
      });
      return row.id;
    },
    async list(opts: { limit?: number; replayed?: boolean } = {}) {
      return prisma.deadLetter.findMany({
        where:
          opts.replayed === undefined
            ? {}
            : opts.replayed
              ? { replayedAt: { not: null } }
              : { replayedAt: null },
        orderBy: { createdAt: 'desc' },
        take: Math.min(opts.limit ?? 100, 1000),
        select: {
          id: true,
          consumer: true,
          topic: true,
          partition: true,
          offset: true,
          key: true,
          headers: true,
          reason: true,
          createdAt: true,
          replayedAt: true,
        },
      });
    },
    async get(id: string) {
      return prisma.deadLetter.findUnique({ where: { id } });
    },
    /** Marks a message replayed; false when it already was (replay happens once). */
    async markReplayed(id: string, at: Date): Promise<boolean> {
      const r = await prisma.deadLetter.updateMany({
        where: { id, replayedAt: null },
        data: { replayedAt: at },
      });
      return r.count === 1;
    },
  };
}
export type DeadLetterRepository = ReturnType<typeof createDeadLetterRepository>;
