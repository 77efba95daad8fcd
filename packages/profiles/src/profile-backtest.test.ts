import { describe, expect, it } from 'vitest';
import { completeFeatures } from './feature-catalogue.ts';
import type { TravellerFeatures } from './feature-catalogue.ts';
import { backtest, backtestProfile } from './profile-backtest.ts';
import type { HistoryRecord } from './profile-backtest.ts';
import { compileProfile } from './profile-compiler.ts';

const compiled = (() => {
  const r = compileProfile({
    id: 'BT',
    version: 4,
    name: 'bt',
    author: 'alice',
    effective: { from: '2026-01-01T00:00:00Z' },
    threshold: 50,
    rules: [
      { id: 'cash', weight: 30, when: { field: 'paidInCash', op: '=', value: true } },
      { id: 'oneway', weight: 30, when: { field: 'oneWay', op: '=', value: true } },
      { id: 'nobags', weight: 10, when: { field: 'bagCount', op: '=', value: 0 } },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
})();

function rec(flightKey: string, travellerId: string, f: TravellerFeatures): HistoryRecord {
  return { flightKey, travellerId, features: completeFeatures(f) };
}

describe('backtest', () => {
  // Hits: t1 (70), t2 (60), t5 (60); t3 scores 40, t4 scores 0.
  const history: HistoryRecord[] = [
    rec('XX1/2026-01-01', 't1', { paidInCash: true, oneWay: true, bagCount: 0 }),
    rec('XX1/2026-01-01', 't2', { paidInCash: true, oneWay: true, bagCount: 1 }),
    rec('XX1/2026-01-01', 't3', { paidInCash: true, bagCount: 0 }),
    rec('XX2/2026-01-02', 't4', { paidInCash: false, oneWay: false }),
    rec('XX3/2026-01-03', 't5', { paidInCash: true, oneWay: true }),
    rec('XX3/2026-01-03', 't1', { paidInCash: false }),
  ];
  const report = backtest(compiled, history, { sampleSize: 2 });

  it('counts travellers and flights, flagged and not', () => {
    expect(report).toMatchObject({
      profileId: 'BT',
      version: 4,
      records: 6,
      skipped: 0,
      travellers: 5,
      flights: 3,
      flaggedTravellers: 3,
      flaggedFlights: 2,
    });
    expect(report.flagRate).toBeCloseTo(3 / 5);
  });

  it('gives the score distribution', () => {
    expect(report.scoreDistribution).toEqual([
      { score: 0, count: 2 },
      { score: 40, count: 1 },
      { score: 60, count: 2 },
      { score: 70, count: 1 },
    ]);
  });

  it('ranks the conditions that fired', () => {
    expect(report.topConditions).toEqual([
      { ruleId: 'cash', fired: 4, firedOnHits: 3 },
      { ruleId: 'oneway', fired: 3, firedOnHits: 3 },
      { ruleId: 'nobags', fired: 2, firedOnHits: 1 },
    ]);
  });

  it('keeps a bounded sample of hits with explanations', () => {
    expect(report.sample.map((s) => s.travellerId)).toEqual(['t1', 't2']);
    expect(report.sample[0]?.fired.map((f) => f.ruleId)).toEqual(['cash', 'oneway', 'nobags']);
  });

  it('skips malformed records and handles an empty history', () => {
    const bad = backtest(compiled, [
      { flightKey: 'F', travellerId: 7, features: {} } as unknown as HistoryRecord,
      history[0] as HistoryRecord,
    ]);
    expect(bad).toMatchObject({ records: 2, skipped: 1, travellers: 1, flaggedTravellers: 1 });
    expect(backtest(compiled, [])).toMatchObject({ travellers: 0, flagRate: 0, sample: [] });
  });

  it('accepts any iterable, e.g. a generator over stored history', () => {
    function* gen() {
      for (let i = 0; i < 100; i++)
        yield rec(`F${i % 7}`, `p${i}`, { paidInCash: i % 2 === 0, oneWay: i % 3 === 0 });
    }
    const r = backtest(compiled, gen());
    // Hits are i divisible by 6: 0, 6, …, 96 → 17 travellers.
    expect(r.flaggedTravellers).toBe(17);
    expect(r.flights).toBe(7);
  });

  it('back-tests a draft document directly, and refuses an invalid one', () => {
    const r = backtestProfile(compiled.profile, history);
    expect(r.ok && r.value.flaggedTravellers).toBe(3);
    const bad = backtestProfile(
      {
        ...compiled.profile,
        rules: [{ id: 'x', weight: 1, when: { field: 'religion', exists: true } }],
      },
      history,
    );
    expect(bad.ok ? '' : bad.issues[0]?.code).toBe('FORBIDDEN_ATTRIBUTE');
  });
});
