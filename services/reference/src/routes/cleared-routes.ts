// Cleared travellers (known false positives). Personal data: reads are audited.
import type { AuditRepository, ClearedRepository, UserRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { userAuth } from '@paxguard/auth';
import { z } from 'zod';
import { actorOf, auditRead, READ_ROLES, WRITE_ROLES } from './route-support.ts';

const IdParams = z.object({ id: z.uuid() });

export function registerClearedRoutes(
  app: App,
  deps: { cleared: ClearedRepository; users: UserRepository; audit: AuditRepository },
): void {
  const readers = userAuth(deps.users, READ_ROLES);
  const writers = userAuth(deps.users, WRITE_ROLES);

  app.get(
    '/v1/cleared-travellers',
    {
      onRequest: readers,
      schema: {
        querystring: z.object({
          includeExpired: z.enum(['true', 'false']).default('false'),
          entryId: z.string().min(1).optional(),
        }),
      },
    },
    async (req) => {
      const cleared = await deps.cleared.list({
        includeExpired: req.query.includeExpired === 'true',
        entryId: req.query.entryId,
      });
      await auditRead(deps.audit, req, {
        action: 'view-cleared-travellers',
        subjectType: 'cleared-traveller',
        subjectId: req.query.entryId ?? '*',
        details: { count: cleared.length },
      });
      return { cleared };
    },
  );

  app.get(
    '/v1/cleared-travellers/:id',
    { onRequest: readers, schema: { params: IdParams } },
    async (req) => {
      const c = await deps.cleared.get(req.params.id);
      await auditRead(deps.audit, req, {
        action: 'view-cleared-traveller',
        subjectType: 'cleared-traveller',
        subjectId: req.params.id,
      });
      return c;
    },
  );

  app.post(
    '/v1/cleared-travellers',
    { onRequest: writers, schema: { body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => reply.code(201).send(await deps.cleared.add(req.body, actorOf(req))),
  );

  app.delete(
    '/v1/cleared-travellers/:id',
    { onRequest: writers, schema: { params: IdParams } },
    async (req, reply) => {
      await deps.cleared.revoke(req.params.id, actorOf(req));
      return reply.code(204).send();
    },
  );
}
