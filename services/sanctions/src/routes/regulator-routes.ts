// Regulator API: arrival outcomes in (officers), cases (regulators and supervisors decide,
// auditors read), notices, register, scorecards, jurisdiction profiles (admins and regulators edit).
import { currentUser, userAuth } from '@paxguard/auth';
import type { UserIdentity, UserRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { CaseState } from '@paxguard/sanctions';
import { z } from 'zod';
import type { CaseService, Caller } from '../case-service.ts';
import type { OutcomeService } from '../outcome-service.ts';
import type { ProfileCatalogue } from '../profile-catalogue.ts';

export function callerOf(user: UserIdentity): Caller {
  // Only regulators and supervisors reach the transition route; other roles only read.
  const role = user.role === 'supervisor' ? 'supervisor' : 'regulator';
  return { actor: { role, id: user.id }, auditRole: user.role };
}

const CaseParams = z.object({ id: z.uuid() });
/** The transition body: the command without actor and time, which the server supplies. */
const TransitionBody = z
  .object({
    type: z.enum([
      'submit-for-review',
      'issue-notice',
      'mark-deadline-passed',
      'decide',
      'decide-appeal',
      'record-payment',
      'close',
    ]),
    expectedVersion: z.number().int().nonnegative(),
    reason: z.string(),
  })
  .loose();

export function registerRegulatorRoutes(
  app: App,
  deps: {
    users: UserRepository;
    outcomes: OutcomeService;
    cases: CaseService;
    catalogue: ProfileCatalogue;
  },
): void {
  const officers = userAuth(deps.users, ['officer', 'supervisor']);
  const readers = userAuth(deps.users, ['regulator', 'supervisor', 'auditor']);
  const returnRequesters = userAuth(deps.users, ['officer', 'supervisor', 'regulator']);
  const deciders = userAuth(deps.users, ['regulator', 'supervisor']);
  const editors = userAuth(deps.users, ['admin', 'regulator']);
  const profileReaders = userAuth(deps.users, ['admin', 'regulator', 'supervisor', 'auditor']);

  app.post(
    '/v1/arrivals',
    {
      preHandler: officers,
      schema: { summary: 'Record what happened to a traveller at arrival.' },
    },
    async (req, reply) => {
      const user = currentUser(req);
      const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
        string,
        unknown
      >;
      // The officer is the recorder unless a system relays another's report.
      const input = { recordedBy: user.id, ...body };
      const r = await deps.outcomes.record(input, 'api');
      return reply.code(r.status === 'created' ? 201 : 200).send(r);
    },
  );

  app.post(
    '/v1/sanctions/return-requests',
    {
      preHandler: returnRequesters,
      schema: {
        summary: 'Ask the carrier to take back a traveller refused entry by a date.',
        body: z.object({ flightKey: z.string(), travellerId: z.string(), dueBy: z.iso.datetime() }),
      },
    },
    async (req, reply) => {
      const user = currentUser(req);
      const r = await deps.outcomes.requestReturn({ ...req.body, requestedBy: user.id });
      return reply.code(201).send(r);
    },
  );

  app.get(
    '/v1/sanctions/cases',
    {
      preHandler: readers,
      schema: {
        querystring: z.object({ state: CaseState.optional(), carrier: z.string().optional() }),
      },
    },
    async (req) => ({ cases: await deps.cases.list(callerOf(currentUser(req)), req.query) }),
  );

  app.get(
    '/v1/sanctions/cases/:id',
    { preHandler: readers, schema: { params: CaseParams } },
    (req) => deps.cases.view(callerOf(currentUser(req)), req.params.id),
  );

  app.post(
    '/v1/sanctions/cases/:id/transitions',
    { preHandler: deciders, schema: { params: CaseParams, body: TransitionBody } },
    async (req) => {
      const next = await deps.cases.apply(
        callerOf(currentUser(req)),
        req.params.id,
        req.body as Record<string, unknown>,
      );
      return { case: next };
    },
  );

  app.get(
    '/v1/sanctions/cases/:id/notice',
    { preHandler: readers, schema: { params: CaseParams } },
    async (req, reply) => {
      const html = await deps.cases.notice(callerOf(currentUser(req)), req.params.id);
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.get('/v1/sanctions/register.csv', { preHandler: readers }, async (req, reply) => {
    const csv = await deps.cases.register(callerOf(currentUser(req)));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="sanctions-register.csv"')
      .send(csv);
  });

  // The public register: decided sanctions only, no traveller data, no login.
  app.get('/v1/public/sanctions/register.csv', async (_req, reply) => {
    const csv = await deps.cases.register({
      actor: { role: 'regulator', id: 'public' },
      auditRole: 'public',
    });
    return reply.type('text/csv; charset=utf-8').send(csv);
  });

  app.get(
    '/v1/sanctions/scorecards/:carrier',
    {
      preHandler: readers,
      schema: {
        params: z.object({ carrier: z.string().min(2).max(3) }),
        querystring: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
      },
    },
    (req) =>
      deps.cases.scorecard(callerOf(currentUser(req)), req.params.carrier, {
        from: req.query.from,
        to: req.query.to,
      }),
  );

  app.post(
    '/v1/sanctions/sweep',
    { preHandler: deciders, schema: { summary: 'Mark expired answer windows now.' } },
    async () => ({ deadlinePassed: await deps.cases.sweepDeadlines() }),
  );

  app.get('/v1/sanctions/jurisdictions', { preHandler: profileReaders }, async () => {
    const active = await deps.catalogue.active();
    return {
      active: { id: active.profile.id, version: active.profile.version },
      versions: await deps.catalogue.list(),
    };
  });

  app.get(
    '/v1/sanctions/jurisdictions/:id',
    {
      preHandler: profileReaders,
      schema: {
        params: z.object({ id: z.string() }),
        querystring: z.object({ version: z.string().optional() }),
      },
    },
    (req) => deps.catalogue.get(req.params.id, req.query.version),
  );

  app.post(
    '/v1/sanctions/jurisdictions/:id/versions',
    {
      preHandler: editors,
      schema: {
        params: z.object({ id: z.string() }),
        body: z.object({ reason: z.string().min(1), profile: z.unknown() }),
      },
    },
    async (req, reply) => {
      const user = currentUser(req);
      const profile = req.body.profile as { id?: unknown } | undefined;
      if (profile?.id !== req.params.id)
        return reply.code(422).send({
          error: 'PROFILE_ID_MISMATCH',
          message: `the body's profile.id must be ${req.params.id}`,
        });
      const p = await deps.catalogue.addVersion(
        req.body.profile,
        { id: user.id, role: user.role },
        req.body.reason,
      );
      return reply.code(201).send({ id: p.id, version: p.version });
    },
  );
}
