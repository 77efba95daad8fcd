// Publishes outbox rows to the bus after their transaction committed, oldest first. Safe with
// several replicas (rows are claimed with SKIP LOCKED) and after a crash (unpublished rows stay
// until published; consumers de-duplicate on the envelope id).
import type { Database } from '../database.ts';
import { sqlSource } from './sql-tx.ts';

export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  envelope: unknown;
}

export function createOutboxRelay(opts: {
  /** Raw SQL through the driver. */
  db: Database;
  publish: (rows: OutboxRow[]) => Promise<void>;
  intervalMs?: number;
  batch?: number;
  onError?: (err: unknown) => void;
}) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;

  const sql = sqlSource(opts.db);

  async function drainOnce(): Promise<number> {
    return sql.transaction(async (tx) => {
      const rows = await tx.query<OutboxRow>(
        `SELECT id::text AS id, topic, key, envelope FROM "OutboxMessage"
         WHERE "publishedAt" IS NULL ORDER BY "createdAt", id LIMIT $1::int FOR UPDATE SKIP LOCKED`,
        [opts.batch ?? 500],
      );
      if (rows.length === 0) return 0;
      await opts.publish(rows);
      await tx.query(
        `UPDATE "OutboxMessage" SET "publishedAt" = now()
         WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)`,
        [JSON.stringify(rows.map((r) => r.id))],
      );
      return rows.length;
    });
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await drainOnce();
      total += n;
      if (n === 0 || stopped) return total;
    }
  }

  const relay = {
    /** Publish now (after a commit) rather than at the next tick; concurrent calls coalesce. */
    nudge(): Promise<number> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let total = 0;
        try {
          do {
            again = false;
            total += await drain();
          } while (again && !stopped);
        } catch (err) {
          opts.onError?.(err);
        } finally {
          running = undefined;
        }
        return total;
      })();
      return running;
    },
    start() {
      const tick = () => {
        if (stopped) return;
        void relay.nudge().finally(() => {
          if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 250);
        });
      };
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
  return relay;
}
export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
