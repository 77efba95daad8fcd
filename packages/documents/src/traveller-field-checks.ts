// Checks on the traveller's own fields and the journey dates (readable, consistent), and the
// advisories some destinations attach to travelling minors.
import type { Traveller } from '@paxguard/domain';
import { ageOn, parseIsoDate } from './calendar-date.ts';
import type { Journey } from './journey.ts';
import { reason } from './reason-builder.ts';
import { ruleInForce, type DestinationProfile } from './reference-data.ts';
import { lookupStateCode } from './state-codes.ts';
import type { Reason } from './verdict-types.ts';

/** Departure and birth as day numbers (null: unreadable, undefined: not given). */
export function checkTravellerFields(
  traveller: Traveller,
  journey: Journey,
  arrival: number,
  out: Reason[],
): { departure: number | null; birth: number | null | undefined } {
  let departure: number | null = null;
  if (journey.departureDate !== undefined) {
    departure = parseIsoDate(journey.departureDate);
    if (departure === null)
      out.push(
        reason(
          'DATE_INVALID',
          `Departure date ${journey.departureDate} is not a calendar date.`,
          'baseline.dates',
          true,
          'journey.departureDate',
        ),
      );
    else if (departure < arrival)
      out.push(
        reason(
          'FIELDS_CONTRADICTORY',
          `Departure ${journey.departureDate} is before arrival ${journey.arrivalDate}.`,
          'baseline.dates',
          true,
          'journey.departureDate',
        ),
      );
  }
  if (traveller.nationality !== undefined && !lookupStateCode(traveller.nationality)) {
    out.push(
      reason(
        'STATE_CODE_INVALID',
        `Nationality "${traveller.nationality}" is not an ICAO state code.`,
        'baseline.state-codes',
        true,
        'traveller.nationality',
      ),
    );
  }
  const birth = traveller.birthDate === undefined ? undefined : parseIsoDate(traveller.birthDate);
  if (birth === null)
    out.push(
      reason(
        'DATE_INVALID',
        `Birth date ${traveller.birthDate} is not a calendar date.`,
        'baseline.dates',
        true,
        'traveller.birthDate',
      ),
    );
  else if (birth !== undefined && birth > arrival)
    out.push(
      reason(
        'FIELDS_CONTRADICTORY',
        `Birth date ${traveller.birthDate} is after the arrival.`,
        'baseline.dates',
        true,
        'traveller.birthDate',
      ),
    );

  return { departure, birth };
}

export function checkMinors(
  profile: DestinationProfile,
  birth: number,
  arrival: number,
  out: Reason[],
): void {
  // Anyone born more than 22 years before arrival is an adult under every minors rule (ageBelow ≤ 21).
  if (birth <= arrival && arrival - birth < 22 * 366 && profile.minors.length > 0) {
    for (const r of profile.minors) {
      if (ruleInForce(r, arrival) && ageOn(birth, arrival) < r.rule.ageBelow) {
        out.push(
          reason(
            'MINOR_REQUIREMENTS',
            `The traveller is under ${r.rule.ageBelow} on arrival: ${r.rule.advice}`,
            r.rule.id,
            r.rule.confirmed,
            'traveller.birthDate',
          ),
        );
      }
    }
  }
}
