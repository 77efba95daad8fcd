// Risk profiles: analysts and supervisors write drafts and back-test them; only a supervisor
// who is not the author approves (the profiles package decides and its refusal is returned).
import type { AuditRepository, RiskProfileRepository, UserRepository } from '@paxguard/db';
import { ProfileStatus } from '@paxguard/profiles';
import type { App } from '@paxguard/platform';
import { userAuth } from '@paxguard/auth';
import { z } from 'zod';
import type { BacktestRunner } from '../backtest-runner.ts';
import {
  actorOf,
  auditRead,
  APPROVAL_ROLES,
  DRAFT_ROLES,
  READ_ROLES,
  WRITE_ROLES,
} from './route-support.ts';

const ProfileId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
const IdParams = z.object({ id: ProfileId });
const VersionParams = z.object({ id: ProfileId, version: z.coerce.number().int().positive() });

export function registerProfileRoutes(
  app: App,
  deps: {
    profiles: RiskProfileRepository;
    backtest: BacktestRunner;
    users: UserRepository;
    audit: AuditRepository;
  },
): void {
  const readers = userAuth(deps.users, [...new Set([...READ_ROLES, ...DRAFT_ROLES])]);
  const drafters = userAuth(deps.users, DRAFT_ROLES);
  const approvers = userAuth(deps.users, APPROVAL_ROLES);
  const retirers = userAuth(deps.users, WRITE_ROLES);
  const { profiles } = deps;

  // Profiles arrive as JSON objects or as YAML/JSON text (text/plain, application/yaml).
  app.addContentTypeParser(
    ['application/yaml', 'application/x-yaml', 'text/yaml'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/v1/profiles',
    {
      onRequest: readers,
      schema: { querystring: z.object({ status: ProfileStatus.optional() }) },
    },
    async (req) => ({ profiles: await profiles.list({ status: req.query.status }) }),
  );

  app.get(
    '/v1/profiles/:id',
    { onRequest: readers, schema: { params: IdParams } },
    async (req) => ({
      versions: await profiles.versions(req.params.id),
    }),
  );

  app.get(
    '/v1/profiles/:id/versions/:version',
    { onRequest: readers, schema: { params: VersionParams } },
    (req) => profiles.get(req.params.id, req.params.version),
  );

  app.post(
    '/v1/profiles',
    {
      onRequest: drafters,
      schema: { body: z.union([z.string(), z.record(z.string(), z.unknown())]) },
    },
    async (req, reply) => reply.code(201).send(await profiles.draft(req.body, actorOf(req))),
  );

  app.post(
    '/v1/profiles/:id/versions/:version/submit',
    { onRequest: drafters, schema: { params: VersionParams } },
    (req) => profiles.submit(req.params.id, req.params.version, actorOf(req)),
  );

  app.post(
    '/v1/profiles/:id/versions/:version/approve',
    {
      onRequest: approvers,
      schema: {
        params: VersionParams,
        body: z.object({ comment: z.string().max(1000).optional() }).nullish(),
      },
    },
    (req) =>
      profiles.approve(req.params.id, req.params.version, actorOf(req), {
        comment: req.body?.comment,
      }),
  );

  app.post(
    '/v1/profiles/:id/versions/:version/retire',
    { onRequest: retirers, schema: { params: VersionParams } },
    (req) => profiles.retire(req.params.id, req.params.version, actorOf(req)),
  );

  app.post(
    '/v1/profiles/:id/backtest',
    {
      onRequest: drafters,
      schema: {
        params: IdParams,
        body: z
          .object({
            version: z.number().int().positive().optional(),
            since: z.iso.date().optional(),
            limit: z.number().int().min(1).max(500_000).optional(),
            sampleSize: z.number().int().min(0).max(200).optional(),
          })
          .nullish(),
      },
    },
    async (req) => {
      const report = await deps.backtest({ profileId: req.params.id, ...(req.body ?? {}) });
      // The back-test reads every stored traveller: that use of personal data is recorded.
      await auditRead(deps.audit, req, {
        action: 'profile.backtest',
        subjectType: 'risk-profile',
        subjectId: `${report.profileId}@${report.version}`,
        details: { travellers: report.travellers, flagged: report.flaggedTravellers },
      });
      return report;
    },
  );
}
