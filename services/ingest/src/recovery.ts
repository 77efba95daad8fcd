// Re-drives work a crash interrupted: submissions archived but never processed, and multi-part
// messages whose missing parts never came (rejected after the timeout, naming the missing parts).
import {
  listIncompleteSince,
  partsOf,
  type CarrierRepository,
  type Prisma,
  type SubmissionRepository,
} from '@paxguard/db';
import type { Clock } from '@paxguard/domain';
import {
  assembleParts,
  decodePaxlst,
  type CodecIssue,
  type PaxlstMessage,
} from '@paxguard/edifact';
import type { Logger } from '@paxguard/platform';
import type { IngestService } from './ingest-service.ts';

export function createRecovery(deps: {
  prisma: Prisma;
  submissions: SubmissionRepository;
  carriers: CarrierRepository;
  ingest: IngestService;
  clock: Clock;
  logger: Logger;
  /** Only re-drive submissions older than this, so in-flight requests finish on their own. */
  graceMs?: number;
  partTimeoutMs: number;
}) {
  async function redriveUnprocessed(): Promise<number> {
    const rows = await deps.submissions.listUnprocessed(
      new Date(deps.clock.now().getTime() - (deps.graceMs ?? 5000)),
    );
    let n = 0;
    for (const row of rows) {
      const carrier = (await deps.prisma.carrier.findUnique({ where: { id: row.carrierId } }))!;
      const raw = Buffer.from(row.raw);
      await deps.ingest.process(row.id, {
        carrier: { id: carrier.id, designator: carrier.designator, name: carrier.name },
        channel: row.channel as 'http' | 'kafka',
        contentType: row.contentType ?? undefined,
        raw,
        carrierMessageId: row.carrierMessageId ?? undefined,
        sha256: row.sha256,
      });
      n++;
    }
    if (n > 0)
      deps.logger.warn({ count: n }, 're-drove submissions left unprocessed by an earlier crash');
    return n;
  }

  async function expireParts(): Promise<number> {
    const now = deps.clock.now();
    const stale = await deps.prisma.$transaction((tx) =>
      listIncompleteSince(tx, new Date(now.getTime() - deps.partTimeoutMs)),
    );
    for (const s of stale) {
      await deps.prisma.$transaction(async (tx) => {
        const parts = await partsOf(tx, s.carrierId, s.messageRef);
        const decoded: PaxlstMessage[] = [];
        for (const p of parts) {
          const r = decodePaxlst(p.raw.toString('latin1'), { mode: 'lenient' });
          if (r.ok) decoded.push(...r.value.filter((m) => m.part?.messageRef === s.messageRef));
        }
        const assembled = assembleParts(decoded);
        const errors: CodecIssue[] = assembled.ok
          ? [{ code: 'PART_MISSING', message: `message ${s.messageRef} never completed` }]
          : assembled.errors;
        errors.unshift({
          code: 'MULTIPART_TIMEOUT',
          message: `multi-part message ${s.messageRef} was not complete ${Math.round(deps.partTimeoutMs / 60000)} min after its first part; parts received: ${parts.map((p) => p.partNumber).join(', ')}`,
        });
        await tx.submission.updateMany({
          where: { id: { in: parts.map((p) => p.submissionId) }, status: 'pending-parts' },
          data: { status: 'rejected', errors: errors as unknown as object, processedAt: now },
        });
        await tx.messagePart.updateMany({
          where: { carrierId: s.carrierId, messageRef: s.messageRef, assembledAt: null },
          data: { assembledAt: now },
        });
      });
      deps.logger.warn({ messageRef: s.messageRef }, 'multi-part message timed out');
    }
    return stale.length;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  return {
    redriveUnprocessed,
    expireParts,
    start(intervalMs = 5000) {
      const tick = () => {
        running = Promise.all([redriveUnprocessed(), expireParts()])
          .catch((err) => deps.logger.error({ err }, 'recovery pass failed'))
          .finally(() => {
            running = undefined;
            timer = setTimeout(tick, intervalMs);
          });
      };
      tick();
    },
    async stop() {
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
export type Recovery = ReturnType<typeof createRecovery>;
