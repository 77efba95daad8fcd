// Link analysis for one flight: every booking received in the sliding window goes into the
// network window; facilitator patterns that touch the flight are stored as alerts pointing at
// the shared identifier, with the subgraph as evidence. Travellers are never scored here.
import type { Clock } from '@paxguard/domain';
import type { NetworkAlertRepository } from '@paxguard/db';
import {
  alertsForFlight,
  bookingRecordFromPnr,
  createNetworkWindow,
  detectFacilitators,
  type SmugglingRoute,
} from '@paxguard/networks';
import type { Logger } from '@paxguard/platform';

export function createNetworkAnalysis(deps: {
  alerts: NetworkAlertRepository;
  clock: Clock;
  logger: Logger;
  windowDays?: number;
  routes?: readonly SmugglingRoute[];
}) {
  const windowMs = (deps.windowDays ?? 30) * 86_400_000;
  return {
    async analyseFlight(flightKey: string): Promise<number> {
      const now = deps.clock.now();
      const created = createNetworkWindow({ windowMs });
      if (!created.ok) throw new Error(created.issues.map((i) => i.message).join('; '));
      const window = created.value;
      for (const b of await deps.alerts.bookingsSince(new Date(now.getTime() - windowMs))) {
        const r = window.add(
          bookingRecordFromPnr(b.pnr, b.receivedAt.toISOString(), b.flightKey),
          now,
        );
        if (!r.ok)
          deps.logger.debug({ flightKey: b.flightKey }, 'booking left out of link analysis');
      }
      const alerts = alertsForFlight(
        detectFacilitators(window, { routes: deps.routes }),
        flightKey,
      );
      for (const a of alerts)
        await deps.alerts.upsert(
          {
            flightKey,
            pattern: a.pattern,
            facilitator: a.facilitator,
            score: a.score,
            summary: a.summary,
            evidence: {
              metrics: a.metrics,
              route: a.route,
              bookingRefs: a.bookingRefs,
              flightKeys: a.flightKeys,
              possibleVictims: a.possibleVictims,
              subgraph: a.subgraph,
            },
          },
          now,
        );
      return alerts.length;
    },
  };
}
export type NetworkAnalysis = ReturnType<typeof createNetworkAnalysis>;
