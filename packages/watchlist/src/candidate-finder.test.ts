import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachProbe } from './candidate-finder.ts';
import type { SkeletonNeighbour } from './token-vocabulary.ts';

/** The probe enumeration as first written: every pair of the product, filtered by budget. */
function productProbes(expansions: SkeletonNeighbour[][]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < expansions.length; i++) {
    const ei = expansions[i] ?? [];
    for (const a of ei)
      if (a.distance === 0 || expansions.length === 1) out.push([a.skelId, a.skelId]);
    for (let j = i + 1; j < expansions.length; j++) {
      const ej = expansions[j] ?? [];
      const budget = ei.length * ej.length <= 64 ? 2 : 1;
      for (const a of ei)
        for (const b of ej) if (a.distance + b.distance <= budget) out.push([a.skelId, b.skelId]);
    }
  }
  return out;
}

const neighbour = fc.record({
  skelId: fc.nat({ max: 50 }),
  distance: fc.constantFrom<0 | 1>(0, 1, 1, 1),
});

describe('forEachProbe', () => {
  it('probes exactly the pairs of the product within the edit budget, in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(neighbour, { maxLength: 48 }), { maxLength: 5 }),
        (expansions) => {
          const probes: [number, number][] = [];
          forEachProbe(expansions, (a, b) => probes.push([a, b]));
          expect(probes).toEqual(productProbes(expansions));
        },
      ),
    );
  });
});
