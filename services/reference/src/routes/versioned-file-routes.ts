// Reference data kept as versioned files (entry rules, smuggling routes): list, export a version
// as a file, import a new version, delete one. Readers read; writers change.
import type { Actor, UserRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { userAuth } from '@paxguard/auth';
import { z } from 'zod';
import { actorOf, READ_ROLES, WRITE_ROLES } from './route-support.ts';

export interface VersionedFileStore {
  exportText(version: string): Promise<string>;
  importText(text: string, actor: Actor): Promise<unknown>;
  remove(version: string, actor: Actor): Promise<void>;
}

export function registerVersionedFileRoutes(
  app: App,
  deps: {
    /** e.g. `/v1/entry-rules` */
    path: string;
    store: VersionedFileStore;
    users: UserRepository;
    /** The body of `GET path`. */
    describe: () => Promise<Record<string, unknown>>;
    fileName: (version: string) => string;
    bodyLimit: number;
    maxVersionLength: number;
  },
): void {
  const readers = userAuth(deps.users, READ_ROLES);
  const writers = userAuth(deps.users, WRITE_ROLES);
  const VersionParams = z.object({ version: z.string().min(1).max(deps.maxVersionLength) });

  app.get(deps.path, { onRequest: readers }, deps.describe);

  app.get(
    `${deps.path}/:version/file`,
    { onRequest: readers, schema: { params: VersionParams } },
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${deps.fileName(req.params.version)}"`,
        )
        .send(await deps.store.exportText(req.params.version)),
  );

  // The file as text (text/plain) keeps its formatting; a JSON object is stored re-serialised.
  app.post(
    deps.path,
    {
      onRequest: writers,
      bodyLimit: deps.bodyLimit,
      schema: { body: z.union([z.string(), z.record(z.string(), z.unknown())]) },
    },
    async (req, reply) => {
      const text =
        typeof req.body === 'string' ? req.body : `${JSON.stringify(req.body, null, 2)}\n`;
      return reply.code(201).send(await deps.store.importText(text, actorOf(req)));
    },
  );

  app.delete(
    `${deps.path}/:version`,
    { onRequest: writers, schema: { params: VersionParams } },
    async (req, reply) => {
      await deps.store.remove(req.params.version, actorOf(req));
      return reply.code(204).send();
    },
  );
}
