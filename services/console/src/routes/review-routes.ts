// The officers' work: a prioritised queue of flagged travellers with every reason, a
// traveller's whole file (audited), decisions, and supervisors' confirmation of adverse ones.
import { currentUser, userAuth } from '@paxguard/auth';
import {
  DECISIONS,
  type AuditRepository,
  type ReviewRepository,
  type UserRepository,
} from '@paxguard/db';
import type { Clock } from '@paxguard/domain';
import type { App } from '@paxguard/platform';
import { z } from 'zod';

export function registerReviewRoutes(
  app: App,
  deps: { review: ReviewRepository; users: UserRepository; audit: AuditRepository; clock: Clock },
): void {
  const officers = userAuth(deps.users, ['officer', 'supervisor']);
  const supervisors = userAuth(deps.users, ['supervisor']);

  app.get(
    '/v1/review/queue',
    {
      preHandler: officers,
      schema: {
        querystring: z.object({
          flight: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
      },
    },
    async (req) => {
      const user = currentUser(req);
      const queue = await deps.review.queue({
        flightKey: req.query.flight,
        limit: req.query.limit,
      });
      await deps.audit.record({
        actor: user.id,
        actorRole: user.role,
        action: 'view-review-queue',
        subjectType: 'queue',
        subjectId: req.query.flight ?? 'all',
        details: { count: queue.length, requestId: req.id },
      });
      return { queue };
    },
  );

  app.get(
    '/v1/travellers/:id',
    { preHandler: officers, schema: { params: z.object({ id: z.uuid() }) } },
    async (req) => {
      const user = currentUser(req);
      const file = await deps.review.file(req.params.id);
      await deps.audit.record({
        actor: user.id,
        actorRole: user.role,
        action: 'view-traveller',
        subjectType: 'traveller',
        subjectId: req.params.id,
        details: { requestId: req.id },
      });
      return file;
    },
  );

  app.post(
    '/v1/travellers/:id/decisions',
    {
      preHandler: officers,
      schema: {
        params: z.object({ id: z.uuid() }),
        body: z.object({ decision: z.enum(DECISIONS), reason: z.string().min(1).max(2000) }),
      },
    },
    async (req, reply) => {
      const user = currentUser(req);
      const d = await deps.review.decide({
        travellerId: req.params.id,
        decision: req.body.decision,
        reason: req.body.reason,
        actor: user,
        at: deps.clock.now(),
      });
      return reply.code(201).send(d);
    },
  );

  app.post(
    '/v1/decisions/:id/confirmation',
    {
      preHandler: supervisors,
      schema: {
        params: z.object({ id: z.uuid() }),
        body: z.object({ approve: z.boolean(), note: z.string().min(1).max(2000) }),
      },
    },
    async (req) => {
      const user = currentUser(req);
      return deps.review.confirm({
        decisionId: req.params.id,
        approve: req.body.approve,
        note: req.body.note,
        actor: user,
        at: deps.clock.now(),
      });
    },
  );
}
