// canonicalJson feeds every stored content hash: its text must never change. Checked against
// the original (map/filter/sort) formulation on arbitrary values, and against a hash stored
// before the loop rewrite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, travellerHash } from './manifest-update.ts';
import type { Traveller } from './manifest.ts';

function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('gives the same text as the original formulation', () => {
    // Small values: the point is key order, undefined members and holes, not size.
    const value = fc.anything({ maxDepth: 3, maxKeys: 5, withSparseArray: true });
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('keeps a traveller hash stored before the rewrite', () => {
    const t = {
      role: 'passenger',
      name: { surname: 'ÖZ', given: ['ANNA', 'MARIA'] },
      birthDate: '1980-01-02',
      nationality: 'DEU',
      references: { passenger: 'P1', booking: undefined },
      documents: [{ type: 'P', number: 'X1', issuingState: 'DEU', expiryDate: '2030-01-01' }],
    } as Traveller;
    expect(travellerHash(t)).toBe(
      'bf1793a2fa6da7b38ec82f31bbfe60b7d1d5ff6a7e62b4615236c6a75949a2b9',
    );
  });
});
