import { describe, expect, it } from 'vitest';
import { ARR, admitted, answer, at, facts, refused } from '../test-support/facts-builder.ts';
import { loadProfile } from '../test-support/profiles.ts';
import type { CarrierFacts } from './carrier-facts.ts';
import { demoCaseInEveryState } from './case-demo.ts';
import { computePenalty } from './penalty-calculator.ts';
import { detectInfringements } from './infringement-rules.ts';
import { buildScorecard, performanceTier } from './scorecard.ts';

const ca = loadProfile('ca-irpr');
const asOf = new Date(ARR + 40 * 86_400_000);
const period = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
const pax = (n: number) => Array.from({ length: n }, (_, i) => `P${i + 1}`);

function flight(n: number, patch: Partial<CarrierFacts>, count = 100): CarrierFacts {
  const f = facts(patch, pax(count));
  return {
    ...f,
    flight: { ...f.flight, key: `XY${n}/2026-03-01` },
    outcomes: f.outcomes.map((o) => ({ ...o, flightKey: `XY${n}/2026-03-01` })),
  };
}

describe('buildScorecard', () => {
  const flights = [
    flight(1, { outcomes: [refused('P1', 'no-visa-or-travel-authorisation')] }),
    flight(2, {
      submissions: [
        {
          id: 'late',
          kind: 'manifest',
          listType: 'passenger',
          receivedAt: at(30),
          declaredCount: 100,
          travellerIds: pax(100),
          missingElements: [],
        },
      ],
    }),
    flight(3, {
      submissions: [
        {
          id: 'inc',
          kind: 'manifest',
          listType: 'passenger',
          receivedAt: at(-60),
          declaredCount: 101,
          travellerIds: pax(100),
          missingElements: [],
        },
      ],
    }),
    flight(4, {
      answers: [answer('P1', 'no-board', -60), answer('P2', 'no-board', -60)],
      outcomes: [admitted('P1')],
    }),
    flight(5, { submissions: [] }),
  ];
  const s = buildScorecard({ carrier: 'XY', period, flights, cases: [], profile: ca, asOf });

  it('rates API timeliness and completeness', () => {
    expect(s.flights).toBe(5);
    expect(s.passengers).toBe(500);
    expect(s.apiTimeliness).toEqual({ numerator: 3, denominator: 5, value: 0.6 });
    expect(s.apiCompleteness).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
  });

  it('counts improperly documented arrivals per 10 000 passengers and no-board compliance', () => {
    expect(s.improperlyDocumented).toBe(1);
    expect(s.improperlyDocumentedPer10k).toBe(20);
    expect(s.noBoardCompliance).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('ignores other carriers and other periods', () => {
    const other = buildScorecard({ carrier: 'ZZ', period, flights, cases: [], profile: ca, asOf });
    expect(other.flights).toBe(0);
    expect(other.apiTimeliness.value).toBeNull();
    expect(other.improperlyDocumentedPer10k).toBeNull();
    expect(
      buildScorecard({
        carrier: 'XY',
        period: { from: '2026-04-01T00:00:00Z', to: '2026-05-01T00:00:00Z' },
        flights,
        cases: [],
        profile: ca,
        asOf,
      }).flights,
    ).toBe(0);
  });

  it('counts sanctions issued, decided, paid and contested', () => {
    const demo = demoCaseInEveryState({ profile: ca, start: new Date('2026-03-10T12:00:00Z') });
    if (!demo.ok) throw new Error('demo');
    const sc = buildScorecard({
      carrier: 'XY',
      period,
      flights: [],
      cases: Object.values(demo.value),
      profile: ca,
      asOf,
    });
    // notice issued in 8 of 10 states (not draft, under-review); decided in 5; paid in 2; answered or appealed in 6.
    expect(sc.sanctions).toEqual({ issued: 8, decided: 5, paid: 2, contested: 6 });
  });
});

describe('Canada MOU tier from the scorecard', () => {
  const clean = Array.from({ length: 30 }, (_, i) => flight(i, {}, 400)); // 12 000 passengers, nothing wrong
  const tierOf = (flights: CarrierFacts[]) =>
    performanceTier(
      buildScorecard({ carrier: 'XY', period, flights, cases: [], profile: ca, asOf }),
      ca,
    )?.id;

  it('a clean record earns the best tier, and the fee falls accordingly', () => {
    expect(tierOf(clean)).toBe('mou-4');
    const refusedOne = flight(99, { outcomes: [refused('P1', 'no-visa-or-travel-authorisation')] });
    const infs = detectInfringements(refusedOne, { profile: ca, asOf });
    const r = computePenalty(infs, ca, { performanceTierId: tierOf(clean) });
    expect(r.ok && r.value.total.minor).toBe(0);
  });

  it('more improperly documented arrivals, a lower tier', () => {
    const withRefusals = (n: number) =>
      clean.map((f, i) =>
        i < n ? { ...f, outcomes: [{ ...refused('P1', 'impostor'), flightKey: f.flight.key }] } : f,
      );
    expect(tierOf(withRefusals(1))).toBe('mou-3'); // 0.83 per 10k
    expect(tierOf(withRefusals(2))).toBe('mou-2'); // 1.67
    expect(tierOf(withRefusals(4))).toBe('mou-1'); // 3.33
    expect(tierOf(withRefusals(6))).toBeUndefined(); // 5.0: full fee
  });

  it('a tier may also cap the count of assessments, as an MOU does', () => {
    const counted = {
      performanceTiers: {
        ...ca.performanceTiers!,
        tiers: [
          {
            id: 'best',
            label: 'at most 1 assessment',
            maxImproperlyDocumented: 1,
            minApiCompleteness: 0,
            amountMinor: 0,
          },
        ],
      },
    };
    const withRefusals = (n: number) =>
      clean.map((f, i) =>
        i < n ? { ...f, outcomes: [{ ...refused('P1', 'impostor'), flightKey: f.flight.key }] } : f,
      );
    const tier = (flights: CarrierFacts[]) =>
      performanceTier(
        buildScorecard({ carrier: 'XY', period, flights, cases: [], profile: ca, asOf }),
        counted,
      )?.id;
    expect(tier(withRefusals(1))).toBe('best');
    expect(tier(withRefusals(2))).toBeUndefined();
  });

  it('nothing measured, no tier; a profile without tiers, no tier', () => {
    expect(tierOf([])).toBeUndefined();
    const s = buildScorecard({
      carrier: 'XY',
      period,
      flights: clean,
      cases: [],
      profile: ca,
      asOf,
    });
    expect(performanceTier(s, loadProfile('uk-iaa-1999-s40'))).toBeUndefined();
  });
});
