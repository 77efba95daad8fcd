// Entry-rule versions: the rules file text as the documents package validated it, with its
// effective date and author. Versions are never overwritten; all of them go to the checker.
import { createHash } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '@paxguard/domain';
import { importRules } from '@paxguard/documents';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { recordChange, type Actor } from './reference-change.ts';

export interface EntryRulesVersionInfo {
  id: string;
  version: string;
  effectiveFrom: string;
  sha256: string;
  author: string;
  createdAt: Date;
}

const info = (r: EntryRulesVersionInfo): EntryRulesVersionInfo => ({
  id: r.id,
  version: r.version,
  effectiveFrom: r.effectiveFrom,
  sha256: r.sha256,
  author: r.author,
  createdAt: r.createdAt,
});

export function createEntryRulesRepository(prisma: PrismaClient) {
  return {
    /** Stores a new version from file text; refuses invalid rules with every issue's path. */
    async importText(text: string, actor: Actor): Promise<EntryRulesVersionInfo> {
      const r = importRules(text);
      if (!r.ok)
        throw new ValidationError(
          r.issues[0]?.code ?? 'RULES_SCHEMA',
          r.issues
            .slice(0, 5)
            .map((i) => `${i.path}: ${i.message}`)
            .join('; '),
          { issues: r.issues.slice(0, 100) },
        );
      const { version, effectiveFrom } = r.rules;
      return prisma.$transaction(async (tx) => {
        if (await tx.referenceEntryRulesVersion.findUnique({ where: { version } }))
          throw new ConflictError(
            'RULES_VERSION_EXISTS',
            `entry rules ${version} are already stored; a change needs a new version`,
          );
        const row = await tx.referenceEntryRulesVersion.create({
          data: {
            version,
            effectiveFrom,
            text,
            sha256: createHash('sha256').update(text).digest('hex'),
            author: actor.id,
          },
        });
        await recordChange(tx, {
          area: 'entry-rules',
          actor,
          action: 'entry-rules.import',
          subjectType: 'entry-rules',
          subjectId: version,
          details: { effectiveFrom },
        });
        return info(row);
      });
    },

    async list(): Promise<EntryRulesVersionInfo[]> {
      const rows = await prisma.referenceEntryRulesVersion.findMany({
        orderBy: [{ effectiveFrom: 'asc' }, { createdAt: 'asc' }],
      });
      return rows.map(info);
    },

    async exportText(version: string): Promise<string> {
      const row = await prisma.referenceEntryRulesVersion.findUnique({ where: { version } });
      if (!row) throw new NotFoundError('RULES_NOT_FOUND', `no entry rules version ${version}`);
      return row.text;
    },

    /** Every stored version's text, oldest effective date first. */
    async allTexts(): Promise<string[]> {
      const rows = await prisma.referenceEntryRulesVersion.findMany({
        orderBy: [{ effectiveFrom: 'asc' }, { createdAt: 'asc' }],
        select: { text: true },
      });
      return rows.map((r) => r.text);
    },

    async remove(version: string, actor: Actor): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const gone = await tx.referenceEntryRulesVersion.deleteMany({ where: { version } });
        if (gone.count === 0)
          throw new NotFoundError('RULES_NOT_FOUND', `no entry rules version ${version}`);
        await recordChange(tx, {
          area: 'entry-rules',
          actor,
          action: 'entry-rules.delete',
          subjectType: 'entry-rules',
          subjectId: version,
        });
      });
    },
  };
}
export type EntryRulesRepository = ReturnType<typeof createEntryRulesRepository>;
