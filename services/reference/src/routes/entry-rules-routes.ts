// Entry-rule versions, imported and exported as files (the documents package validates them).
import type { EntryRulesRepository, UserRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { userAuth } from '@paxguard/auth';
import { z } from 'zod';
import { actorOf, READ_ROLES, WRITE_ROLES } from './route-support.ts';

const VersionParams = z.object({ version: z.string().min(1).max(200) });

export function registerEntryRulesRoutes(
  app: App,
  deps: { entryRules: EntryRulesRepository; users: UserRepository },
): void {
  const readers = userAuth(deps.users, READ_ROLES);
  const writers = userAuth(deps.users, WRITE_ROLES);

  app.get('/v1/entry-rules', { onRequest: readers }, async () => ({
    versions: await deps.entryRules.list(),
  }));

  app.get(
    '/v1/entry-rules/:version/file',
    { onRequest: readers, schema: { params: VersionParams } },
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${req.params.version.replace(/[^\w.@-]/g, '_')}.json"`,
        )
        .send(await deps.entryRules.exportText(req.params.version)),
  );

  // The file as text (text/plain) keeps its formatting; a JSON object is stored re-serialised.
  app.post(
    '/v1/entry-rules',
    {
      onRequest: writers,
      bodyLimit: 10 * 1024 * 1024,
      schema: { body: z.union([z.string(), z.record(z.string(), z.unknown())]) },
    },
    async (req, reply) => {
      const text =
        typeof req.body === 'string' ? req.body : `${JSON.stringify(req.body, null, 2)}\n`;
      return reply.code(201).send(await deps.entryRules.importText(text, actorOf(req)));
    },
  );

  app.delete(
    '/v1/entry-rules/:version',
    { onRequest: writers, schema: { params: VersionParams } },
    async (req, reply) => {
      await deps.entryRules.remove(req.params.version, actorOf(req));
      return reply.code(204).send();
    },
  );
}
