// The booking as link analysis sees it: who travels, and every identifier it can share with
// other bookings, normalised once on the way in. Built from a domain PNR or sent as JSON.
import { Address } from '@paxguard/domain';
import type { Pnr, PnrTraveller } from '@paxguard/domain';
import { z } from 'zod';
import {
  foldText,
  normaliseAddress,
  normaliseAgency,
  normaliseCardFingerprint,
  normaliseEmail,
  normalisePersonName,
  normalisePhone,
} from './identifier-normaliser.ts';

export const IdentifierKind = z.enum([
  'phone',
  'email',
  'card',
  'payer',
  'address',
  'agency',
  'person',
]);
export type IdentifierKind = z.infer<typeof IdentifierKind>;

// Bounds keep one malformed or hostile record from costing the whole window: a PNR holds at
// most 999 names (group bookings), each with a few contacts at most.
const Text = z.string().max(500);
const few = <T extends z.ZodType>(t: T) => z.array(t).max(1000).default([]);

export const BookingRecord = z.object({
  bookingRef: z.string().trim().min(1).max(64),
  carrier: z.string().optional(),
  /** When the booking was made or last seen; the sliding window runs on this. */
  observedAt: z.iso.datetime({ offset: true }),
  flightKeys: few(Text),
  /** `id` is a stable person key (document-based where possible); never scored, only linked. */
  travellers: z
    .array(z.object({ id: z.string().min(1).max(200), surname: Text.optional() }))
    .min(1)
    .max(999),
  phones: few(Text),
  emails: few(Text),
  cardFingerprints: few(Text),
  payers: few(
    z.object({
      name: Text.optional(),
      phone: Text.optional(),
      email: Text.optional(),
      address: Address.optional(),
    }),
  ),
  agencyId: Text.optional(),
  addresses: few(z.union([Text, Address])),
  route: z
    .object({ origin: z.string(), destination: z.string(), via: z.array(z.string()).default([]) })
    .optional(),
  paymentTypes: few(Text),
  oneWay: z.boolean().optional(),
});
export type BookingRecord = z.infer<typeof BookingRecord>;
export type BookingRecordInput = z.input<typeof BookingRecord>;

export interface StoredBooking {
  readonly key: string;
  readonly bookingRef: string;
  readonly observedAt: number;
  readonly flightKeys: readonly string[];
  readonly travellers: readonly { readonly id: string; readonly surname: string }[];
  /** `kind:value` keys, normalised and de-duplicated; persons included, agency excluded. */
  readonly links: readonly string[];
  readonly agency: string | undefined;
  readonly route:
    | { readonly origin: string; readonly destination: string; readonly via: readonly string[] }
    | undefined;
  readonly cash: boolean;
  readonly oneWay: boolean | undefined;
}

function fold(s: string): string {
  return foldText(s).replace(/[^A-Z0-9]/g, '');
}

export function identifierKey(kind: IdentifierKind, value: string): string {
  return `${kind}:${value}`;
}

export function splitIdentifierKey(key: string): { kind: IdentifierKind; value: string } {
  const i = key.indexOf(':');
  return { kind: key.slice(0, i) as IdentifierKind, value: key.slice(i + 1) };
}

export function storeBooking(r: BookingRecord, defaultCallingCode?: string): StoredBooking {
  const links = new Set<string>();
  const add = (kind: IdentifierKind, v: string | undefined): void => {
    if (v !== undefined) links.add(identifierKey(kind, v));
  };
  for (const p of r.phones) add('phone', normalisePhone(p, defaultCallingCode));
  for (const e of r.emails) add('email', normaliseEmail(e));
  for (const c of r.cardFingerprints) add('card', normaliseCardFingerprint(c));
  for (const a of r.addresses) add('address', normaliseAddress(a));
  for (const p of r.payers) {
    if (p.name) add('payer', normalisePersonName(p.name));
    if (p.phone) add('phone', normalisePhone(p.phone, defaultCallingCode));
    if (p.email) add('email', normaliseEmail(p.email));
    if (p.address) add('address', normaliseAddress(p.address));
  }
  const travellers = r.travellers.map((t) => ({ id: t.id, surname: fold(t.surname ?? '') }));
  for (const t of travellers) add('person', t.id);
  return {
    key: `${fold(r.carrier ?? '')}/${fold(r.bookingRef)}`,
    bookingRef: r.bookingRef,
    observedAt: Date.parse(r.observedAt),
    flightKeys: r.flightKeys,
    travellers,
    links: [...links],
    agency: r.agencyId ? normaliseAgency(r.agencyId) : undefined,
    route: r.route
      ? {
          origin: r.route.origin.toUpperCase(),
          destination: r.route.destination.toUpperCase(),
          via: r.route.via.map((v) => v.toUpperCase()),
        }
      : undefined,
    cash: r.paymentTypes.some((t) => t.toLowerCase() === 'cash'),
    oneWay: r.oneWay,
  };
}

/** Stable person key: the first non-visa document, else folded name and birth date. */
export function personKey(t: Pick<PnrTraveller, 'documents' | 'name' | 'birthDate'>): string {
  const doc = t.documents.find((d) => d.type !== 'V') ?? t.documents[0];
  if (doc) return `doc:${fold(doc.issuingState ?? '')}:${fold(doc.number)}`;
  return `name:${fold(t.name.surname)}:${t.name.given.map(fold).join('.')}:${t.birthDate ?? ''}`;
}

/** The link-analysis view of a domain PNR; `observedAt` is the PNR creation time when it is a UTC instant. */
export function bookingRecordFromPnr(
  pnr: Pnr,
  observedAt: string,
  flightKey?: string,
): BookingRecordInput {
  const segs = pnr.itinerary;
  const points = segs
    .flatMap((s) => [s.departure.airport, s.arrival.airport])
    .filter((a, i, xs) => i === 0 || xs[i - 1] !== a);
  const first = points[0];
  const roundTrip = points.length > 2 && points[points.length - 1] === first;
  // A round trip's far end is taken as its middle point: the itinerary carries no stay times here.
  const outbound = roundTrip ? points.slice(0, Math.floor(points.length / 2) + 1) : points;
  const ticketFlags = pnr.travellers
    .flatMap((t) => t.tickets.map((k) => k.oneWay))
    .filter((x): x is boolean => x !== undefined);
  return {
    bookingRef: pnr.bookingRef,
    carrier: pnr.carrier,
    observedAt,
    flightKeys: flightKey ? [flightKey] : [],
    travellers: pnr.travellers.map((t) => ({ id: personKey(t), surname: t.name.surname })),
    phones: [...pnr.contacts.phones, ...pnr.travellers.flatMap((t) => t.contacts.phones)],
    emails: [...pnr.contacts.emails, ...pnr.travellers.flatMap((t) => t.contacts.emails)],
    cardFingerprints: pnr.payments.flatMap((p) => (p.cardFingerprint ? [p.cardFingerprint] : [])),
    payers: pnr.payments.flatMap((p) =>
      p.payer ? [p.payer] : p.cardHolder ? [{ name: p.cardHolder }] : [],
    ),
    agencyId: pnr.originator?.agencyId,
    addresses: [...pnr.addresses, ...pnr.travellers.flatMap((t) => t.addresses)],
    route:
      first && outbound.length >= 2
        ? {
            origin: first,
            destination: outbound[outbound.length - 1] as string,
            via: outbound.slice(1, -1),
          }
        : undefined,
    paymentTypes: pnr.payments.map((p) => p.type),
    oneWay: ticketFlags.length > 0 ? ticketFlags.every((x) => x) : first ? !roundTrip : undefined,
  };
}
