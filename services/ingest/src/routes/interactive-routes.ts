// Carrier API for check-in: the interactive board / no-board answer, and the current answers
// (directives) for a carrier's flights.
import { carrierAuth, requireCarrier } from '@paxguard/auth';
import type { CarrierRepository, Prisma, ReviewRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { z } from 'zod';
import type { InteractiveService } from '../interactive-service.ts';
import { registerRawBodyParsers } from './submission-routes.ts';

export function registerInteractiveRoutes(
  parent: App,
  deps: {
    interactive: InteractiveService;
    carriers: CarrierRepository;
    review: ReviewRepository;
    prisma: Prisma;
  },
): void {
  parent.register(async (scope) => {
    const app = scope as unknown as App;
    registerRawBodyParsers(app);
    const auth = carrierAuth(deps.carriers);

    app.post('/v1/carrier/iapi', { preHandler: auth }, async (req, reply) => {
      const carrier = requireCarrier(req);
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const result = await deps.interactive.answer({
        carrier,
        contentType: req.headers['content-type'],
        raw,
      });
      if (result.status === 'rejected') return reply.code(422).send(result);
      const wantsJson = (req.headers.accept ?? '').includes('application/json');
      if (result.cusres && !wantsJson)
        return reply.code(200).type('application/edifact').send(result.cusres);
      const { cusres: _c, ...json } = result;
      return reply.code(200).send(json);
    });

    app.get(
      '/v1/carrier/directives',
      { preHandler: auth, schema: { querystring: z.object({ flight: z.string().optional() }) } },
      async (req) => {
        const carrier = requireCarrier(req);
        const directives = await deps.review.directivesForCarrier(carrier.id, req.query.flight);
        const travellers = await deps.prisma.traveller.findMany({
          where: { id: { in: directives.map((d) => d.travellerId) } },
          select: {
            id: true,
            key: true,
            surname: true,
            givenNames: true,
            data: true,
            flight: { select: { key: true } },
          },
        });
        const byId = new Map(travellers.map((t) => [t.id, t]));
        return {
          directives: directives.map((d) => {
            const t = byId.get(d.travellerId);
            const refs =
              (t?.data as { references?: Record<string, string> } | undefined)?.references ?? {};
            return {
              flightKey: t?.flight.key,
              traveller: {
                name: t ? `${t.surname}/${t.givenNames}` : undefined,
                passengerRef: refs.passenger,
                bookingRef: refs.booking,
              },
              answer: d.answer,
              basis: d.basis,
              issuedAt: d.issuedAt,
              reasons: d.reasons,
            };
          }),
        };
      },
    );
  });
}
