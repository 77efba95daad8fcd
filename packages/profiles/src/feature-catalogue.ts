// The fixed catalogue of derived traveller features a risk profile may condition on.
// Anything not listed here cannot be used by a profile: there is no free-form field access.
//
// Deliberately absent: names, place of birth, sex, meal or medical SSRs, remarks and any
// free text (they reveal or proxy race, ethnic origin, religion, health or sex life), and
// any marker of a traveller's own vulnerability (unaccompanied minor, asylum, disability).
// Nationality and residence are present only as document facts: the State code printed on
// the travel document, which decides entry requirements, not a person's origin.
// Age is not a feature (Charter art. 21 lists it, and a profile selecting children or old
// people would score vulnerability): birth dates only count minors and adults in a booking.

export type FeatureKind = 'string' | 'number' | 'boolean' | 'string-list';

/** Features derived from API, PNR and the caller-supplied travel history of one traveller. */
export interface TravellerFeatures {
  carrier?: string | undefined;
  flightNumber?: string | undefined;
  origin?: string | undefined;
  destination?: string | undefined;
  embarkation?: string | undefined;
  debarkation?: string | undefined;
  transitPoints?: readonly string[] | undefined;
  routeAirports?: readonly string[] | undefined;
  routeCountries?: readonly string[] | undefined;
  travellerRole?: string | undefined;
  bookingLeadDays?: number | undefined;
  oneWay?: boolean | undefined;
  paymentType?: string | undefined;
  paidInCash?: boolean | undefined;
  thirdPartyPayer?: boolean | undefined;
  travelAgencyId?: string | undefined;
  bookedThroughAgency?: boolean | undefined;
  groupSize?: number | undefined;
  adultsInBooking?: number | undefined;
  minorsInBooking?: number | undefined;
  minorsWithUnrelatedAdults?: number | undefined;
  coTravellerCount?: number | undefined;
  bagCount?: number | undefined;
  documentType?: string | undefined;
  documentIssuingState?: string | undefined;
  documentAgeDays?: number | undefined;
  documentValidityDays?: number | undefined;
  documentNationality?: string | undefined;
  residenceCountry?: string | undefined;
  documentVerified?: boolean | undefined;
  previousTripsCount?: number | undefined;
  previousTripsToDestination?: number | undefined;
}

export type FeatureName = keyof TravellerFeatures;
export type FeatureValue = string | number | boolean | readonly string[] | undefined;

export interface FeatureSpec {
  readonly kind: FeatureKind;
  readonly description: string;
  /** A monomorphic accessor per field, so compiled predicates avoid keyed lookups. */
  readonly get: (f: TravellerFeatures) => FeatureValue;
}

