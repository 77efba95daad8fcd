// Reading codes out of segments with positioned issues: ICAO state codes, IATA airports
// (cached per decode, since a manifest repeats them), bag tag ranges and issue positions.
import type { IssueSink } from './codec-issues.ts';
import type { SegmentScanner } from './segment-scanner.ts';
import { IntTable } from './int-table.ts';

export function where(s: SegmentScanner, element?: number, component?: number) {
  return {
    segmentIndex: s.index,
    segmentTag: s.tag,
    element,
    component,
    offset: element ? s.offsetOf(element, component) : s.offset,
  };
}

/** Per-decode caches: codes and dates repeat across travellers, so they are parsed once. */
export interface DecodeCache {
  states: IntTable;
  airports: IntTable;
  docTypes: IntTable;
}

export function newDecodeCache(): DecodeCache {
  return { states: new IntTable(), airports: new IntTable(), docTypes: new IntTable() };
}

const STATE_RE = /^[A-Z]{1,3}$/;
const AIRPORT_RE = /^[A-Z0-9]{3}$/;

/** An ICAO state code, upper-cased in lenient mode; undefined (and an issue) when unusable. */
export function stateCode(
  s: SegmentScanner,
  sink: IssueSink,
  e: number,
  c: number,
  cache?: DecodeCache,
): string | undefined {
  const k = s.key(e, c);
  const hit = cache?.states.get(k);
  if (hit !== undefined) return hit;
  const raw = s.value(e, c);
  if (!raw) return undefined;
  if (STATE_RE.test(raw)) {
    if (k > 0) cache?.states.set(k, raw);
    return raw;
  }
  const up = raw.trim().toUpperCase();
  if (STATE_RE.test(up)) {
    sink.problem('CODE_LOWERCASE', `State code "${raw}" should be upper case.`, where(s, e, c));
    return up;
  }
  sink.problem('STATE_CODE_INVALID', `"${raw}" is not an ICAO state code.`, where(s, e, c));
  return undefined;
}

export function airportCode(
  s: SegmentScanner,
  sink: IssueSink,
  e: number,
  c: number,
  cache?: DecodeCache,
): string | undefined {
  const k = s.key(e, c);
  const hit = cache?.airports.get(k);
  if (hit !== undefined) return hit;
  const raw = s.value(e, c);
  if (AIRPORT_RE.test(raw)) {
    if (k > 0) cache?.airports.set(k, raw);
    return raw;
  }
  const up = raw.trim().toUpperCase();
  if (AIRPORT_RE.test(up)) {
    sink.problem('CODE_LOWERCASE', `Airport code "${raw}" should be upper case.`, where(s, e, c));
    return up;
  }
  sink.problem(
    'AIRPORT_CODE_INVALID',
    `"${raw}" is not a three-character IATA airport code.`,
    where(s, e, c),
  );
  return undefined;
}

/** Expands `FTX+BAG+++AF012345:3` into AF012345, AF012346, AF012347 (numeric tail kept at width). */
export function expandBagTags(first: string, count: number): string[] {
  if (!(count > 1)) return [first];
  const m = /^(.*?)(\d+)$/.exec(first);
  if (!m) return [first];
  const prefix = m[1] ?? '';
  const digits = m[2] ?? '';
  const start = Number(digits);
  const out: string[] = [];
  for (let i = 0; i < Math.min(count, 999); i++) {
    out.push(prefix + String(start + i).padStart(digits.length, '0'));
  }
  return out;
}

/** DTM element 1 component 2 as `YYYY-MM-DD`: the one-allocation path, else the general parser. */
