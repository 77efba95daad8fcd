// Sanction cases: drafts inserted together with the claim on their infringements; every
// transition persisted by compare-and-set on `version`, with its event, answer, evidence and
// audit row in the same transaction. Nothing here deletes.
import { ConflictError } from '@paxguard/domain';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { recordAudit, type AuditInput } from '../repositories/audit-repository.ts';

/** The parts of the core's SanctionCase this repository reads; the whole is stored as JSON. */
export interface StoredCase {
  id: string;
  key: string;
  carrier: string;
  state: string;
  version: number;
  createdAt: string;
  infringementKeys: string[];
  computation: { profile: { id: string; version: string } };
  notice?: { answerDueBy: string };
  history: {
    seq: number;
    from: string | null;
    to: string;
    command: string;
    actor: { id: string; role: string };
    at: string;
    reason: string;
    version: number;
  }[];
}

export interface AnswerInput {
  kind: 'answer' | 'appeal';
  text: string;
  submittedBy: string;
  submittedAt: Date;
  attachments: { fileName: string; mediaType: string; sizeBytes: number; sha256: string }[];
}

export interface EvidenceInput {
  noticeId: string;
  items: { kind: string; refId: string; sha256?: string; detail?: Record<string, unknown> }[];
}

type Tx = Prisma.TransactionClient;

function columns(c: StoredCase, at: Date) {
  return {
    carrierCode: c.carrier,
    state: c.state,
    version: c.version,
    data: c as unknown as Prisma.InputJsonValue,
    profileId: c.computation.profile.id,
    profileVersion: c.computation.profile.version,
    answerDueBy: c.state === 'notice-issued' && c.notice ? new Date(c.notice.answerDueBy) : null,
    updatedAt: at,
  };
}

async function appendEvent(tx: Tx, c: StoredCase): Promise<void> {
  const h = c.history[c.history.length - 1];
  if (!h) return;
  await tx.sanctionCaseEvent.create({
    data: {
      caseId: c.id,
      seq: h.seq,
      fromState: h.from,
      toState: h.to,
      command: h.command,
      actorId: h.actor.id,
      actorRole: h.actor.role,
      at: new Date(h.at),
      reason: h.reason,
      version: h.version,
    },
  });
}

