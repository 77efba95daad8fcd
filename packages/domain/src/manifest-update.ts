// What a manifest does to the stored flight: PAXLST function codes become explicit operations
// (add, change, cancel, boarded, not boarded, close, cancel flight), so a resent or changed
// list updates what is stored instead of duplicating it.
import { createHash } from 'node:crypto';
import { travellerKey } from './keys.ts';
import type { Manifest, Traveller } from './manifest.ts';

export type TravellerStatus = 'active' | 'cancelled' | 'boarded' | 'not-boarded';
export type FlightStatus = 'open' | 'closed' | 'cancelled';

export type TravellerOp =
  | { kind: 'add' | 'change'; key: string; traveller: Traveller; hash: string }
  | { kind: 'unchanged'; key: string }
  | { kind: 'set-status'; key: string; status: TravellerStatus };

export interface ManifestPlan {
  flightStatus?: FlightStatus;
  /** CF change flight: the schedule in this message replaces the stored one. */
  replaceSchedule: boolean;
  travellers: TravellerOp[];
  warnings: { code: string; message: string }[];
}

export interface StoredTraveller {
  key: string;
  contentHash: string;
  status: TravellerStatus;
}

/**
 * Canonical JSON (sorted keys, undefined members left out) so that the same traveller always
 * hashes the same. Stored content hashes depend on this exact text. Written with plain loops:
 * it runs for every traveller of every manifest.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // A hole stays empty, as Array.prototype.join leaves it.
      if (i in value) out += canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const o = value as Record<string, unknown>;
  // The default sort orders by UTF-16 code units, as comparing with < does.
  const keys = Object.keys(o).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = o[k];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

export function travellerHash(t: Traveller): string {
  return createHash('sha256').update(canonicalJson(t)).digest('hex');
}

export function planManifestUpdate(
  manifest: Manifest,
  stored: readonly StoredTraveller[],
): ManifestPlan {
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const plan: ManifestPlan = { replaceSchedule: false, travellers: [], warnings: [] };
  const listed = new Set<string>();

  const upsert = (t: Traveller) => {
    const key = travellerKey(t);
    if (listed.has(key)) {
      plan.warnings.push({
        code: 'DUPLICATE_TRAVELLER',
        message: `traveller ${key} is listed twice; the later entry wins`,
      });
      plan.travellers = plan.travellers.filter((op) => op.key !== key);
    }
    listed.add(key);
    const hash = travellerHash(t);
    const prev = byKey.get(key);
    if (!prev) plan.travellers.push({ kind: 'add', key, traveller: t, hash });
    else if (prev.contentHash !== hash)
      plan.travellers.push({ kind: 'change', key, traveller: t, hash });
    else plan.travellers.push({ kind: 'unchanged', key });
    if (prev && prev.status === 'cancelled')
      plan.travellers.push({ kind: 'set-status', key, status: 'active' });
  };

  const setStatus = (t: Traveller, status: TravellerStatus, verb: string) => {
    const key = travellerKey(t);
    listed.add(key);
    if (!byKey.has(key)) {
      plan.warnings.push({
        code: 'UNKNOWN_TRAVELLER',
        message: `${verb} for traveller ${key}, who is not on any earlier list for this flight; recorded as a new traveller`,
      });
      plan.travellers.push({ kind: 'add', key, traveller: t, hash: travellerHash(t) });
    }
    plan.travellers.push({ kind: 'set-status', key, status });
  };

  switch (manifest.functionCode) {
    case 'original':
    case 'change':
      manifest.travellers.forEach(upsert);
      break;
    case 'cancel-reservation':
    case 'reduction-in-party':
      manifest.travellers.forEach((t) => setStatus(t, 'cancelled', 'cancellation'));
      break;
    case 'flight-close':
      plan.flightStatus = 'closed';
      manifest.travellers.forEach(upsert);
      break;
    case 'flight-close-no-board':
      // CLNB lists the travellers who did not board.
      plan.flightStatus = 'closed';
      manifest.travellers.forEach((t) => setStatus(t, 'not-boarded', 'no-board report'));
      break;
    case 'flight-close-on-board':
      // CLOB lists who is on board; everyone else still active did not board.
      plan.flightStatus = 'closed';
      manifest.travellers.forEach((t) => setStatus(t, 'boarded', 'on-board report'));
      for (const s of stored)
        if (!listed.has(s.key) && s.status === 'active')
          plan.travellers.push({ kind: 'set-status', key: s.key, status: 'not-boarded' });
      break;
    case 'cancel-flight':
      plan.flightStatus = 'cancelled';
      break;
    case 'change-flight':
      plan.replaceSchedule = true;
      manifest.travellers.forEach(upsert);
      break;
  }
  return plan;
}
