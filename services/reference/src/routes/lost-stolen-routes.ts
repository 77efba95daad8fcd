// Lost/stolen document lists: the CSV body is streamed straight into the repository's batched
// inserts, never buffered whole (lists have tens of millions of lines).
import type { Readable } from 'node:stream';
import type { LostStolenRepository, UserRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { userAuth } from '@paxguard/auth';
import { z } from 'zod';
import { actorOf, READ_ROLES, WRITE_ROLES } from './route-support.ts';

const ListParams = z.object({ list: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/) });

export function registerLostStolenRoutes(
  app: App,
  deps: { lostStolen: LostStolenRepository; users: UserRepository },
): void {
  const readers = userAuth(deps.users, READ_ROLES);
  const writers = userAuth(deps.users, WRITE_ROLES);

  // The request stream itself becomes the body: no size limit applies and nothing is buffered.
  app.addContentTypeParser('text/csv', (_req, payload, done) => done(null, payload));

  app.get('/v1/lost-stolen', { onRequest: readers }, async () => ({
    imports: (await deps.lostStolen.imports()).map(({ issues: _issues, ...i }) => i),
  }));

  app.get(
    '/v1/lost-stolen/:list/imports',
    { onRequest: readers, schema: { params: ListParams } },
    async (req) => ({ imports: await deps.lostStolen.imports(req.params.list) }),
  );

  app.post(
    '/v1/lost-stolen/:list/imports',
    {
      onRequest: writers,
      schema: {
        params: ListParams,
        querystring: z.object({ version: z.string().min(1).max(100) }),
      },
    },
    async (req, reply) => {
      const body = req.body as Readable | string | undefined;
      if (body === undefined || (typeof body !== 'string' && !(Symbol.asyncIterator in body)))
        return reply.code(415).send({
          error: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'send the list as text/csv: issuing_state,number,status,reported_date',
          requestId: req.id,
        });
      const result = await deps.lostStolen.importCsv({
        listId: req.params.list,
        version: req.query.version,
        csv: body,
        actor: actorOf(req),
      });
      return reply.code(201).send(result);
    },
  );

  app.delete(
    '/v1/lost-stolen/:list',
    { onRequest: writers, schema: { params: ListParams } },
    async (req, reply) => {
      await deps.lostStolen.removeList(req.params.list, actorOf(req));
      return reply.code(204).send();
    },
  );
}
