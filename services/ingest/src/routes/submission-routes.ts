// Carrier API: submit a PAXLST / JSON manifest, read back one's own submissions.
import { NotFoundError } from '@paxguard/domain';
import type { CarrierRepository, SubmissionRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { z } from 'zod';
import { carrierAuth, requireCarrier } from '@paxguard/auth';
import type { IngestService } from '../ingest-service.ts';

const Issue = z.object({
  code: z.string(),
  message: z.string(),
  segmentIndex: z.number().optional(),
  segmentTag: z.string().optional(),
  element: z.number().optional(),
  component: z.number().optional(),
  offset: z.number().optional(),
  path: z.string().optional(),
});

export const SubmissionReply = z.object({
  submissionId: z.string(),
  status: z.enum(['received', 'accepted', 'rejected', 'duplicate', 'pending-parts']),
  format: z.string().optional(),
  duplicateOf: z.string().optional(),
  flights: z.array(
    z.object({
      flightKey: z.string(),
      version: z.number(),
      added: z.number(),
      changed: z.number(),
      unchanged: z.number(),
      statusChanges: z.number(),
    }),
  ),
  pendingParts: z.object({ messageRef: z.string(), received: z.array(z.number()) }).optional(),
  errors: z.array(Issue),
  warnings: z.array(Issue),
});

const STATUS_CODE = {
  accepted: 202,
  'pending-parts': 202,
  duplicate: 200,
  rejected: 422,
  received: 202,
} as const;

/** Carriers send EDIFACT as text or octets, and JSON: keep the exact bytes for the archive. */
export function registerRawBodyParsers(app: App): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );
}

export function registerSubmissionRoutes(
  parent: App,
  deps: { ingest: IngestService; carriers: CarrierRepository; submissions: SubmissionRepository },
): void {
  // Own scope: the raw-body parsers apply to the carrier routes only.
  parent.register(async (scope) => routes(scope as unknown as App, deps));
}

function routes(
  app: App,
  deps: { ingest: IngestService; carriers: CarrierRepository; submissions: SubmissionRepository },
): void {
  registerRawBodyParsers(app);
  const auth = carrierAuth(deps.carriers);

  app.post(
    '/v1/carrier/submissions',
    {
      preHandler: auth,
      schema: {
        summary: 'Submit a passenger or crew list (PAXLST or JSON). Archived before anything else.',
        response: { 200: SubmissionReply, 202: SubmissionReply, 422: SubmissionReply },
      },
    },
    async (req, reply) => {
      const carrier = requireCarrier(req);
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const header = req.headers['x-message-id'];
      const result = await deps.ingest.submit({
        carrier,
        channel: 'http',
        contentType: req.headers['content-type'],
        raw,
        carrierMessageId: typeof header === 'string' ? header.slice(0, 200) : undefined,
      });
      return reply.code(STATUS_CODE[result.status]).send(result);
    },
  );

  app.get(
    '/v1/carrier/submissions',
    {
      preHandler: auth,
      schema: {
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
      },
    },
    async (req) => {
      const carrier = requireCarrier(req);
      return {
        submissions: await deps.submissions.listForCarrier(carrier.id, { limit: req.query.limit }),
      };
    },
  );

  app.get(
    '/v1/carrier/submissions/:id',
    { preHandler: auth, schema: { params: z.object({ id: z.uuid() }) } },
    async (req) => {
      const carrier = requireCarrier(req);
      const s = await deps.submissions.get(req.params.id);
      // Another carrier's submission does not exist, as far as this caller is concerned.
      if (!s || s.carrierId !== carrier.id)
        throw new NotFoundError('SUBMISSION_NOT_FOUND', 'no such submission');
      const { raw: _raw, ...summary } = s;
      // Measured per manifest version: what the carrier's scorecard and sanctions rely on.
      return { ...summary, quality: await deps.submissions.quality(s.id) };
    },
  );
}
