// Facilitator alerts from link analysis, for officers and analysts: who or what connects the
// bookings (a phone, a payer, an agency), with the evidence subgraph. Reads are audited.
import { currentUser, userAuth } from '@paxguard/auth';
import type { AuditRepository, NetworkAlertRepository, UserRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { z } from 'zod';

export function registerNetworkRoutes(
  app: App,
  deps: { alerts: NetworkAlertRepository; users: UserRepository; audit: AuditRepository },
): void {
  const readers = userAuth(deps.users, ['officer', 'supervisor', 'analyst']);
  app.get(
    '/v1/network/alerts',
    {
      preHandler: readers,
      schema: {
        querystring: z.object({
          flight: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
    },
    async (req) => {
      const user = currentUser(req);
      const alerts = await deps.alerts.list({
        flightKey: req.query.flight,
        limit: req.query.limit,
      });
      await deps.audit.record({
        actor: user.id,
        actorRole: user.role,
        action: 'view-network-alerts',
        subjectType: 'network',
        subjectId: req.query.flight ?? 'all',
        details: { count: alerts.length, requestId: req.id },
      });
      return { alerts };
    },
  );
}
