// The audit trail: who did or saw what, and when. Append-only; nothing here updates or deletes.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface AuditInput {
  actor: string;
  actorRole: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
  at?: Date;
}

type Tx = Pick<PrismaClient, 'auditEvent'>;

export async function recordAudit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actor: e.actor,
      actorRole: e.actorRole,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      details: (e.details ?? undefined) as Prisma.InputJsonValue | undefined,
      ...(e.at ? { at: e.at } : {}),
    },
  });
}

export function createAuditRepository(prisma: PrismaClient) {
  return {
    record: (e: AuditInput) => recordAudit(prisma, e),
    async list(filter: {
      subjectType?: string;
      subjectId?: string;
      actor?: string;
      limit?: number;
    }) {
      return prisma.auditEvent.findMany({
        where: {
          subjectType: filter.subjectType,
          subjectId: filter.subjectId,
          actor: filter.actor,
        },
        orderBy: { at: 'desc' },
        take: Math.min(filter.limit ?? 100, 1000),
      });
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
