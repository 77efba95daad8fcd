// Reservation data for generated manifests: one booking per passenger's booking reference,
// in the JSON form carriers without PNRGOV send. Optionally plants a facilitator pattern: one
// phone number and cash payment across several unrelated bookings.
import type { Manifest } from '@paxguard/domain';
import { createRng } from './random.ts';

export interface PnrSpec {
  seed: number;
  /** Plant a shared contact across this many bookings (none when absent). */
  facilitator?: { phone: string; bookings: number };
  /** Plant an agency selling cash one-way tickets: the last this many bookings (none when absent). */
  agency?: { id: string; bookings: number };
  /** When the bookings were made, `YYYY-MM-DDTHH:mm` local. */
  bookedAt: string;
}

export function generatePnrPush(manifest: Manifest, spec: PnrSpec) {
  const rng = createRng(spec.seed);
  const leg = manifest.flight.legs[0]!;
  const last = manifest.flight.legs[manifest.flight.legs.length - 1]!;
  const passengers = manifest.travellers.filter(
    (t) => t.role === 'passenger' && t.references.booking,
  );
  return {
    pushType: 'full' as const,
    messageVersion: '13.1',
    flight: {
      carrier: manifest.flight.carrier,
      number: manifest.flight.number,
      departure: leg.departure,
      arrival: last.arrival,
    },
    pnrs: passengers.map((t, i) => {
      const planted = spec.facilitator && i < spec.facilitator.bookings;
      const soldByAgency = spec.agency && i >= passengers.length - spec.agency.bookings;
      return {
        bookingRef: t.references.booking!,
        carrier: manifest.flight.carrier,
        createdAt: spec.bookedAt,
        originator: {
          airline: manifest.flight.carrier,
          agencyId: soldByAgency ? spec.agency!.id : `AG${rng.int(100, 999)}`,
          type: 'T',
        },
        travellers: [
          {
            ref: '1',
            name: t.name,
            birthDate: t.birthDate,
            sex: t.sex,
            nationality: t.nationality,
            documents: t.documents,
          },
        ],
        contacts: {
          phones: [
            planted
              ? spec.facilitator!.phone
              : `+${rng.int(1, 99)}${rng.int(100000000, 999999999)}`,
          ],
          emails: [],
        },
        payments:
          planted || soldByAgency
            ? [{ type: 'cash' as const }]
            : [
                {
                  type: 'card' as const,
                  cardType: 'VI',
                  cardMasked: `XXXXXXXXXXXX${rng.int(1000, 9999)}`,
                },
              ],
        itinerary: [
          {
            carrier: manifest.flight.carrier,
            number: manifest.flight.number,
            departure: leg.departure,
            arrival: last.arrival,
          },
        ],
      };
    }),
  };
}
