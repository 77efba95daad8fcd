// Issued visas and travel authorisations: register, import a file, revoke. Reads are audited
// (each record names a traveller's document).
import type { AuditRepository, AuthorisationRepository, UserRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { userAuth } from '@paxguard/auth';
import { z } from 'zod';
import { actorOf, auditRead, READ_ROLES, WRITE_ROLES } from './route-support.ts';

const IdParams = z.object({ id: z.uuid() });

export function registerAuthorisationRoutes(
  app: App,
  deps: { authorisations: AuthorisationRepository; users: UserRepository; audit: AuditRepository },
): void {
  const readers = userAuth(deps.users, READ_ROLES);
  const writers = userAuth(deps.users, WRITE_ROLES);
  const repo = deps.authorisations;

  app.get(
    '/v1/travel-authorisations',
    {
      onRequest: readers,
      schema: {
        querystring: z.object({
          documentNumber: z.string().min(1).max(40).optional(),
          limit: z.coerce.number().int().min(1).max(10_000).default(1000),
        }),
      },
    },
    async (req) => {
      const authorisations = await repo.list(req.query);
      await auditRead(deps.audit, req, {
        action: 'view-travel-authorisations',
        subjectType: 'travel-authorisation',
        subjectId: req.query.documentNumber ?? '*',
        details: { count: authorisations.length },
      });
      return { authorisations };
    },
  );

  app.get(
    '/v1/travel-authorisations/:id',
    { onRequest: readers, schema: { params: IdParams } },
    async (req) => {
      const a = await repo.get(req.params.id);
      await auditRead(deps.audit, req, {
        action: 'view-travel-authorisation',
        subjectType: 'travel-authorisation',
        subjectId: req.params.id,
      });
      return a;
    },
  );

  app.post(
    '/v1/travel-authorisations',
    { onRequest: writers, schema: { body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => reply.code(201).send(await repo.add(req.body, actorOf(req))),
  );

  app.post(
    '/v1/travel-authorisations/import',
    {
      onRequest: writers,
      bodyLimit: 100 * 1024 * 1024,
      schema: { body: z.union([z.string(), z.array(z.unknown())]) },
    },
    (req) =>
      repo.importJson(
        typeof req.body === 'string' ? req.body : JSON.stringify(req.body),
        actorOf(req),
      ),
  );

  app.post(
    '/v1/travel-authorisations/:id/revoke',
    { onRequest: writers, schema: { params: IdParams } },
    (req) => repo.revoke(req.params.id, actorOf(req)),
  );
}
