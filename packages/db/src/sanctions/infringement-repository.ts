// Infringement findings keyed by the core's stable key: inserting a key twice never creates
// two rows; a repeat detection with new evidence updates the stored finding instead.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface StoredInfringement {
  key: string;
  code: string;
  carrier: string;
  flightKey: string;
  travellerId?: string;
  evidence: string[];
  [k: string]: unknown;
}

export function createInfringementRepository(prisma: PrismaClient) {
  const toFinding = (i: StoredInfringement) => i as unknown as Prisma.InputJsonValue;
  return {
    /**
     * Store detected findings, given as the result of the core's merge: `added` are new keys
     * (a concurrent insert of the same key is skipped), `updated` replace the stored finding.
     */
    async save(
      added: readonly StoredInfringement[],
      updated: readonly StoredInfringement[],
      at: Date,
    ): Promise<{ inserted: number; updated: number }> {
      const ins = await prisma.sanctionInfringement.createMany({
        data: added.map((i) => ({
          key: i.key,
          code: i.code,
          carrierCode: i.carrier,
          flightKey: i.flightKey,
          travellerId: i.travellerId ?? null,
          finding: toFinding(i),
          detectedAt: at,
          updatedAt: at,
        })),
        skipDuplicates: true,
      });
      for (const i of updated)
        await prisma.sanctionInfringement.update({
          where: { key: i.key },
          data: { finding: toFinding(i), updatedAt: at },
        });
      return { inserted: ins.count, updated: updated.length };
    },
    async forFlight(flightKey: string): Promise<StoredInfringement[]> {
      const rows = await prisma.sanctionInfringement.findMany({
        where: { flightKey },
        orderBy: { key: 'asc' },
      });
      return rows.map((r) => r.finding as unknown as StoredInfringement);
    },
    /** Findings not yet in any case, for drafting. */
    async uncased(): Promise<StoredInfringement[]> {
      const rows = await prisma.sanctionInfringement.findMany({
        where: { caseId: null },
        orderBy: { key: 'asc' },
      });
      return rows.map((r) => r.finding as unknown as StoredInfringement);
    },
    async byKeys(keys: readonly string[]): Promise<StoredInfringement[]> {
      const rows = await prisma.sanctionInfringement.findMany({
        where: { key: { in: [...keys] } },
        orderBy: { key: 'asc' },
      });
      return rows.map((r) => r.finding as unknown as StoredInfringement);
    },
    async count(where: { flightKey?: string } = {}): Promise<number> {
      return prisma.sanctionInfringement.count({ where });
    },
  };
}
export type InfringementRepository = ReturnType<typeof createInfringementRepository>;