export const FEATURE_CATALOGUE: Readonly<Record<FeatureName, FeatureSpec>> = {
  carrier: { kind: 'string', description: 'Operating carrier designator', get: (f) => f.carrier },
  flightNumber: { kind: 'string', description: 'Flight number', get: (f) => f.flightNumber },
  origin: {
    kind: 'string',
    description: 'First departure airport of the flight (IATA)',
    get: (f) => f.origin,
  },
  destination: {
    kind: 'string',
    description: 'Final arrival airport of the flight (IATA)',
    get: (f) => f.destination,
  },
  embarkation: {
    kind: 'string',
    description: "Traveller's embarkation airport",
    get: (f) => f.embarkation,
  },
  debarkation: {
    kind: 'string',
    description: "Traveller's debarkation airport",
    get: (f) => f.debarkation,
  },
  transitPoints: {
    kind: 'string-list',
    description: 'Intermediate airports of the journey (flight legs and PNR itinerary)',
    get: (f) => f.transitPoints,
  },
  routeAirports: {
    kind: 'string-list',
    description: 'Every airport of the journey, in order',
    get: (f) => f.routeAirports,
  },
  routeCountries: {
    kind: 'string-list',
    description:
      'Countries of the journey airports (from the airport reference data the caller passes)',
    get: (f) => f.routeCountries,
  },
  travellerRole: {
    kind: 'string',
    description: 'passenger, crew, transit-passenger, transit-crew',
    get: (f) => f.travellerRole,
  },
  bookingLeadDays: {
    kind: 'number',
    description: 'Days between booking creation and scheduled departure',
    get: (f) => f.bookingLeadDays,
  },
  oneWay: { kind: 'boolean', description: 'The ticket covers no return', get: (f) => f.oneWay },
  paymentType: {
    kind: 'string',
    description: 'card, cash, government, miscellaneous, other (first payment of the booking)',
    get: (f) => f.paymentType,
  },
  paidInCash: {
    kind: 'boolean',
    description: 'Any payment of the booking was cash',
    get: (f) => f.paidInCash,
  },
  thirdPartyPayer: {
    kind: 'boolean',
    description: 'Paid by someone who is not a traveller in the booking',
    get: (f) => f.thirdPartyPayer,
  },
  travelAgencyId: {
    kind: 'string',
    description: 'IATA number or office id of the booking agency',
    get: (f) => f.travelAgencyId,
  },
  bookedThroughAgency: {
    kind: 'boolean',
    description: 'The booking was made by a travel agency',
    get: (f) => f.bookedThroughAgency,
  },
  groupSize: { kind: 'number', description: 'Travellers in the booking', get: (f) => f.groupSize },
  adultsInBooking: {
    kind: 'number',
    description: 'Adults (18+) in the booking',
    get: (f) => f.adultsInBooking,
  },
  minorsInBooking: {
    kind: 'number',
    description: 'Minors (under 18) in the booking',
    get: (f) => f.minorsInBooking,
  },
  minorsWithUnrelatedAdults: {
    kind: 'number',
    description:
      'Minors in the booking who share no surname with any adult in it (a facilitator indicator about the adults; unaccompanied minors are not a feature)',
    get: (f) => f.minorsWithUnrelatedAdults,
  },
  coTravellerCount: {
    kind: 'number',
    description: 'Other travellers in the same booking',
    get: (f) => f.coTravellerCount,
  },
  bagCount: { kind: 'number', description: 'Checked bags', get: (f) => f.bagCount },
  documentType: {
    kind: 'string',
    description: 'Travel document type code (P, I, …)',
    get: (f) => f.documentType,
  },
  documentIssuingState: {
    kind: 'string',
    description: 'State that issued the travel document',
    get: (f) => f.documentIssuingState,
  },
  documentAgeDays: {
    kind: 'number',
    description: 'Days since the travel document was issued',
    get: (f) => f.documentAgeDays,
  },
  documentValidityDays: {
    kind: 'number',
    description: 'Days of validity left on the travel document',
    get: (f) => f.documentValidityDays,
  },
  documentNationality: {
    kind: 'string',
    description: 'Nationality as a document fact (State code on the document)',
    get: (f) => f.documentNationality,
  },
  residenceCountry: {
    kind: 'string',
    description: 'Country of residence as reported by the carrier',
    get: (f) => f.residenceCountry,
  },
  documentVerified: {
    kind: 'boolean',
    description: 'Carrier reported the document as verified (GEI 173)',
    get: (f) => f.documentVerified,
  },
  previousTripsCount: {
    kind: 'number',
    description: 'Earlier trips in the history the caller supplied',
    get: (f) => f.previousTripsCount,
  },
  previousTripsToDestination: {
    kind: 'number',
    description: 'Earlier trips to the same destination',
    get: (f) => f.previousTripsToDestination,
  },
};

export const FEATURE_NAMES: readonly FeatureName[] = Object.keys(
  FEATURE_CATALOGUE,
) as FeatureName[];

/**
 * The features as an array in catalogue order. Compiled profiles read `vector[index]`, which
 * stays fast when hundreds of closures share one call site; build it once per traveller.
 */
export type FeatureVector = readonly FeatureValue[];

export const FEATURE_INDEX: Readonly<Record<FeatureName, number>> = Object.fromEntries(
  FEATURE_NAMES.map((n, i) => [n, i]),
) as Record<FeatureName, number>;

const GETTERS = FEATURE_NAMES.map((n) => FEATURE_CATALOGUE[n].get);

export function toFeatureVector(f: TravellerFeatures): FeatureVector {
  const out = new Array<FeatureValue>(GETTERS.length);
  for (let i = 0; i < GETTERS.length; i++) out[i] = (GETTERS[i] as FeatureSpec['get'])(f);
  return out;
}

export function isFeatureName(name: string): name is FeatureName {
  return Object.prototype.hasOwnProperty.call(FEATURE_CATALOGUE, name);
}

/** Every feature present as a key (undefined when unknown), so all objects share one shape. */
export function completeFeatures(partial: TravellerFeatures): TravellerFeatures {
  const out: Record<string, FeatureValue> = {};
  for (const name of FEATURE_NAMES) out[name] = partial[name];
  return out as TravellerFeatures;
}
