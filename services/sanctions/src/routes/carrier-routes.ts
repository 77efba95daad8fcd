// Carrier API: a carrier (by its API key) sees only its own notices, cases and evidence,
// answers a notice within the deadline and appeals a decision.
import { carrierAuth, requireCarrier } from '@paxguard/auth';
import type { CarrierIdentity, CarrierRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { z } from 'zod';
import type { CaseService, Caller } from '../case-service.ts';

export function carrierCaller(c: CarrierIdentity): Caller {
  return {
    actor: { role: 'carrier', id: `carrier:${c.designator}`, carrier: c.designator },
    auditRole: 'carrier',
  };
}

const Attachment = z.object({
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(127),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 of the content, lower-case hex'),
});
const CaseParams = z.object({ id: z.uuid() });

export function registerCarrierRoutes(
  app: App,
  deps: { carriers: CarrierRepository; cases: CaseService },
): void {
  const auth = carrierAuth(deps.carriers);
  const caller = (req: Parameters<typeof requireCarrier>[0]) => carrierCaller(requireCarrier(req));

  app.get('/v1/carrier/sanctions/cases', { preHandler: auth }, async (req) => ({
    cases: await deps.cases.list(caller(req)),
  }));

  app.get(
    '/v1/carrier/sanctions/scorecard',
    {
      preHandler: auth,
      schema: { querystring: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }) },
    },
    (req) => {
      const c = caller(req);
      return deps.cases.scorecard(c, c.actor.carrier!, req.query);
    },
  );

  app.get(
    '/v1/carrier/sanctions/cases/:id',
    { preHandler: auth, schema: { params: CaseParams } },
    (req) => deps.cases.view(caller(req), req.params.id),
  );

  app.get(
    '/v1/carrier/sanctions/cases/:id/notice',
    { preHandler: auth, schema: { params: CaseParams } },
    async (req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(await deps.cases.notice(caller(req), req.params.id)),
  );

  app.post(
    '/v1/carrier/sanctions/cases/:id/answer',
    {
      preHandler: auth,
      schema: {
        params: CaseParams,
        body: z.object({
          expectedVersion: z.number().int().nonnegative(),
          text: z.string(),
          attachments: z.array(Attachment).max(50).default([]),
        }),
      },
    },
    async (req) => {
      const { attachments, ...body } = req.body;
      const next = await deps.cases.apply(
        caller(req),
        req.params.id,
        { ...body, type: 'record-answer', reason: 'written answer to the notice' },
        { attachments },
      );
      return { case: next };
    },
  );

  app.post(
    '/v1/carrier/sanctions/cases/:id/appeal',
    {
      preHandler: auth,
      schema: {
        params: CaseParams,
        body: z.object({
          expectedVersion: z.number().int().nonnegative(),
          grounds: z.string(),
          attachments: z.array(Attachment).max(50).default([]),
        }),
      },
    },
    async (req) => {
      const { attachments, ...body } = req.body;
      const next = await deps.cases.apply(
        caller(req),
        req.params.id,
        { ...body, type: 'appeal', reason: 'appeal against the decision' },
        { attachments },
      );
      return { case: next };
    },
  );
}
