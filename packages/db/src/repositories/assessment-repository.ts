// Assessments and the answers they produce. One current assessment per traveller: storing is
// idempotent on (traveller, input hash), under a row lock on the traveller, so a redelivered
// message or a crashed and restarted worker can never create a second result for one input.
import type { Finding, Manifest, Pnr, Traveller } from '@paxguard/domain';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface AssessmentInput {
  travellerId: string;
  outcome: string;
  findings: Finding[];
  inputHash: string;
  versions: Readonly<Record<string, string>>;
}

export interface DirectiveInput {
  carrierId: string;
  flightId: string;
  travellerId: string;
  answer: string;
  basis: 'screening' | 'iapi' | 'iapi-timeout-default' | 'officer';
  reasons: unknown;
  submissionId?: string;
  issuedAt: Date;
}

export interface ScreeningSubject {
  travellerId: string;
  flightId: string;
  carrierId: string;
  flightKey: string;
  contentHash: string;
  traveller: Traveller;
  manifest: Manifest;
  /** The traveller's booking, when the carrier pushed it (PNRGOV / JSON). */
  pnr?: Pnr;
}

export async function storeDirective(
  tx: Prisma.TransactionClient,
  d: DirectiveInput,
): Promise<string> {
  await tx.directive.updateMany({
    where: { travellerId: d.travellerId, current: true },
    data: { current: false },
  });
  const row = await tx.directive.create({
    data: {
      ...d,
      reasons: d.reasons as Prisma.InputJsonValue,
      submissionId: d.submissionId ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

export function createAssessmentRepository(prisma: PrismaClient) {
  return {
    /**
     * Store an assessment unless this exact input was assessed before. Returns whether a new
     * row was written. `directive` is recorded only with a new assessment.
     */
    async store(
      a: AssessmentInput,
      directive?: Omit<DirectiveInput, 'travellerId'>,
    ): Promise<{ created: boolean; id: string }> {
      return prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(
          'SELECT 1 FROM "Traveller" WHERE id = $1::uuid FOR UPDATE',
          a.travellerId,
        );
        const existing = await tx.assessment.findUnique({
          where: { travellerId_inputHash: { travellerId: a.travellerId, inputHash: a.inputHash } },
          select: { id: true, current: true },
        });
        if (existing) {
          if (!existing.current) {
            await tx.assessment.updateMany({
              where: { travellerId: a.travellerId, current: true },
              data: { current: false },
            });
            await tx.assessment.update({ where: { id: existing.id }, data: { current: true } });
          }
          return { created: false, id: existing.id };
        }
        await tx.assessment.updateMany({
          where: { travellerId: a.travellerId, current: true },
          data: { current: false },
        });
        const row = await tx.assessment.create({
          data: {
            travellerId: a.travellerId,
            inputHash: a.inputHash,
            outcome: a.outcome,
            rulesVersion: a.versions as Prisma.InputJsonValue,
          },
          select: { id: true },
        });
        if (a.findings.length > 0)
          await tx.finding.createMany({
            data: a.findings.map((f) => ({
              assessmentId: row.id,
              source: f.source,
              code: f.code,
              severity: f.severity,
              message: f.message,
              ruleId: f.rule.id,
              ruleVersion: f.rule.version,
              evidence: (f.evidence ?? undefined) as Prisma.InputJsonValue | undefined,
            })),
          });
        if (directive) await storeDirective(tx, { ...directive, travellerId: a.travellerId });
        return { created: true, id: row.id };
      });
    },

    /** Travellers with what screening needs: their data and the flight's latest manifest header. */
    async subjects(travellerIds: readonly string[]): Promise<ScreeningSubject[]> {
      if (travellerIds.length === 0) return [];
      const rows = await prisma.traveller.findMany({
        where: { id: { in: [...travellerIds] } },
        select: {
          id: true,
          flightId: true,
          contentHash: true,
          data: true,
          flight: { select: { key: true, carrierId: true } },
        },
      });
      const flightIds = [...new Set(rows.map((r) => r.flightId))];
      const manifests = new Map<string, Manifest>();
      for (const flightId of flightIds) {
        const mv = await prisma.manifestVersion.findFirst({
          where: { flightId },
          orderBy: { version: 'desc' },
          select: { manifest: true },
        });
        if (mv) manifests.set(flightId, mv.manifest as unknown as Manifest);
      }
      const subjects: ScreeningSubject[] = rows
        .filter((r) => manifests.has(r.flightId))
        .map((r) => ({
          travellerId: r.id,
          flightId: r.flightId,
          carrierId: r.flight.carrierId,
          flightKey: r.flight.key,
          contentHash: r.contentHash,
          traveller: r.data as unknown as Traveller,
          manifest: { ...manifests.get(r.flightId)!, travellers: [] },
        }));
      // Bookings the carrier pushed for these flights, matched on the traveller's booking reference.
      const refs = subjects
        .map((s) => s.traveller.references?.booking)
        .filter((b): b is string => !!b);
      if (refs.length > 0) {
        const pnrs = await prisma.pnr.findMany({
          where: {
            flightKey: { in: [...new Set(subjects.map((s) => s.flightKey))] },
            bookingRef: { in: refs },
          },
          select: { flightKey: true, bookingRef: true, data: true },
        });
        const byKey = new Map(
          pnrs.map((p) => [`${p.flightKey}|${p.bookingRef}`, p.data as unknown as Pnr]),
        );
        for (const s of subjects) {
          const pnr = byKey.get(`${s.flightKey}|${s.traveller.references?.booking}`);
          if (pnr) s.pnr = pnr;
        }
      }
      return subjects;
    },

    /** Active travellers without a current assessment (work a crash or a lost event left undone). */
    async unassessed(limit = 1000): Promise<string[]> {
      const rows = await prisma.traveller.findMany({
        where: { status: 'active', assessments: { none: { current: true } } },
        select: { id: true },
        take: limit,
      });
      return rows.map((r) => r.id);
    },

    /** Travellers of flights not yet arrived: re-screened when reference data changes. */
    async notYetArrived(now: Date, limit = 100_000): Promise<string[]> {
      const rows = await prisma.traveller.findMany({
        where: {
          status: { in: ['active', 'boarded'] },
          flight: {
            status: { not: 'cancelled' },
            OR: [{ scheduledArrival: null }, { scheduledArrival: { gt: now } }],
          },
        },
        select: { id: true },
        take: limit,
      });
      return rows.map((r) => r.id);
    },

    async current(travellerId: string) {
      return prisma.assessment.findFirst({
        where: { travellerId, current: true },
        include: { findings: true },
      });
    },
  };
}
export type AssessmentRepository = ReturnType<typeof createAssessmentRepository>;
