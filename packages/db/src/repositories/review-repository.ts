// What officers work on: the queue of flagged travellers, a traveller's whole file, and
// decisions with the four-eyes rule for adverse ones.
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@paxguard/domain';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { recordAudit } from './audit-repository.ts';
import { storeDirective } from './assessment-repository.ts';

export const DECISIONS = ['clear', 'no-board', 'protection-referral', 'advisory'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

export interface Actor {
  id: string;
  role: string;
}

const RANK: Record<string, number> = { refer: 0, 'no-board': 1 };

export function createReviewRepository(prisma: PrismaClient) {
  return {
    /** Current assessments that need a person, flights departing soonest first. */
    async queue(opts: { flightKey?: string; limit?: number } = {}) {
      const rows = await prisma.assessment.findMany({
        where: {
          current: true,
          outcome: { in: ['refer', 'no-board'] },
          traveller: {
            status: { in: ['active', 'boarded'] },
            ...(opts.flightKey ? { flight: { key: opts.flightKey } } : {}),
          },
        },
        include: {
          findings: { select: { source: true, code: true, severity: true, message: true } },
          traveller: {
            select: {
              id: true,
              surname: true,
              givenNames: true,
              nationality: true,
              role: true,
              flight: {
                select: { key: true, scheduledDeparture: true, origin: true, destination: true },
              },
            },
          },
        },
        take: Math.min(opts.limit ?? 200, 1000),
      });
      const decided = await prisma.decision.findMany({
        where: {
          assessmentId: { in: rows.map((r) => r.id) },
          status: { in: ['final', 'confirmed', 'pending-confirmation'] },
        },
        select: { assessmentId: true, status: true },
      });
      const decidedStatus = new Map(decided.map((d) => [d.assessmentId, d.status]));
      return rows
        .map((r) => ({
          assessmentId: r.id,
          outcome: r.outcome,
          decision: decidedStatus.get(r.id) ?? 'open',
          traveller: {
            id: r.traveller.id,
            name: `${r.traveller.surname}, ${r.traveller.givenNames}`,
            nationality: r.traveller.nationality,
            role: r.traveller.role,
          },
          flight: r.traveller.flight,
          reasons: r.findings.filter((f) => f.severity !== 'cleared'),
        }))
        .filter((q) => q.decision !== 'final' && q.decision !== 'confirmed')
        .sort(
          (a, b) =>
            (a.flight.scheduledDeparture?.getTime() ?? Infinity) -
              (b.flight.scheduledDeparture?.getTime() ?? Infinity) ||
            (RANK[a.outcome] ?? 9) - (RANK[b.outcome] ?? 9),
        );
    },

    /** Everything about one traveller, and the links to other bookings that share identifiers. */
    async file(travellerId: string) {
      const t = await prisma.traveller.findUnique({
        where: { id: travellerId },
        include: {
          flight: {
            select: {
              id: true,
              key: true,
              origin: true,
              destination: true,
              scheduledDeparture: true,
              scheduledArrival: true,
              status: true,
              carrierCode: true,
            },
          },
          documents: true,
          assessments: { orderBy: { createdAt: 'desc' }, include: { findings: true } },
          revisions: {
            orderBy: { revision: 'asc' },
            select: { revision: true, operation: true, createdAt: true, manifestVersionId: true },
          },
        },
      });
      if (!t) throw new NotFoundError('TRAVELLER_NOT_FOUND', 'no such traveller');
      const [directives, decisions] = await Promise.all([
        prisma.directive.findMany({ where: { travellerId }, orderBy: { issuedAt: 'desc' } }),
        prisma.decision.findMany({ where: { travellerId }, orderBy: { decidedAt: 'desc' } }),
      ]);
      const booking = (t.data as { references?: { booking?: string } }).references?.booking;
      const numbers = t.documents.map((d) => d.number);
      const linked = await prisma.traveller.findMany({
        where: {
          id: { not: travellerId },
          OR: [
            ...(booking ? [{ data: { path: ['references', 'booking'], equals: booking } }] : []),
            ...(numbers.length ? [{ documents: { some: { number: { in: numbers } } } }] : []),
          ],
        },
        select: { id: true, surname: true, givenNames: true, flight: { select: { key: true } } },
        take: 50,
      });
      return {
        traveller: t,
        directives,
        decisions,
        linked: booking || numbers.length ? linked : [],
      };
    },

    async decide(input: {
      travellerId: string;
      decision: DecisionKind;
      reason: string;
      actor: Actor;
      at: Date;
    }) {
      if (input.reason.trim().length < 5)
        throw new ValidationError(
          'REASON_REQUIRED',
          'a decision needs a reason of a few words at least',
        );
      return prisma.$transaction(async (tx) => {
        const a = await tx.assessment.findFirst({
          where: { travellerId: input.travellerId, current: true },
          include: { traveller: { include: { flight: true } } },
        });
        if (!a)
          throw new NotFoundError('NOTHING_TO_DECIDE', 'this traveller has no current assessment');
        // Adverse decisions need a second person; everything else takes effect now.
        const status = input.decision === 'no-board' ? 'pending-confirmation' : 'final';
        const d = await tx.decision.create({
          data: {
            travellerId: input.travellerId,
            assessmentId: a.id,
            decision: input.decision,
            reason: input.reason,
            decidedBy: input.actor.id,
            decidedAt: input.at,
            status,
          },
        });
        if (input.decision === 'clear')
          await storeDirective(tx, {
            carrierId: a.traveller.flight.carrierId,
            flightId: a.traveller.flightId,
            travellerId: input.travellerId,
            answer: 'board',
            basis: 'officer',
            reasons: [{ code: 'OFFICER_CLEARED', message: 'cleared by an officer after review' }],
            issuedAt: input.at,
          });
        await recordAudit(tx, {
          actor: input.actor.id,
          actorRole: input.actor.role,
          action: `decide:${input.decision}`,
          subjectType: 'traveller',
          subjectId: input.travellerId,
          details: { decisionId: d.id, reason: input.reason, status },
          at: input.at,
        });
        return d;
      });
    },

    async confirm(input: {
      decisionId: string;
      approve: boolean;
      note: string;
      actor: Actor;
      at: Date;
    }) {
      return prisma.$transaction(async (tx) => {
        const d = await tx.decision.findUnique({ where: { id: input.decisionId } });
        if (!d) throw new NotFoundError('DECISION_NOT_FOUND', 'no such decision');
        if (d.status !== 'pending-confirmation')
          throw new ConflictError(
            'NOT_PENDING',
            `this decision is ${d.status}, not waiting for confirmation`,
          );
        if (d.decidedBy === input.actor.id)
          throw new ForbiddenError(
            'FOUR_EYES',
            'a decision must be confirmed by someone other than the officer who took it',
          );
        const updated = await tx.decision.updateMany({
          where: { id: d.id, status: 'pending-confirmation' },
          data: {
            status: input.approve ? 'confirmed' : 'rejected',
            confirmedBy: input.actor.id,
            confirmedAt: input.at,
            confirmNote: input.note,
          },
        });
        if (updated.count !== 1)
          throw new ConflictError('NOT_PENDING', 'the decision changed meanwhile');
        if (input.approve && d.decision === 'no-board') {
          const t = await tx.traveller.findUniqueOrThrow({
            where: { id: d.travellerId },
            include: { flight: true },
          });
          await storeDirective(tx, {
            carrierId: t.flight.carrierId,
            flightId: t.flightId,
            travellerId: t.id,
            answer: 'no-board',
            basis: 'officer',
            // The officer's reasoning stays in the decision; the carrier is told only the outcome.
            reasons: [
              {
                code: 'OFFICER_NO_BOARD',
                message: 'do not board: decided by the border authority after review',
              },
            ],
            issuedAt: input.at,
          });
        }
        await recordAudit(tx, {
          actor: input.actor.id,
          actorRole: input.actor.role,
          action: input.approve ? 'confirm-decision' : 'reject-decision',
          subjectType: 'decision',
          subjectId: d.id,
          details: { note: input.note },
          at: input.at,
        });
        return { ...d, status: input.approve ? 'confirmed' : 'rejected' };
      });
    },

    /** A carrier's current answers for its flights (what it must do at the gate). */
    async directivesForCarrier(carrierId: string, flightKey?: string) {
      return prisma.directive.findMany({
        where: {
          carrierId,
          current: true,
          ...(flightKey
            ? {
                flightId:
                  (
                    await prisma.flight.findUnique({
                      where: { key: flightKey },
                      select: { id: true },
                    })
                  )?.id ?? '00000000-0000-0000-0000-000000000000',
              }
            : {}),
        },
        orderBy: { issuedAt: 'desc' },
        take: 1000,
      });
    },
  };
}
export type ReviewRepository = ReturnType<typeof createReviewRepository>;
