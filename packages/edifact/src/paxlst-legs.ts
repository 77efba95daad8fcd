// PAXLST flight legs: TDT groups with their LOC/DTM points turned into domain legs, local
// times converted to UTC, and the TDT that names the reported flight.
import type { FlightLeg } from '@paxguard/domain';
import { localToUtc, type AirportZones } from './airport-zones.ts';
import type { IssueSink } from './codec-issues.ts';
import { codeKey } from './segment-scanner.ts';

const L125 = codeKey('125');
const L87 = codeKey('87');

export interface Point {
  airport: string;
  qualifier: number;
  departs?: string;
  arrives?: string;
}

export interface TransportGroup {
  carrier: string;
  number: string;
  overflight: boolean;
  points: Point[];
  segmentIndex: number;
}

export function buildLegs(
  groups: TransportGroup[],
  zones: AirportZones,
  sink: IssueSink,
): { legs: FlightLeg[]; reported: TransportGroup | undefined } {
  const legs: FlightLeg[] = [];
  let reported: TransportGroup | undefined;
  for (const g of groups) {
    if (g.points.length < 2) {
      sink.problem(
        'LEG_INCOMPLETE',
        `TDT ${g.carrier}${g.number} needs a departure and an arrival LOC.`,
        {
          segmentIndex: g.segmentIndex,
          segmentTag: 'TDT',
        },
      );
      continue;
    }
    if (!reported && g.points.some((p) => p.qualifier === L125 || p.qualifier === L87))
      reported = g;
    for (let i = 0; i + 1 < g.points.length; i++) {
      const a = g.points[i]!;
      const b = g.points[i + 1]!;
      legs.push({
        departure: scheduled(a.airport, a.departs, zones, sink),
        arrival: scheduled(b.airport, b.arrives, zones, sink),
        overflight: g.overflight,
      });
    }
  }
  return { legs, reported: reported ?? groups[0] };
}

function scheduled(
  airport: string,
  local: string | undefined,
  zones: AirportZones,
  sink: IssueSink,
) {
  if (!local) return { airport };
  const utc = localToUtc(local, airport, zones);
  if (!utc)
    sink.warn(
      'AIRPORT_ZONE_UNKNOWN',
      `No time zone known for airport ${airport}; kept local time only.`,
    );
  return utc ? { airport, local, utc } : { airport, local };
}
