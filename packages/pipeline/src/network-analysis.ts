// Link analysis: every booking received in the sliding window goes into the network window;
// facilitator patterns that touch the analysed flights are stored as alerts pointing at the
// shared identifier, with the subgraph as evidence. Travellers are never scored here.
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
  /** Known smuggling routes in force (reference data); read on every analysis. */
  loadRoutes?: () => Promise<readonly SmugglingRoute[]>;
}) {
  const windowMs = (deps.windowDays ?? 30) * 86_400_000;

  /** Builds the window once and stores the alerts of each flight given (all in the window if none). */
  async function analyse(flightKeys?: readonly string[]): Promise<Map<string, number>> {
    const now = deps.clock.now();
    const created = createNetworkWindow({ windowMs });
    if (!created.ok) throw new Error(created.issues.map((i) => i.message).join('; '));
    const window = created.value;
    const inWindow = new Set<string>();
    for (const b of await deps.alerts.bookingsSince(new Date(now.getTime() - windowMs))) {
      const r = window.add(
        bookingRecordFromPnr(b.pnr, b.receivedAt.toISOString(), b.flightKey),
        now,
      );
      if (r.ok) inWindow.add(b.flightKey);
      else deps.logger.debug({ flightKey: b.flightKey }, 'booking left out of link analysis');
    }
    const routes = (await deps.loadRoutes?.()) ?? [];
    const found = detectFacilitators(window, { routes });
    const counts = new Map<string, number>();
    for (const flightKey of flightKeys ?? [...inWindow]) {
      const alerts = alertsForFlight(found, flightKey);
      counts.set(flightKey, alerts.length);
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
    }
    return counts;
  }

  return {
    /** After a booking push for the flight. */
    async analyseFlight(flightKey: string): Promise<number> {
      return (await analyse([flightKey])).get(flightKey) ?? 0;
    },
    /** After the route list changed: every flight with bookings in the window, once. */
    async analyseWindow(): Promise<{ flights: number; alerts: number }> {
      const counts = await analyse();
      let alerts = 0;
      for (const n of counts.values()) alerts += n;
      return { flights: counts.size, alerts };
    },
  };
}
export type NetworkAnalysis = ReturnType<typeof createNetworkAnalysis>;
