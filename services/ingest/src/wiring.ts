// Builds the ingest components from their dependencies; used by main.ts (one service per
// process) and by the embedded pipeline (everything in one process).
import { randomUUID } from 'node:crypto';
import {
  createAssessmentRepository,
  createCarrierRepository,
  createInteractiveRepository,
  createReviewRepository,
  createOutboxRelay,
  createSubmissionRepository,
  sqlSource,
  type Database,
  type OutboxRow,
} from '@paxguard/db';
import type { BoardingAnswer, Clock } from '@paxguard/domain';
import type { Screener } from '@paxguard/screening';
import { createInteractiveService } from './interactive-service.ts';
import { registerInteractiveRoutes } from './routes/interactive-routes.ts';
import type { App, Bus, Logger } from '@paxguard/platform';
import { createIngestService } from './ingest-service.ts';
import { createRecovery } from './recovery.ts';
import { registerSubmissionRoutes } from './routes/submission-routes.ts';
import { createSubmissionConsumer } from './submission-consumer.ts';

export interface IngestOptions {
  mode: 'strict' | 'lenient';
  partTimeoutMs: number;
  recoveryIntervalMs?: number;
  /** iAPI: how long a carrier's check-in request may wait, and the answer when it must not wait longer. */
  iapiTimeoutMs?: number;
  iapiTimeoutAnswer?: BoardingAnswer;
  /** Secret salt for payment-card fingerprints in PNR data. */
  cardSalt: string;
}

export async function publishOutboxRows(bus: Bus, rows: OutboxRow[]): Promise<void> {
  const byTopic = new Map<string, OutboxRow[]>();
  for (const r of rows) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
  for (const [topic, list] of byTopic) {
    await bus.publish(
      topic,
      list.map((r) => {
        const env = r.envelope as { id: string; type: string; version: number };
        return {
          key: r.key,
          value: JSON.stringify(r.envelope),
          headers: {
            'message-id': env.id,
            'event-type': env.type,
            'schema-version': String(env.version),
            'content-type': 'application/json',
          },
        };
      }),
    );
  }
}

export function createIngestComponents(deps: {
  db: Database;
  bus: Bus;
  logger: Logger;
  clock?: Clock;
  options: IngestOptions;
  /** The screener the interactive API answers with (shared with the screening worker when embedded). */
  screener: () => Promise<Screener>;
}) {
  const clock = deps.clock ?? { now: () => new Date() };
  const ids = () => randomUUID();
  const prisma = deps.db.prisma;
  const submissions = createSubmissionRepository(deps.db);
  const carriers = createCarrierRepository(prisma);
  const logger = deps.logger.child({ component: 'ingest' });
  const relay = createOutboxRelay({
    db: deps.db,
    publish: (rows) => publishOutboxRows(deps.bus, rows),
    onError: (err) => logger.error({ err }, 'outbox relay failed; will retry'),
  });
  const ingest = createIngestService({
    prisma,
    sql: sqlSource(deps.db),
    submissions,
    relay,
    clock,
    ids,
    logger,
    mode: deps.options.mode,
    cardSalt: deps.options.cardSalt,
  });
  const recovery = createRecovery({
    prisma,
    submissions,
    carriers,
    ingest,
    clock,
    logger,
    partTimeoutMs: deps.options.partTimeoutMs,
  });
  const consumer = createSubmissionConsumer({
    bus: deps.bus,
    ingest,
    carriers,
    clock,
    ids,
    logger,
  });
  const interactive = createInteractiveService({
    prisma,
    ingest,
    submissions,
    assessments: createAssessmentRepository(deps.db),
    interactive: createInteractiveRepository(deps.db),
    screener: deps.screener,
    clock,
    ids,
    logger,
    timeoutMs: deps.options.iapiTimeoutMs ?? 2000,
    timeoutAnswer: deps.options.iapiTimeoutAnswer ?? 'contact-authority',
  });
  const review = createReviewRepository(prisma);
  let subscription: { close(): Promise<void> } | undefined;

  return {
    ingest,
    carriers,
    submissions,
    interactive,
    registerRoutes: (app: App) => {
      registerSubmissionRoutes(app, { ingest, carriers, submissions });
      registerInteractiveRoutes(app, { interactive, carriers, review, prisma });
    },
    /** Start background work: outbox relay, crash recovery, the Kafka submissions consumer. */
    async start() {
      relay.start();
      recovery.start(deps.options.recoveryIntervalMs);
      subscription = await consumer.start();
    },
    async stop() {
      await subscription?.close();
      await recovery.stop();
      await relay.stop();
    },
  };
}
export type IngestComponents = Awaited<ReturnType<typeof createIngestComponents>>;
