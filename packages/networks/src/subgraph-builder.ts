// The evidence a network finding carries: the bookings around a facilitator, their
// travellers and the identifiers that tie them together, as nodes and edges.
import { splitIdentifierKey } from './booking-record.ts';
import type { IdentifierKind, StoredBooking } from './booking-record.ts';

export interface SubgraphNode {
  /** `booking:<carrier>/<ref>` or `<kind>:<normalised value>`. */
  readonly id: string;
  readonly kind: 'booking' | IdentifierKind;
  readonly label: string;
}

export interface SubgraphEdge {
  readonly from: string;
  readonly to: string;
  /** How the identifier relates to the booking: `phone`, `payer`, `agency`, `person`… */
  readonly kind: IdentifierKind;
}

export interface Subgraph {
  readonly nodes: readonly SubgraphNode[];
  readonly edges: readonly SubgraphEdge[];
  /** True when more bookings matched than the evidence keeps. */
  readonly truncated: boolean;
}

/**
 * Keeps the facilitator, every booking (up to `maxBookings`), every traveller in them, and
 * any other identifier two or more of those bookings share.
 */
export function buildSubgraph(
  facilitator: string,
  bookings: readonly StoredBooking[],
  maxBookings: number,
): Subgraph {
  const kept = [...bookings]
    .sort((a, b) => a.observedAt - b.observedAt || a.key.localeCompare(b.key))
    .slice(0, maxBookings);
  const counts = new Map<string, number>();
  for (const b of kept) for (const l of b.links) counts.set(l, (counts.get(l) ?? 0) + 1);
  const nodes = new Map<string, SubgraphNode>();
  const edges: SubgraphEdge[] = [];
  const addIdentifier = (key: string): void => {
    if (nodes.has(key)) return;
    const { kind, value } = splitIdentifierKey(key);
    nodes.set(key, { id: key, kind, label: value });
  };
  addIdentifier(facilitator);
  for (const b of kept) {
    const id = `booking:${b.key}`;
    nodes.set(id, { id, kind: 'booking', label: b.bookingRef });
    if (b.agency !== undefined && facilitator === `agency:${b.agency}`)
      edges.push({ from: facilitator, to: id, kind: 'agency' });
    for (const l of b.links) {
      const { kind } = splitIdentifierKey(l);
      if (l !== facilitator && kind !== 'person' && (counts.get(l) ?? 0) < 2) continue;
      addIdentifier(l);
      edges.push({ from: l, to: id, kind });
    }
  }
  return { nodes: [...nodes.values()], edges, truncated: kept.length < bookings.length };
}
