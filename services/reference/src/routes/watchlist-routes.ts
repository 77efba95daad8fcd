// Watchlists and their entries. Entries are personal data: every read of them is audited.
import type { AuditRepository, UserRepository, WatchlistRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { userAuth } from '@paxguard/auth';
import { z } from 'zod';
import { actorOf, auditRead, READ_ROLES, WRITE_ROLES } from './route-support.ts';

const ListId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'list id: letters, digits, . _ -');
const ListParams = z.object({ id: ListId });
const EntryParams = z.object({ id: ListId, entryId: z.string().min(1).max(200) });

export function registerWatchlistRoutes(
  app: App,
  deps: { watchlists: WatchlistRepository; users: UserRepository; audit: AuditRepository },
): void {
  const readers = userAuth(deps.users, READ_ROLES);
  const writers = userAuth(deps.users, WRITE_ROLES);
  const { watchlists } = deps;

  app.get('/v1/watchlists', { onRequest: readers }, async () => ({
    watchlists: await watchlists.list(),
  }));

  app.post(
    '/v1/watchlists',
    {
      onRequest: writers,
      schema: {
        body: z.object({
          id: ListId,
          name: z.string().min(1).max(200),
          kind: z.enum(['persons', 'documents']),
          alertThreshold: z.number().min(0.6).max(1).optional(),
        }),
      },
    },
    async (req, reply) => reply.code(201).send(await watchlists.create(req.body, actorOf(req))),
  );

  app.get('/v1/watchlists/:id', { onRequest: readers, schema: { params: ListParams } }, (req) =>
    watchlists.get(req.params.id),
  );

  app.patch(
    '/v1/watchlists/:id',
    {
      onRequest: writers,
      schema: {
        params: ListParams,
        body: z.object({
          name: z.string().min(1).max(200).optional(),
          alertThreshold: z.number().min(0.6).max(1).optional(),
        }),
      },
    },
    (req) => watchlists.update(req.params.id, req.body, actorOf(req)),
  );

  app.delete(
    '/v1/watchlists/:id',
    { onRequest: writers, schema: { params: ListParams } },
    async (req, reply) => {
      await watchlists.remove(req.params.id, actorOf(req));
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/watchlists/:id/entries',
    {
      onRequest: readers,
      schema: {
        params: ListParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => {
      const page = await watchlists.entries(req.params.id, req.query);
      await auditRead(deps.audit, req, {
        action: 'view-watchlist-entries',
        subjectType: 'watchlist',
        subjectId: req.params.id,
        details: { count: page.entries.length, offset: req.query.offset },
      });
      return page;
    },
  );

  app.get(
    '/v1/watchlists/:id/entries/:entryId',
    { onRequest: readers, schema: { params: EntryParams } },
    async (req) => {
      const entry = await watchlists.entry(req.params.id, req.params.entryId);
      await auditRead(deps.audit, req, {
        action: 'view-watchlist-entry',
        subjectType: 'watchlist-entry',
        subjectId: `${req.params.id}/${req.params.entryId}`,
      });
      return entry;
    },
  );

  app.put(
    '/v1/watchlists/:id/entries/:entryId',
    {
      onRequest: writers,
      schema: { params: EntryParams, body: z.record(z.string(), z.unknown()) },
    },
    (req) =>
      watchlists.upsertEntry(req.params.id, { ...req.body, id: req.params.entryId }, actorOf(req)),
  );

  app.delete(
    '/v1/watchlists/:id/entries/:entryId',
    { onRequest: writers, schema: { params: EntryParams } },
    (req) => watchlists.removeEntry(req.params.id, req.params.entryId, actorOf(req)),
  );

  app.post(
    '/v1/watchlists/:id/import',
    {
      onRequest: writers,
      schema: {
        params: ListParams,
        querystring: z.object({ replace: z.enum(['true', 'false']).default('false') }),
        body: z.array(z.unknown()),
      },
    },
    (req) =>
      watchlists.importEntries(req.params.id, req.body, actorOf(req), {
        replace: req.query.replace === 'true',
      }),
  );
}
