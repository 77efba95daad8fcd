// Known smuggling routes for link analysis, imported and exported as versioned JSON files.
import type { SmugglingRoutesRepository, UserRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { userAuth } from '@paxguard/auth';
import { z } from 'zod';
import { actorOf, READ_ROLES, WRITE_ROLES } from './route-support.ts';

const VersionParams = z.object({ version: z.string().min(1).max(64) });

export function registerSmugglingRoutesRoutes(
  app: App,
  deps: { smugglingRoutes: SmugglingRoutesRepository; users: UserRepository },
): void {
  const readers = userAuth(deps.users, READ_ROLES);
  const writers = userAuth(deps.users, WRITE_ROLES);

  app.get('/v1/smuggling-routes', { onRequest: readers }, async () => {
    const current = await deps.smugglingRoutes.current();
    return { current: current.version ?? null, versions: await deps.smugglingRoutes.list() };
  });

  app.get(
    '/v1/smuggling-routes/:version/file',
    { onRequest: readers, schema: { params: VersionParams } },
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="routes-${req.params.version.replace(/[^\w.-]/g, '_')}.json"`,
        )
        .send(await deps.smugglingRoutes.exportText(req.params.version)),
  );

  // The file as text (text/plain) keeps its formatting; a JSON object is stored re-serialised.
  app.post(
    '/v1/smuggling-routes',
    {
      onRequest: writers,
      bodyLimit: 2 * 1024 * 1024,
      schema: { body: z.union([z.string(), z.record(z.string(), z.unknown())]) },
    },
    async (req, reply) => {
      const text =
        typeof req.body === 'string' ? req.body : `${JSON.stringify(req.body, null, 2)}\n`;
      return reply.code(201).send(await deps.smugglingRoutes.importText(text, actorOf(req)));
    },
  );

  app.delete(
    '/v1/smuggling-routes/:version',
    { onRequest: writers, schema: { params: VersionParams } },
    async (req, reply) => {
      await deps.smugglingRoutes.remove(req.params.version, actorOf(req));
      return reply.code(204).send();
    },
  );
}
