// The archive of everything carriers sent. A submission row (raw bytes + hash) is committed
// before any parsing, so a message survives a crash at any later point and can be re-driven.
import { createHash } from 'node:crypto';
import { manifestQuality, type Manifest } from '@paxguard/domain';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export type SubmissionStatus = 'received' | 'accepted' | 'rejected' | 'duplicate' | 'pending-parts';

export interface ArchiveInput {
  carrierId: string;
  channel: 'http' | 'kafka';
  receivedAt: Date;
  contentType?: string;
  raw: Buffer;
  carrierMessageId?: string;
}

export interface SubmissionOutcome {
  status: SubmissionStatus;
  format?: string;
  interchangeRef?: string;
  messageRef?: string;
  flightKey?: string;
  duplicateOfId?: string;
  errors?: unknown[];
  warnings?: unknown[];
  processedAt: Date;
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

const SUMMARY = {
  id: true,
  carrierId: true,
  channel: true,
  receivedAt: true,
  contentType: true,
  sha256: true,
  sizeBytes: true,
  status: true,
  format: true,
  interchangeRef: true,
  messageRef: true,
  carrierMessageId: true,
  flightKey: true,
  duplicateOfId: true,
  errors: true,
  warnings: true,
  processedAt: true,
} as const;

export function createSubmissionRepository(prisma: PrismaClient) {
  return {
    async archive(input: ArchiveInput): Promise<{ id: string; sha256: string }> {
      const sha256 = sha256Hex(input.raw);
      const row = await prisma.submission.create({
        data: {
          carrierId: input.carrierId,
          channel: input.channel,
          receivedAt: input.receivedAt,
          contentType: input.contentType,
          raw: new Uint8Array(input.raw),
          sha256,
          sizeBytes: input.raw.length,
          carrierMessageId: input.carrierMessageId,
        },
        select: { id: true },
      });
      return { id: row.id, sha256 };
    },

    async get(id: string) {
      return prisma.submission.findUnique({ where: { id }, select: { ...SUMMARY, raw: true } });
    },

    /**
     * Timeliness, counts and missing required elements of each manifest version this
     * submission produced, measured against its flight's scheduled departure.
     */
    async quality(id: string) {
      const rows = await prisma.manifestVersion.findMany({
        where: { submissionId: id },
        orderBy: { version: 'asc' },
        select: {
          version: true,
          manifest: true,
          submission: { select: { receivedAt: true } },
          flight: { select: { key: true, scheduledDeparture: true } },
        },
      });
      return rows.map((r) => ({
        flightKey: r.flight.key,
        version: r.version,
        ...manifestQuality(r.manifest as unknown as Manifest, {
          receivedAt: r.submission.receivedAt,
          scheduledDeparture: r.flight.scheduledDeparture,
        }),
      }));
    },

    /** An earlier submission by the same carrier with identical bytes that was accepted or is waiting for parts. */
    async findEarlierIdentical(carrierId: string, sha256: string, beforeId: string) {
      return prisma.submission.findFirst({
        where: {
          carrierId,
          sha256,
          id: { not: beforeId },
          status: { in: ['accepted', 'pending-parts'] },
        },
        orderBy: { receivedAt: 'asc' },
        select: { id: true, status: true },
      });
    },

    /** Record how processing ended. Only a submission still `received` changes (idempotent). */
    async complete(
      id: string,
      outcome: SubmissionOutcome,
      tx: Pick<PrismaClient, 'submission'> = prisma,
    ): Promise<boolean> {
      const r = await tx.submission.updateMany({
        where: { id, status: 'received' },
        data: {
          status: outcome.status,
          format: outcome.format,
          interchangeRef: outcome.interchangeRef,
          messageRef: outcome.messageRef,
          flightKey: outcome.flightKey,
          duplicateOfId: outcome.duplicateOfId,
          errors: (outcome.errors ?? undefined) as Prisma.InputJsonValue | undefined,
          warnings: (outcome.warnings ?? undefined) as Prisma.InputJsonValue | undefined,
          processedAt: outcome.processedAt,
        },
      });
      return r.count === 1;
    },

    /** Submissions archived but never processed (the process died in between): re-drive them. */
    async listUnprocessed(olderThan: Date, limit = 100) {
      return prisma.submission.findMany({
        where: { status: 'received', receivedAt: { lte: olderThan } },
        orderBy: { receivedAt: 'asc' },
        take: limit,
        select: {
          id: true,
          carrierId: true,
          channel: true,
          contentType: true,
          raw: true,
          sha256: true,
          receivedAt: true,
          carrierMessageId: true,
        },
      });
    },

    async listForCarrier(carrierId: string, opts: { limit?: number; before?: Date } = {}) {
      return prisma.submission.findMany({
        where: { carrierId, ...(opts.before ? { receivedAt: { lt: opts.before } } : {}) },
        orderBy: { receivedAt: 'desc' },
        take: Math.min(opts.limit ?? 50, 500),
        select: SUMMARY,
      });
    },
  };
}
export type SubmissionRepository = ReturnType<typeof createSubmissionRepository>;