export function createCaseRepository(prisma: PrismaClient) {
  const read = (r: { data: unknown }) => r.data as StoredCase;
  return {
    /**
     * Insert drafts and claim their infringements in one transaction. An infringement already
     * claimed by another case (a concurrent drafting) makes the whole insert fail: no
     * infringement is ever in two cases.
     */
    async insertDrafts(drafts: readonly StoredCase[], audit: Omit<AuditInput, 'subjectId'>) {
      if (drafts.length === 0) return;
      await prisma.$transaction(async (tx) => {
        for (const c of drafts) {
          const at = new Date(c.createdAt);
          await tx.sanctionCaseRecord.create({
            data: { id: c.id, key: c.key, createdAt: at, ...columns(c, at) },
          });
          await appendEvent(tx, c);
          const claimed = await tx.sanctionInfringement.updateMany({
            where: { key: { in: c.infringementKeys }, caseId: null },
            data: { caseId: c.id },
          });
          if (claimed.count !== c.infringementKeys.length)
            throw new ConflictError(
              'INFRINGEMENT_ALREADY_CASED',
              `case ${c.key}: some infringements were drafted into another case meanwhile`,
            );
          await recordAudit(tx, { ...audit, subjectId: c.id, details: { key: c.key } });
        }
      });
    },

    /**
     * Persist a transition the core accepted: `UPDATE … WHERE id AND version = expected`.
     * Zero rows means someone else moved the case first: 409, and nothing else is written.
     */
    async applyTransition(args: {
      next: StoredCase;
      expectedVersion: number;
      at: Date;
      answer?: AnswerInput;
      evidence?: EvidenceInput;
      /** Infringements a re-drafted case takes in; each must still be in no case. */
      claimKeys?: string[];
      audit: AuditInput;
    }): Promise<void> {
      const { next } = args;
      await prisma.$transaction(async (tx) => {
        const updated = await tx.sanctionCaseRecord.updateMany({
          where: { id: next.id, version: args.expectedVersion },
          data: columns(next, args.at),
        });
        if (updated.count !== 1)
          throw new ConflictError(
            'VERSION_CONFLICT',
            `case ${next.id} is no longer at version ${args.expectedVersion}: someone else moved it; reload and retry`,
          );
        await appendEvent(tx, next);
        if (args.claimKeys?.length) {
          const claimed = await tx.sanctionInfringement.updateMany({
            where: { key: { in: args.claimKeys }, caseId: null },
            data: { caseId: next.id },
          });
          if (claimed.count !== args.claimKeys.length)
            throw new ConflictError(
              'INFRINGEMENT_ALREADY_CASED',
              `case ${next.key}: some infringements were drafted into another case meanwhile`,
            );
        }
        if (args.answer) {
          const a = await tx.sanctionCarrierAnswer.create({
            data: {
              caseId: next.id,
              carrierCode: next.carrier,
              kind: args.answer.kind,
              text: args.answer.text,
              submittedBy: args.answer.submittedBy,
              submittedAt: args.answer.submittedAt,
            },
          });
          if (args.answer.attachments.length)
            await tx.sanctionAnswerAttachment.createMany({
              data: args.answer.attachments.map((x) => ({ ...x, answerId: a.id })),
            });
        }
        if (args.evidence) {
          const noticeId = args.evidence.noticeId;
          await tx.sanctionEvidence.createMany({
            data: args.evidence.items.map((e) => ({
              caseId: next.id,
              noticeId,
              kind: e.kind,
              refId: e.refId,
              sha256: e.sha256 ?? null,
              detail: (e.detail ?? undefined) as Prisma.InputJsonValue | undefined,
            })),
          });
        }
        await recordAudit(tx, args.audit);
      });
    },

    async get(id: string): Promise<StoredCase | undefined> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
      const r = await prisma.sanctionCaseRecord.findUnique({ where: { id } });
      return r ? read(r) : undefined;
    },
    async getByKey(key: string): Promise<StoredCase | undefined> {
      const r = await prisma.sanctionCaseRecord.findUnique({ where: { key } });
      return r ? read(r) : undefined;
    },
    async list(
      filter: { carrier?: string; state?: string; states?: string[]; limit?: number } = {},
    ): Promise<StoredCase[]> {
      const rows = await prisma.sanctionCaseRecord.findMany({
        where: {
          carrierCode: filter.carrier,
          state: filter.state ?? (filter.states ? { in: filter.states } : undefined),
        },
        orderBy: [{ createdAt: 'desc' }, { key: 'asc' }],
        take: Math.min(filter.limit ?? 500, 5000),
      });
      return rows.map(read);
    },
    async keys(): Promise<Set<string>> {
      const rows = await prisma.sanctionCaseRecord.findMany({ select: { key: true } });
      return new Set(rows.map((r) => r.key));
    },
    /** Cases whose answer window has closed without an answer. */
    async answerWindowClosed(now: Date): Promise<StoredCase[]> {
      const rows = await prisma.sanctionCaseRecord.findMany({
        where: { state: 'notice-issued', answerDueBy: { lt: now } },
        orderBy: { answerDueBy: 'asc' },
        take: 500,
      });
      return rows.map(read);
    },
    async events(caseId: string) {
      return prisma.sanctionCaseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
    },
    async answers(caseId: string) {
      const answers = await prisma.sanctionCarrierAnswer.findMany({
        where: { caseId },
        orderBy: { submittedAt: 'asc' },
      });
      const attachments = await prisma.sanctionAnswerAttachment.findMany({
        where: { answerId: { in: answers.map((a) => a.id) } },
      });
      return answers.map((a) => ({
        ...a,
        attachments: attachments
          .filter((x) => x.answerId === a.id)
          .map(({ answerId: _a, ...x }) => x),
      }));
    },
    async evidence(caseId: string) {
      return prisma.sanctionEvidence.findMany({
        where: { caseId },
        orderBy: [{ noticeId: 'asc' }, { kind: 'asc' }, { refId: 'asc' }],
      });
    },
  };
}
export type CaseRepository = ReturnType<typeof createCaseRepository>;
