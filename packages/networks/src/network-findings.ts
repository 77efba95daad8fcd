// Turns facilitator alerts into domain findings: `refer`, pointing at the identifier behind
// the flow, with the subgraph as evidence and travellers listed only as possible victims.
import type { Finding } from '@paxguard/domain';
import type { NetworkAlert, PatternName } from './facilitator-patterns.ts';

const CODES: Readonly<Record<PatternName, string>> = {
  'shared-contact': 'NETWORK_SHARED_CONTACT',
  'agency-cash-one-way-route': 'NETWORK_AGENCY_CASH_ONE_WAY_ROUTE',
  'repeat-escort': 'NETWORK_REPEAT_ESCORT',
};

export interface NetworkFindingOptions {
  /** Version of the pattern thresholds and route list used, recorded on every finding. */
  readonly rulesVersion?: string;
  /** The window the analysis covered, as ISO instants, recorded in the evidence. */
  readonly window?: { readonly from: string; readonly to: string };
}

export function networkFindings(
  alerts: readonly NetworkAlert[],
  options: NetworkFindingOptions = {},
): Finding[] {
  return alerts.map((a) => ({
    source: 'network',
    code: CODES[a.pattern],
    severity: 'refer',
    message: `${a.summary}. The ${a.possibleVictims.length} traveller(s) in these bookings are referenced as possible victims (Smuggling of Migrants Protocol art. 5 and 16), not as suspects; an officer must review.`,
    rule: { id: `network.${a.pattern}`, version: options.rulesVersion ?? '1' },
    evidence: {
      facilitator: a.facilitator,
      score: a.score,
      metrics: a.metrics,
      ...(a.route ? { route: a.route } : {}),
      bookingRefs: a.bookingRefs,
      flightKeys: a.flightKeys,
      possibleVictims: a.possibleVictims,
      subgraph: a.subgraph,
      ...(options.window ? { window: options.window } : {}),
    },
  }));
}

/** The alerts that involve a booking on one flight, for screening that flight's travellers. */
export function alertsForFlight(
  alerts: readonly NetworkAlert[],
  flightKey: string,
): NetworkAlert[] {
  return alerts.filter((a) => a.flightKeys.includes(flightKey));
}
