// Facilitator patterns over the window: one contact or payer across many unrelated bookings,
// one agency selling cash one-way tickets on a known smuggling route, one person travelling
// with group after group. Alerts point at the facilitator; travellers are possible victims.
import { identifierKey, splitIdentifierKey } from './booking-record.ts';
import type { IdentifierKind, StoredBooking } from './booking-record.ts';
import type { NetworkWindow } from './network-window.ts';
import { matchRoute } from './smuggling-routes.ts';
import type { SmugglingRoute } from './smuggling-routes.ts';
import { buildSubgraph } from './subgraph-builder.ts';
import type { Subgraph } from './subgraph-builder.ts';
import { UnionFind } from './union-find.ts';

export type PatternName = 'shared-contact' | 'agency-cash-one-way-route' | 'repeat-escort';

export interface NetworkAlert {
  readonly pattern: PatternName;
  readonly facilitator: { readonly kind: IdentifierKind; readonly value: string };
  /** 0–100, to order an officer's queue; not a probability and never about a traveller. */
  readonly score: number;
  readonly summary: string;
  readonly metrics: Readonly<Record<string, number>>;
  readonly route?:
    | {
        readonly id: string;
        readonly name?: string | undefined;
        readonly source?: string | undefined;
      }
    | undefined;
  readonly bookingRefs: readonly string[];
  readonly flightKeys: readonly string[];
  /** Person keys of the travellers in the flagged bookings: referenced for protection, never scored. */
  readonly possibleVictims: readonly string[];
  readonly subgraph: Subgraph;
}

export interface PatternOptions {
  /** Known smuggling routes (reference data); without them the agency pattern cannot fire. */
  readonly routes?: readonly SmugglingRoute[];
  /** Shared contact / payer / card / address: unrelated bookings needed. Default 3. */
  readonly minUnrelatedBookings?: number;
  /** Agency: cash one-way bookings on a known route needed, and their share of its bookings. Defaults 5 and 0.3. */
  readonly agencyMinBookings?: number;
  readonly agencyMinShare?: number;
  /** Escort: distinct groups one person travelled with. Default 3. */
  readonly escortMinGroups?: number;
  /** Bookings kept in the evidence subgraph. Default 50. */
  readonly maxEvidenceBookings?: number;
}

const CONTACT_KINDS = new Set<IdentifierKind>(['phone', 'email', 'card', 'payer', 'address']);

/** Clusters of bookings that share a traveller or a surname: a family booking twice is one cluster. */
function unrelatedClusters(bookings: readonly StoredBooking[], ignoreSurname?: string): number {
  const uf = new UnionFind();
  const seen = new Map<string, number>();
  bookings.forEach((b, i) => {
    uf.make(i);
    for (const t of b.travellers)
      for (const k of [
        `id:${t.id}`,
        t.surname && t.surname !== ignoreSurname ? `sn:${t.surname}` : '',
      ]) {
        if (!k) continue;
        const j = seen.get(k);
        if (j === undefined) seen.set(k, i);
        else uf.union(i, j);
      }
  });
  const roots = new Set<number>();
  bookings.forEach((_, i) => roots.add(uf.find(i)));
  return roots.size;
}

function alert(
  pattern: PatternName,
  facilitatorKey: string,
  bookings: readonly StoredBooking[],
  score: number,
  summary: string,
  metrics: Record<string, number>,
  maxEvidence: number,
  exclude?: string,
  route?: SmugglingRoute,
): NetworkAlert {
  const victims = new Set<string>();
  for (const b of bookings) for (const t of b.travellers) if (t.id !== exclude) victims.add(t.id);
  const sorted = [...bookings].sort(
    (a, b) => a.observedAt - b.observedAt || a.key.localeCompare(b.key),
  );
  return {
    pattern,
    facilitator: splitIdentifierKey(facilitatorKey),
    score: Math.max(0, Math.min(100, Math.round(score))),
    summary,
    metrics,
    route: route ? { id: route.id, name: route.name, source: route.source } : undefined,
    bookingRefs: sorted.map((b) => b.bookingRef),
    flightKeys: [...new Set(sorted.flatMap((b) => b.flightKeys))].sort(),
    possibleVictims: [...victims].sort(),
    subgraph: buildSubgraph(facilitatorKey, sorted, maxEvidence),
  };
}

export function detectFacilitators(
  window: NetworkWindow,
  options: PatternOptions = {},
): NetworkAlert[] {
  const minUnrelated = options.minUnrelatedBookings ?? 3;
  const agencyMin = options.agencyMinBookings ?? 5;
  const agencyShare = options.agencyMinShare ?? 0.3;
  const escortMin = options.escortMinGroups ?? 3;
  const maxEvidence = options.maxEvidenceBookings ?? 50;
  const routes = options.routes ?? [];
  const out: NetworkAlert[] = [];

  for (const [link, bookings] of window.links(Math.min(minUnrelated, escortMin))) {
    const { kind, value } = splitIdentifierKey(link);
    if (CONTACT_KINDS.has(kind) && bookings.length >= minUnrelated) {
      const clusters = unrelatedClusters(bookings);
      if (clusters >= minUnrelated) {
        const travellers = new Set(bookings.flatMap((b) => b.travellers.map((t) => t.id))).size;
        out.push(
          alert(
            'shared-contact',
            link,
            bookings,
            20 * clusters,
            `${kind} ${value} appears on ${clusters} unrelated bookings (${bookings.length} bookings, ${travellers} travellers) in the window: possible facilitator`,
            { bookings: bookings.length, unrelatedBookings: clusters, travellers },
            maxEvidence,
          ),
        );
      }
    }
    if (kind === 'person' && bookings.length >= escortMin) {
      const own = bookings[0]?.travellers.find((t) => t.id === value)?.surname;
      const withOthers = bookings.filter((b) =>
        b.travellers.some((t) => t.id !== value && (!t.surname || t.surname !== own)),
      );
      // Co-travellers only: the person themselves is removed before clustering.
      const groups = unrelatedClusters(
        withOthers.map((b) => ({ ...b, travellers: b.travellers.filter((t) => t.id !== value) })),
        own,
      );
      if (groups >= escortMin)
        out.push(
          alert(
            'repeat-escort',
            link,
            withOthers,
            25 * groups,
            `the same traveller (${value}) travelled with ${groups} different groups in the window: possible escort`,
            { bookings: withOthers.length, groups },
            maxEvidence,
            value,
          ),
        );
    }
  }

  if (routes.length > 0)
    for (const [agency, bookings] of window.agencyBookings(agencyMin)) {
      const matching: StoredBooking[] = [];
      let route: SmugglingRoute | undefined;
      for (const b of bookings) {
        if (!b.cash || b.oneWay !== true) continue;
        const r = matchRoute(routes, b.route);
        if (!r) continue;
        matching.push(b);
        route ??= r;
      }
      const share = matching.length / bookings.length;
      if (matching.length >= agencyMin && share >= agencyShare)
        out.push(
          alert(
            'agency-cash-one-way-route',
            identifierKey('agency', agency),
            matching,
            100 * share + 2 * matching.length,
            `agency ${agency} sold ${matching.length} cash one-way bookings on known smuggling route${route ? ` ${route.id}` : ''} (${Math.round(share * 100)} % of its ${bookings.length} bookings in the window)`,
            { bookings: bookings.length, cashOneWayOnRoute: matching.length, share },
            maxEvidence,
            undefined,
            route,
          ),
        );
    }
  return out.sort(
    (a, b) =>
      b.score - a.score ||
      a.pattern.localeCompare(b.pattern) ||
      a.facilitator.value.localeCompare(b.facilitator.value),
  );
}
