// The journey a verdict is about: which State the traveller arrives in, when, and whether they
// only transit there. Derived from the flight legs and the traveller's debarkation.
import type { Flight, Traveller } from '@paxguard/domain';
import { isStateCode } from './state-codes.ts';

export interface Journey {
  /** The State of arrival (ICAO code): the one whose entry rules apply. */
  destination: string;
  /** Local arrival date, `YYYY-MM-DD`. */
  arrivalDate: string;
  /** Intended departure from the destination (return flight), when known: bounds the stay. */
  departureDate?: string;
  /** True when the traveller only changes planes there and stays airside. */
  transit: boolean;
  /** Where the traveller is ultimately going, when known and different. */
  finalDestination?: string;
}

export type JourneyResult =
  | { ok: true; journey: Journey }
  | { ok: false; code: 'INSUFFICIENT_DATA' | 'STATE_CODE_INVALID'; message: string; where: string };

/**
 * `airportCountry` maps an IATA airport to its State (the service owns airport data).
 * `finalDestination`, when the PNR tells it, marks a traveller whose trip goes on elsewhere.
 */
export function journeyFromFlight(
  flight: Flight,
  traveller: Traveller,
  airportCountry: (airport: string) => string | undefined,
  extra: { finalDestination?: string; departureDate?: string } = {},
): JourneyResult {
  const legs = flight.legs;
  const index = traveller.debarkation
    ? legs.findIndex((l) => l.arrival.airport === traveller.debarkation)
    : legs.length - 1;
  const leg = legs[index];
  if (!leg) {
    return {
      ok: false,
      code: 'INSUFFICIENT_DATA',
      message: `debarkation ${traveller.debarkation ?? ''} is not an arrival airport of the flight`,
      where: 'traveller.debarkation',
    };
  }
  const country = airportCountry(leg.arrival.airport);
  if (!country || !isStateCode(country)) {
    return {
      ok: false,
      code: 'STATE_CODE_INVALID',
      message: `the State of airport ${leg.arrival.airport} is not known`,
      where: `flight.legs[${index}].arrival.airport`,
    };
  }
  const date = (leg.arrival.local ?? leg.arrival.utc ?? '').slice(0, 10);
  if (date.length !== 10) {
    return {
      ok: false,
      code: 'INSUFFICIENT_DATA',
      message: 'the arrival leg has no arrival time',
      where: `flight.legs[${index}].arrival`,
    };
  }
  const roleTransit = traveller.role === 'transit-passenger' || traveller.role === 'transit-crew';
  const elsewhere = extra.finalDestination !== undefined && extra.finalDestination !== country;
  const journey: Journey = {
    destination: country,
    arrivalDate: date,
    transit: roleTransit || elsewhere,
  };
  if (extra.finalDestination !== undefined) journey.finalDestination = extra.finalDestination;
  if (extra.departureDate !== undefined) journey.departureDate = extra.departureDate;
  return { ok: true, journey };
}
