import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  completeFeatures,
  FEATURE_INDEX,
  FEATURE_NAMES,
  toFeatureVector,
} from './feature-catalogue.ts';
import type { TravellerFeatures } from './feature-catalogue.ts';
import { compileProfile } from './profile-compiler.ts';

// A deliberately naive reference interpreter with the documented semantics: a missing
// value satisfies no comparison; lists match `=` / `in` when any element does.
type C = Record<string, unknown>;
function interp(c: C, f: TravellerFeatures): boolean {
  if ('all' in c) return (c['all'] as C[]).every((x) => interp(x, f));
  if ('any' in c) return (c['any'] as C[]).some((x) => interp(x, f));
  if ('not' in c) return !interp(c['not'] as C, f);
  const x = (f as Record<string, unknown>)[c['field'] as string];
  if ('exists' in c) return (Array.isArray(x) ? x.length > 0 : x !== undefined) === c['exists'];
  if (x === undefined) return false;
  if ('between' in c) {
    const [lo, hi] = c['between'] as [number, number];
    return (x as number) >= lo && (x as number) <= hi;
  }
  if ('in' in c)
    return Array.isArray(x)
      ? x.some((v) => (c['in'] as unknown[]).includes(v))
      : (c['in'] as unknown[]).includes(x);
  const v = c['value'];
  switch (c['op']) {
    case '=':
      return Array.isArray(x) ? x.includes(v) : x === v;
    case '!=':
      return Array.isArray(x) ? !x.includes(v) : x !== v;
    case '<':
      return (x as number) < (v as number);
    case '<=':
      return (x as number) <= (v as number);
    case '>':
      return (x as number) > (v as number);
    default:
      return (x as number) >= (v as number);
  }
}

const airports = fc.constantFrom('IST', 'BEG', 'ATH', 'LHR');
const num = fc.integer({ min: -2, max: 6 });
const leaf: fc.Arbitrary<C> = fc.oneof(
  fc.record({ field: fc.constant('oneWay'), op: fc.constantFrom('=', '!='), value: fc.boolean() }),
  fc.record({
    field: fc.constant('paymentType'),
    op: fc.constantFrom('=', '!='),
    value: fc.constantFrom('cash', 'card'),
  }),
  fc.record({
    field: fc.constant('paymentType'),
    in: fc.uniqueArray(fc.constantFrom('cash', 'card', 'other'), { minLength: 1 }),
  }),
  fc.record({
    field: fc.constantFrom('groupSize', 'bookingLeadDays'),
    op: fc.constantFrom('=', '!=', '<', '<=', '>', '>='),
    value: num,
  }),
  fc.record({ field: fc.constant('groupSize'), in: fc.array(num, { minLength: 1, maxLength: 3 }) }),
  fc
    .tuple(num, num)
    .map(([a, b]) => ({ field: 'bookingLeadDays', between: [Math.min(a, b), Math.max(a, b)] })),
  fc.record({
    field: fc.constant('transitPoints'),
    op: fc.constantFrom('=', '!='),
    value: airports,
  }),
  fc.record({
    field: fc.constant('transitPoints'),
    in: fc.array(airports, { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    field: fc.constantFrom('transitPoints', 'groupSize', 'paymentType'),
    exists: fc.boolean(),
  }),
);
const condition: fc.Arbitrary<C> = fc.letrec<{ c: C }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ not: tie('c') }),
  ),
})).c;
const features: fc.Arbitrary<TravellerFeatures> = fc
  .record({
    oneWay: fc.option(fc.boolean(), { nil: undefined }),
    paymentType: fc.option(fc.constantFrom('cash', 'card', 'other'), { nil: undefined }),
    groupSize: fc.option(num, { nil: undefined }),
    bookingLeadDays: fc.option(num, { nil: undefined }),
    transitPoints: fc.option(fc.array(airports, { maxLength: 3 }), { nil: undefined }),
  })
  .map(completeFeatures);

describe('compiled predicates agree with a reference interpreter', () => {
  it('for random condition trees and travellers', () => {
    fc.assert(
      fc.property(
        condition,
        fc.array(features, { minLength: 1, maxLength: 8 }),
        (when, travellers) => {
          const r = compileProfile({
            id: 'P',
            version: 1,
            name: 'p',
            author: 'a',
            effective: { from: '2026-01-01T00:00:00Z' },
            threshold: 1,
            rules: [{ id: 'r', weight: 1, when }],
          });
          if (!r.ok) throw new Error(JSON.stringify(r.issues));
          for (const f of travellers) {
            const expected = interp(r.value.profile.rules[0]!.when as unknown as C, f);
            expect(r.value.evaluate(f).hit).toBe(expected);
            expect(r.value.scoreVector(toFeatureVector(f))).toBe(expected ? 1 : 0);
            if (expected)
              expect(r.value.evaluate(f).fired[0]?.explanation.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 400, seed: 1234 },
    );
  });

  it('lays the feature vector out in catalogue order', () => {
    const f = completeFeatures({ origin: 'IST', bagCount: 2, transitPoints: ['BEG'] });
    const v = toFeatureVector(f);
    expect(v).toHaveLength(FEATURE_NAMES.length);
    FEATURE_NAMES.forEach((n) => expect(v[FEATURE_INDEX[n]]).toBe(f[n]));
  });
});
