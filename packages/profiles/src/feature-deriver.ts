// Derives the catalogue features of one traveller from the manifest, the matching PNR and
// the travel history the caller supplies. Pure: the clock and reference data come in.
import type { Manifest, Pnr, PnrTraveller, TravelDocument, Traveller } from '@paxguard/domain';
import { completeFeatures } from './feature-catalogue.ts';
import type { TravellerFeatures } from './feature-catalogue.ts';

export interface PastTrip {
  /** Departure of the earlier trip: ISO date, local date-time or UTC instant. */
  readonly departedAt: string;
  readonly origin?: string;
  readonly destination?: string;
}

export interface DeriveInput {
  readonly traveller: Traveller;
  readonly manifest: Manifest;
  readonly pnr?: Pnr | undefined;
  readonly history?: readonly PastTrip[] | undefined;
  readonly now: Date;
  /** IATA airport → country code, from the airport reference data the service loads. */
  readonly airportCountries?: ReadonlyMap<string, string> | undefined;
}

const DAY = 86_400_000;

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Local wall-clock times are read as UTC: a day-level feature does not need the zone. */
function instant(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(s)
    ? `${s}T00:00:00Z`
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s)
      ? `${s}:00Z`
      : s;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

function wholeYears(birth: string | undefined, at: number | undefined): number | undefined {
  const b = instant(birth);
  if (b === undefined || at === undefined || !birth) return undefined;
  const d = new Date(at);
  let years = d.getUTCFullYear() - Number(birth.slice(0, 4));
  const md = (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
  if (md < Number(birth.slice(5, 7)) * 100 + Number(birth.slice(8, 10))) years--;
  return years >= 0 ? years : undefined;
}

function primaryDocument(docs: readonly TravelDocument[]): TravelDocument | undefined {
  return docs.find((d) => d.type !== 'V') ?? docs[0];
}

function findPnrTraveller(t: Traveller, pnr: Pnr): PnrTraveller | undefined {
  const numbers = new Set(t.documents.map((d) => fold(d.number)));
  const byDoc = pnr.travellers.find((p) => p.documents.some((d) => numbers.has(fold(d.number))));
  if (byDoc) return byDoc;
  const surname = fold(t.name.surname);
  const first = fold(t.name.given[0] ?? '');
  const byName = pnr.travellers.find(
    (p) => fold(p.name.surname) === surname && fold(p.name.given[0] ?? '') === first,
  );
  return byName ?? (pnr.travellers.length === 1 ? pnr.travellers[0] : undefined);
}

function dedupe(xs: readonly string[]): string[] {
  return xs.filter((x, i) => i === 0 || xs[i - 1] !== x);
}

/** The outbound journey: PNR segments up to the one that reaches the flight's destination. */
function journey(
  manifest: Manifest,
  pnr: Pnr | undefined,
  destination: string | undefined,
): string[] {
  const segs = pnr?.itinerary ?? [];
  if (segs.length > 0) {
    const end = segs.findIndex((s) => s.arrival.airport === destination);
    const out = end >= 0 ? segs.slice(0, end + 1) : segs;
    return dedupe(out.flatMap((s) => [s.departure.airport, s.arrival.airport]));
  }
  return dedupe(manifest.flight.legs.flatMap((l) => [l.departure.airport, l.arrival.airport]));
}

function isMinor(p: PnrTraveller, departure: number | undefined): boolean {
  if (p.type === 'child' || p.type === 'infant') return true;
  const age = wholeYears(p.birthDate, departure);
  return age !== undefined && age < 18;
}

function oneWay(pnrTraveller: PnrTraveller | undefined, pnr: Pnr | undefined): boolean | undefined {
  const flags = (pnrTraveller?.tickets ?? [])
    .map((t) => t.oneWay)
    .filter((x): x is boolean => x !== undefined);
  if (flags.length > 0) return flags.every((x) => x);
  const segs = pnr?.itinerary ?? [];
  const first = segs[0];
  if (!first) return undefined;
  return !segs.some((s) => s.arrival.airport === first.departure.airport);
}

function thirdPartyPayer(pnr: Pnr): boolean | undefined {
  if (pnr.payments.length === 0) return undefined;
  const surnames = new Set(pnr.travellers.map((p) => fold(p.name.surname)));
  const isTraveller = (name: string): boolean =>
    name.split(/[\s,/]+/).some((w) => surnames.has(fold(w)));
  return pnr.payments.some((p) => {
    const name = p.payer?.name ?? p.cardHolder;
    if (name !== undefined) return !isTraveller(name);
    return p.payer !== undefined;
  });
}

export function deriveFeatures(input: DeriveInput): TravellerFeatures {
  const { traveller, manifest, pnr, history, airportCountries } = input;
  const now =
    input.now instanceof Date && !Number.isNaN(input.now.getTime())
      ? input.now.getTime()
      : undefined;
  const legs = manifest.flight.legs;
  const firstDep = legs[0]?.departure;
  const lastArr = legs[legs.length - 1]?.arrival;
  const departure = instant(firstDep?.utc ?? firstDep?.local);
  const destination = lastArr?.airport;
  const p = pnr ? findPnrTraveller(traveller, pnr) : undefined;
  const route = journey(manifest, pnr, traveller.debarkation ?? destination);
  const countries = airportCountries
    ? dedupe(route.map((a) => airportCountries.get(a)).filter((c): c is string => c !== undefined))
    : undefined;
  const booked = instant(pnr?.createdAt ?? pnr?.ticketedAt);
  const doc =
    primaryDocument(traveller.documents) ?? (p ? primaryDocument(p.documents) : undefined);
  const issued = instant(doc?.issueDate);
  const expires = instant(doc?.expiryDate);
  const sameBooking = traveller.references.booking
    ? manifest.travellers.filter((t) => t.references.booking === traveller.references.booking)
        .length
    : undefined;
  const groupSize = pnr ? pnr.travellers.length : sameBooking;
  let adults: number | undefined;
  let minors: number | undefined;
  let unrelated: number | undefined;
  if (pnr) {
    const minorList = pnr.travellers.filter((x) => isMinor(x, departure));
    const adultList = pnr.travellers.filter((x) => !isMinor(x, departure));
    const adultSurnames = new Set(adultList.map((a) => fold(a.name.surname)));
    adults = adultList.length;
    minors = minorList.length;
    // Only counted when adults are present: an unaccompanied child is a protection case, not a feature.
    unrelated =
      adults === 0 ? 0 : minorList.filter((m) => !adultSurnames.has(fold(m.name.surname))).length;
  }
  const payments = pnr?.payments ?? [];
  const trips =
    now === undefined
      ? undefined
      : history?.filter((h) => {
          const t = instant(h.departedAt);
          return t !== undefined && t < now;
        });
  return completeFeatures({
    carrier: manifest.flight.carrier,
    flightNumber: manifest.flight.number,
    origin: firstDep?.airport,
    destination,
    embarkation: traveller.embarkation,
    debarkation: traveller.debarkation,
    transitPoints: route.slice(1, -1),
    routeAirports: route,
    routeCountries: countries,
    travellerRole: traveller.role,
    bookingLeadDays:
      booked !== undefined && departure !== undefined
        ? Math.round(((departure - booked) / DAY) * 100) / 100
        : undefined,
    oneWay: oneWay(p, pnr),
    paymentType: payments[0]?.type,
    paidInCash: pnr ? payments.some((x) => x.type === 'cash') : undefined,
    thirdPartyPayer: pnr ? thirdPartyPayer(pnr) : undefined,
    travelAgencyId: pnr?.originator?.agencyId,
    bookedThroughAgency: pnr
      ? pnr.originator?.agencyId !== undefined || pnr.originator?.type === 'T'
      : undefined,
    groupSize,
    adultsInBooking: adults,
    minorsInBooking: minors,
    minorsWithUnrelatedAdults: unrelated,
    coTravellerCount: groupSize !== undefined ? Math.max(0, groupSize - 1) : undefined,
    bagCount: traveller.bags?.count ?? p?.bags?.count,
    documentType: doc?.type,
    documentIssuingState: doc?.issuingState,
    documentAgeDays:
      issued !== undefined && now !== undefined ? Math.floor((now - issued) / DAY) : undefined,
    documentValidityDays:
      expires !== undefined && now !== undefined ? Math.floor((expires - now) / DAY) : undefined,
    documentNationality: doc?.holderNationality ?? traveller.nationality ?? p?.nationality,
    residenceCountry: traveller.residenceCountry,
    documentVerified: traveller.verified,
    previousTripsCount: trips?.length,
    previousTripsToDestination: trips?.filter(
      (h) => h.destination !== undefined && h.destination === destination,
    ).length,
  });
}
