// Flights and their travellers for border officers. Every read of personal data is audited.
import { NotFoundError } from '@paxguard/domain';
import type { AuditRepository, FlightRepository, UserRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { z } from 'zod';
import { currentUser, userAuth } from '@paxguard/auth';

const FlightParams = z.object({
  flight: z
    .string()
    .regex(/^[A-Z0-9]{2,3}[0-9]{1,4}[A-Z]?$/, 'expected carrier + number, e.g. DL123'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$|^undated$/, 'expected YYYY-MM-DD'),
});

export function registerFlightRoutes(
  app: App,
  deps: { flights: FlightRepository; users: UserRepository; audit: AuditRepository },
): void {
  const officers = userAuth(deps.users, ['officer', 'supervisor', 'admin']);

  app.get(
    '/v1/flights',
    {
      preHandler: officers,
      schema: {
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      },
    },
    async (req) => ({
      flights: (await deps.flights.list({ limit: req.query.limit })).map(({ _count, ...f }) => ({
        ...f,
        travellers: _count.travellers,
      })),
    }),
  );

  app.get(
    '/v1/flights/:flight/:date',
    { preHandler: officers, schema: { params: FlightParams } },
    async (req) => {
      const f = await deps.flights.getByKey(`${req.params.flight}/${req.params.date}`);
      if (!f)
        throw new NotFoundError(
          'FLIGHT_NOT_FOUND',
          `no flight ${req.params.flight} on ${req.params.date}`,
        );
      return f;
    },
  );

  app.get(
    '/v1/flights/:flight/:date/travellers',
    { preHandler: officers, schema: { params: FlightParams } },
    async (req) => {
      const key = `${req.params.flight}/${req.params.date}`;
      const f = await deps.flights.getByKey(key);
      if (!f)
        throw new NotFoundError(
          'FLIGHT_NOT_FOUND',
          `no flight ${req.params.flight} on ${req.params.date}`,
        );
      const user = currentUser(req);
      const travellers = await deps.flights.travellers(f.id);
      await deps.audit.record({
        actor: user.id,
        actorRole: user.role,
        action: 'view-travellers',
        subjectType: 'flight',
        subjectId: f.id,
        details: { flightKey: key, count: travellers.length, requestId: req.id },
      });
      return { flightKey: key, status: f.status, travellers };
    },
  );
}
