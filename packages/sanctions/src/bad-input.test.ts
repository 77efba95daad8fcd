// Whatever a stranger sends, public entry points answer with typed problems, never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../test-support/profiles.ts';
import { validateArrivalOutcome } from './arrival-outcome.ts';
import { parseCarrierFacts } from './carrier-facts.ts';
import { demoCaseInEveryState } from './case-demo.ts';
import { transition } from './case-machine.ts';
import type { CaseCommand } from './case-model.ts';
import { parseJurisdiction } from './jurisdiction-schema.ts';
import { parseDecimalAmount } from './money.ts';
import { computePenalty } from './penalty-calculator.ts';

const profile = loadProfile('eu-2001-51-per-person');
const demo = demoCaseInEveryState({ profile, start: new Date('2026-03-10T12:00:00Z') });
if (!demo.ok) throw new Error('demo');
const cases = Object.values(demo.value);
const ctx = {
  flight: {
    key: 'XY1/2026-03-01',
    departureUtc: '2026-03-01T10:00:00Z',
    arrivalUtc: '2026-03-01T12:00:00Z',
  },
  travellerIds: new Set(['P1']),
  currency: 'EUR',
  now: new Date('2026-03-02T00:00:00Z'),
};
const problemsAreTyped = (r: {
  ok: boolean;
  problems?: { code: string; message: string; where: string }[];
}) => {
  if (r.ok) return;
  expect(r.problems?.length).toBeGreaterThan(0);
  for (const p of r.problems ?? []) {
    expect(p.code).toMatch(/^[A-Z0-9_]+$/);
    expect(typeof p.message).toBe('string');
    expect(typeof p.where).toBe('string');
  }
};

describe('garbage in, typed problems out', () => {
  it('validateArrivalOutcome', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => problemsAreTyped(validateArrivalOutcome(x, ctx))),
      { numRuns: 300 },
    );
  });
  it('parseJurisdiction', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (t) => problemsAreTyped(parseJurisdiction(t))),
      { numRuns: 300 },
    );
  });
  it('parseCarrierFacts', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => problemsAreTyped(parseCarrierFacts(x))),
      { numRuns: 300 },
    );
  });
  it('transition', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.anything(), (c, x) => {
        const r = transition(c, x as CaseCommand);
        expect(r.ok).toBe(false);
        problemsAreTyped(r);
      }),
      { numRuns: 300 },
    );
  });
  it('computePenalty context', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => problemsAreTyped(computePenalty([], profile, x as never))),
      { numRuns: 200 },
    );
  });
  it('parseDecimalAmount', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, c) => problemsAreTyped(parseDecimalAmount(a, c))),
      { numRuns: 300 },
    );
  });
});
