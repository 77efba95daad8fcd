import { describe, expect, it } from 'vitest';
import type { Manifest, Traveller } from './manifest.ts';
import { planManifestUpdate, travellerHash } from './manifest-update.ts';
import { travellerKey } from './keys.ts';

const pax = (surname: string, ref: string): Traveller => ({
  role: 'passenger',
  name: { surname, given: ['A'] },
  references: { passenger: ref },
  documents: [],
});
const manifest = (functionCode: Manifest['functionCode'], travellers: Traveller[]): Manifest => ({
  source: 'PAXLST',
  listType: 'passenger',
  functionCode,
  flight: {
    carrier: 'XX',
    number: '1',
    legs: [{ departure: { airport: 'AAA' }, arrival: { airport: 'BBB' }, overflight: false }],
  },
  travellers,
});
const stored = (t: Traveller, status: 'active' | 'cancelled' = 'active') => ({
  key: travellerKey(t),
  contentHash: travellerHash(t),
  status,
});

describe('planManifestUpdate', () => {
  const a = pax('ALPHA', '1');
  const b = pax('BRAVO', '2');

  it('adds new travellers, changes changed ones and leaves identical ones alone', () => {
    const b2 = { ...b, name: { surname: 'BRAVO', given: ['B'] } };
    const plan = planManifestUpdate(manifest('change', [a, b2, pax('CHARLIE', '3')]), [
      stored(a),
      stored(b),
    ]);
    expect(plan.travellers.map((o) => o.kind)).toEqual(['unchanged', 'change', 'add']);
  });

  it('cancels on XR / RP, warning about unknown travellers', () => {
    const plan = planManifestUpdate(manifest('cancel-reservation', [a, pax('ZULU', '9')]), [
      stored(a),
    ]);
    expect(plan.travellers).toContainEqual({
      kind: 'set-status',
      key: 'ref:1',
      status: 'cancelled',
    });
    expect(plan.warnings.map((w) => w.code)).toEqual(['UNKNOWN_TRAVELLER']);
  });

  it('closes the flight; CLOB marks unlisted travellers as not boarded', () => {
    const plan = planManifestUpdate(manifest('flight-close-on-board', [a]), [stored(a), stored(b)]);
    expect(plan.flightStatus).toBe('closed');
    expect(plan.travellers).toContainEqual({ kind: 'set-status', key: 'ref:1', status: 'boarded' });
    expect(plan.travellers).toContainEqual({
      kind: 'set-status',
      key: 'ref:2',
      status: 'not-boarded',
    });
  });

  it('cancels the flight on XF and replaces the schedule on CF', () => {
    expect(planManifestUpdate(manifest('cancel-flight', []), []).flightStatus).toBe('cancelled');
    expect(planManifestUpdate(manifest('change-flight', [a]), []).replaceSchedule).toBe(true);
  });

  it('reactivates a cancelled traveller listed again', () => {
    const plan = planManifestUpdate(manifest('original', [a]), [stored(a, 'cancelled')]);
    expect(plan.travellers).toContainEqual({ kind: 'set-status', key: 'ref:1', status: 'active' });
  });

  it('hashes travellers canonically regardless of key order', () => {
    const reordered = {
      documents: [],
      references: { passenger: '1' },
      name: { given: ['A'], surname: 'ALPHA' },
      role: 'passenger' as const,
    };
    expect(travellerHash(reordered)).toBe(travellerHash(a));
  });
});
