// Stable identities: which flight a message belongs to (the Kafka partition key) and
// which traveller a change or cancellation refers to.
import type { Flight, Traveller } from './manifest.ts';

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** The date a flight is known by: the first leg's local departure date, else its UTC date. */
export function flightDate(flight: Flight): string | undefined {
  const dep = flight.legs[0]?.departure;
  return (dep?.local ?? dep?.utc)?.slice(0, 10);
}

/** `DL123/2024-03-01`: carrier, number and scheduled departure date of the first leg. */
export function flightKey(flight: Flight): string {
  return `${flight.carrier}${flight.number}/${flightDate(flight) ?? 'undated'}`;
}

/** Normalise a flight number as sent (`DL0123`, `0123`, `123a`) to `123` / `123A`. */
export function normaliseFlightNumber(raw: string, carrier?: string): string {
  let s = raw.trim().toUpperCase();
  if (carrier && s.startsWith(carrier) && s.length > carrier.length) s = s.slice(carrier.length);
  s = s.replace(/^0+(?=\d)/, '');
  return s;
}

/**
 * Who a traveller is within one flight, so that a change or cancellation finds the
 * earlier record: the carrier's passenger reference, else the first document with the
 * birth date, else name and birth date.
 */
export function travellerKey(
  t: Pick<Traveller, 'references' | 'documents' | 'name' | 'birthDate' | 'role'>,
): string {
  const ref = t.references?.passenger;
  if (ref) return `ref:${fold(ref)}`;
  const doc = t.documents.find((d) => d.type !== 'V') ?? t.documents[0];
  // The birth date goes with the document: carriers do send one document number for several
  // people (test data, errors, impostors), and collapsing them would lose travellers.
  if (doc) return `doc:${fold(doc.issuingState ?? '')}:${fold(doc.number)}:${t.birthDate ?? ''}`;
  return `name:${fold(t.name.surname)}:${t.name.given.map(fold).join('.')}:${t.birthDate ?? ''}:${t.role}`;
}
