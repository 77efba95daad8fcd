// Issued visas and travel authorisations, fed by file import and the API. Revoking keeps the
// record (marked revoked) so that the document check can say "revoked", not "none held".
import { ConflictError, NotFoundError, ValidationError } from '@paxguard/domain';
import {
  checkAuthorisation,
  normaliseDocumentNumber,
  parseAuthorisationsJson,
  type RegistryIssue,
  type TravelAuthorisation,
} from '@paxguard/documents';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { recordChange, toJson, type Actor, type Tx } from './reference-change.ts';

export interface StoredAuthorisation {
  id: string;
  record: TravelAuthorisation;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

function stored(r: {
  id: string;
  record: unknown;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}): StoredAuthorisation {
  return {
    id: r.id,
    record: r.record as TravelAuthorisation,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    revokedAt: r.revokedAt,
  };
}

async function upsert(tx: Tx, a: TravelAuthorisation, actor: Actor) {
  const columns = {
    documentNumber: normaliseDocumentNumber(a.documentNumber),
    nationality: a.nationality,
    record: toJson(a),
    revokedAt: a.revoked ? new Date() : null,
    revokedBy: a.revoked ? actor.id : null,
  };
  return tx.referenceTravelAuthorisation.upsert({
    where: {
      kind_issuingState_number: { kind: a.kind, issuingState: a.issuingState, number: a.number },
    },
    create: {
      kind: a.kind,
      issuingState: a.issuingState,
      number: a.number,
      createdBy: actor.id,
      ...columns,
    },
    update: columns,
  });
}

export function createAuthorisationRepository(prisma: PrismaClient) {
  return {
    async add(input: unknown, actor: Actor): Promise<StoredAuthorisation> {
      const r = checkAuthorisation(input);
      if (!r.ok)
        throw new ValidationError(
          'INVALID_AUTHORISATION',
          r.issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '),
          { issues: r.issues },
        );
      const a = r.value;
      return prisma.$transaction(async (tx) => {
        const key = { kind: a.kind, issuingState: a.issuingState, number: a.number };
        if (
          await tx.referenceTravelAuthorisation.findUnique({
            where: { kind_issuingState_number: key },
          })
        )
          throw new ConflictError(
            'AUTHORISATION_EXISTS',
            `${a.kind} ${a.number} issued by ${a.issuingState} is already registered`,
          );
        const row = await upsert(tx, a, actor);
        await recordChange(tx, {
          area: 'authorisations',
          actor,
          action: 'authorisation.add',
          subjectType: 'travel-authorisation',
          subjectId: row.id,
          details: { kind: a.kind, number: a.number, issuingState: a.issuingState },
        });
        return stored(row);
      });
    },

    /** A JSON array file: valid records are upserted, the others reported with their index. */
    async importJson(
      text: string,
      actor: Actor,
    ): Promise<{ imported: number; issues: RegistryIssue[] }> {
      const { records, issues } = parseAuthorisationsJson(text);
      if (records.length === 0)
        throw new ValidationError(
          'INVALID_AUTHORISATIONS',
          issues.length > 0
            ? issues
                .slice(0, 5)
                .map((i) => `[${i.index}] ${i.path || '(root)'}: ${i.message}`)
                .join('; ')
            : 'the file holds no authorisation',
          { issues: issues.slice(0, 100) },
        );
      await prisma.$transaction(
        async (tx) => {
          for (const a of records) await upsert(tx, a, actor);
          await recordChange(tx, {
            area: 'authorisations',
            actor,
            action: 'authorisation.import',
            subjectType: 'travel-authorisation',
            subjectId: 'import',
            details: { imported: records.length, rejected: issues.length },
          });
        },
        { timeout: 120_000 },
      );
      return { imported: records.length, issues };
    },

    async revoke(id: string, actor: Actor): Promise<StoredAuthorisation> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.referenceTravelAuthorisation.findUnique({ where: { id } });
        if (!row) throw new NotFoundError('AUTHORISATION_NOT_FOUND', `no authorisation ${id}`);
        if (row.revokedAt)
          throw new ConflictError(
            'AUTHORISATION_REVOKED',
            `authorisation ${id} is already revoked`,
          );
        const record = { ...(row.record as TravelAuthorisation), revoked: true };
        const updated = await tx.referenceTravelAuthorisation.update({
          where: { id },
          data: { record: toJson(record), revokedAt: new Date(), revokedBy: actor.id },
        });
        await recordChange(tx, {
          area: 'authorisations',
          actor,
          action: 'authorisation.revoke',
          subjectType: 'travel-authorisation',
          subjectId: id,
          details: { number: row.number, issuingState: row.issuingState },
        });
        return stored(updated);
      });
    },

    async get(id: string): Promise<StoredAuthorisation> {
      const row = await prisma.referenceTravelAuthorisation.findUnique({ where: { id } });
      if (!row) throw new NotFoundError('AUTHORISATION_NOT_FOUND', `no authorisation ${id}`);
      return stored(row);
    },

    async list(opts: { documentNumber?: string; limit?: number } = {}) {
      const rows = await prisma.referenceTravelAuthorisation.findMany({
        where: opts.documentNumber
          ? { documentNumber: normaliseDocumentNumber(opts.documentNumber) }
          : {},
        orderBy: { createdAt: 'asc' },
        take: Math.min(opts.limit ?? 1000, 100_000),
      });
      return rows.map(stored);
    },

    /** Every record, revoked ones included (marked), in the documents package's type. */
    async loadAll(): Promise<TravelAuthorisation[]> {
      const rows = await prisma.referenceTravelAuthorisation.findMany({
        orderBy: { createdAt: 'asc' },
        select: { record: true },
      });
      return rows.map((r) => r.record as TravelAuthorisation);
    },
  };
}
export type AuthorisationRepository = ReturnType<typeof createAuthorisationRepository>;
