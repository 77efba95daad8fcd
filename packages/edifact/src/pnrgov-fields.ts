// PNRGOV element readers shared by the header and the PNR body: TVL flight legs and the
// DDMMYY dates PNRGOV uses (unlike PAXLST's YYMMDD).
import type { PnrSegment, ScheduledPoint } from '@paxguard/domain';
import { localToUtc, type AirportZones } from './airport-zones.ts';
import type { SegmentScanner } from './segment-scanner.ts';

/** `121210` (DDMMYY) → `2010-12-12`; undefined when not a valid date. */
export function ddmmyy(raw: string): string | undefined {
  if (!/^\d{6}$/.test(raw)) return undefined;
  const d = Number(raw.slice(0, 2));
  const m = Number(raw.slice(2, 4));
  const y = 2000 + Number(raw.slice(4, 6));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > days) return undefined;
  return `${y}-${raw.slice(2, 4)}-${raw.slice(0, 2)}`;
}

/** A date plus optional `HHMM` → `YYYY-MM-DDTHH:mm`, or the bare date when there is no time. */
export function dateTime(date: string | undefined, time: string): string | undefined {
  if (!date) return undefined;
  if (/^\d{4}$/.test(time) && Number(time.slice(0, 2)) < 24 && Number(time.slice(2)) < 60) {
    return `${date}T${time.slice(0, 2)}:${time.slice(2)}`;
  }
  return undefined;
}

const AIRPORT_RE = /^[A-Z0-9]{3}$/;
const CARRIER_RE = /^[A-Z0-9]{2,3}$/;

function point(airport: string, local: string | undefined, zones: AirportZones): ScheduledPoint {
  if (!local) return { airport };
  const utc = localToUtc(local, airport, zones);
  return utc ? { airport, local, utc } : { airport, local };
}

/**
 * `TVL+121210:0915:131210:1230+LHR+JFK+DL:KL+324:B`: departure date/time, arrival date/time
 * (a 4-digit third component is an arrival time on the departure date), airports, marketing
 * and operating carrier, flight number and booking class. Undefined for non-air segments.
 */
export function readTvl(s: SegmentScanner, zones: AirportZones): PnrSegment | undefined {
  const from = s.value(2, 1).trim().toUpperCase();
  const to = s.value(3, 1).trim().toUpperCase();
  const carrier = s.value(4, 1).trim().toUpperCase();
  const number = s.value(5, 1).trim().toUpperCase();
  if (!AIRPORT_RE.test(from) || !AIRPORT_RE.test(to) || !CARRIER_RE.test(carrier) || !number)
    return undefined;
  const depDate = ddmmyy(s.value(1, 1));
  const third = s.value(1, 3);
  let arrDate = depDate;
  let arrTime = s.value(1, 4);
  if (/^\d{4}$/.test(third)) arrTime = third;
  else if (third) arrDate = ddmmyy(third) ?? depDate;
  const seg: PnrSegment = {
    carrier,
    number,
    departure: point(from, dateTime(depDate, s.value(1, 2)), zones),
    arrival: point(to, dateTime(arrDate, arrTime), zones),
  };
  const operating = s.value(4, 2).trim().toUpperCase();
  if (CARRIER_RE.test(operating) && operating !== carrier) seg.operatingCarrier = operating;
  const cls = s.value(5, 2).trim();
  if (cls) seg.bookingClass = cls;
  return seg;
}
