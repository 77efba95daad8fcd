import { describe, expect, it } from 'vitest';
import { completeFeatures } from './feature-catalogue.ts';
import type { TravellerFeatures } from './feature-catalogue.ts';
import { compileProfile } from './profile-compiler.ts';
import type { CompiledProfile } from './profile-compiler.ts';

function compile(when: unknown, threshold = 1): CompiledProfile {
  const r = compileProfile({
    id: 'T1',
    version: 1,
    name: 'test',
    author: 'alice',
    effective: { from: '2026-01-01T00:00:00Z' },
    threshold,
    rules: [{ id: 'r', weight: 1, when }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const base: TravellerFeatures = completeFeatures({
  origin: 'IST',
  destination: 'LHR',
  transitPoints: ['ATH', 'BEG'],
  bookingLeadDays: 2,
  oneWay: true,
  paymentType: 'cash',
  bagCount: 0,
  groupSize: 4,
});

describe('leaf operators', () => {
  const cases: [string, unknown, boolean][] = [
    ['= string true', { field: 'paymentType', op: '=', value: 'cash' }, true],
    ['= string false', { field: 'paymentType', op: '=', value: 'card' }, false],
    ['== alias', { field: 'paymentType', op: '==', value: 'cash' }, true],
    ['≠ string', { field: 'paymentType', op: '≠', value: 'card' }, true],
    ['!= string same', { field: 'paymentType', op: '!=', value: 'cash' }, false],
    ['= boolean', { field: 'oneWay', op: '=', value: true }, true],
    ['= boolean false', { field: 'oneWay', op: '=', value: false }, false],
    ['< true', { field: 'bookingLeadDays', op: '<', value: 3 }, true],
    ['< boundary', { field: 'bookingLeadDays', op: '<', value: 2 }, false],
    ['≤ boundary', { field: 'bookingLeadDays', op: '≤', value: 2 }, true],
    ['<= alias', { field: 'bookingLeadDays', op: '<=', value: 1 }, false],
    ['> true', { field: 'groupSize', op: '>', value: 3 }, true],
    ['> boundary', { field: 'groupSize', op: '>', value: 4 }, false],
    ['≥ boundary', { field: 'groupSize', op: '≥', value: 4 }, true],
    ['>= false', { field: 'groupSize', op: '>=', value: 5 }, false],
    ['= number zero', { field: 'bagCount', op: '=', value: 0 }, true],
    ['in string', { field: 'origin', in: ['IST', 'CAI'] }, true],
    ['in string miss', { field: 'origin', in: ['CAI'] }, false],
    ['in number', { field: 'groupSize', in: [3, 4] }, true],
    ['in list any element', { field: 'transitPoints', in: ['BEG', 'SKP'] }, true],
    ['in list none', { field: 'transitPoints', in: ['SKP'] }, false],
    ['= on list is contains', { field: 'transitPoints', op: '=', value: 'ATH' }, true],
    ['≠ on list is not contains', { field: 'transitPoints', op: '≠', value: 'ATH' }, false],
    ['between inside', { field: 'bookingLeadDays', between: [0, 3] }, true],
    ['between low edge', { field: 'bookingLeadDays', between: [2, 3] }, true],
    ['between high edge', { field: 'bookingLeadDays', between: [0, 2] }, true],
    ['between outside', { field: 'bookingLeadDays', between: [3, 9] }, false],
    ['exists true', { field: 'origin', exists: true }, true],
    ['exists on unknown', { field: 'travelAgencyId', exists: true }, false],
    ['exists false on unknown', { field: 'travelAgencyId', exists: false }, true],
    ['exists on empty list', { field: 'routeCountries', exists: true }, false],
    ['missing value never compares', { field: 'documentAgeDays', op: '<', value: 100 }, false],
    ['missing value never ≠', { field: 'travelAgencyId', op: '≠', value: 'X' }, false],
    ['missing value not between', { field: 'documentAgeDays', between: [-1e9, 1e9] }, false],
  ];
  it.each(cases)('%s', (_name, when, expected) => {
    expect(compile(when).evaluate(base).hit).toBe(expected);
  });
});

describe('AND / OR / NOT', () => {
  const yes = { field: 'oneWay', op: '=', value: true };
  const no = { field: 'paymentType', op: '=', value: 'card' };
  const cases: [string, unknown, boolean][] = [
    ['all true', { all: [yes, yes] }, true],
    ['all one false', { all: [yes, no] }, false],
    ['all three', { all: [yes, yes, no] }, false],
    ['any one true', { any: [no, yes] }, true],
    ['any none', { any: [no, no, no] }, false],
    ['not false', { not: no }, true],
    ['not true', { not: yes }, false],
    ['nested', { all: [yes, { any: [no, { not: no }] }] }, true],
    ['single child all', { all: [no] }, false],
  ];
  it.each(cases)('%s', (_name, when, expected) => {
    expect(compile(when).evaluate(base).hit).toBe(expected);
  });
});

describe('scoring and explanations', () => {
  const r = compileProfile({
    id: 'P',
    version: 2,
    name: 'one-way cash',
    author: 'alice',
    effective: { from: '2026-01-01T00:00:00Z' },
    threshold: 50,
    rules: [
      {
        id: 'cash-oneway',
        weight: 30,
        explain: 'one-way paid in cash',
        when: {
          all: [
            { field: 'oneWay', op: '=', value: true },
            { field: 'paymentType', op: '=', value: 'cash' },
          ],
        },
      },
      { id: 'late', weight: 25, when: { field: 'bookingLeadDays', op: '<', value: 3 } },
      { id: 'bags', weight: 10, when: { field: 'bagCount', op: '>', value: 2 } },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const p = r.value;

  it('sums weights of fired rules and compares with the threshold', () => {
    const ev = p.evaluate(base);
    expect(ev.score).toBe(55);
    expect(ev.hit).toBe(true);
    expect(p.score(base)).toBe(55);
    expect(ev.fired.map((f) => f.ruleId)).toEqual(['cash-oneway', 'late']);
  });

  it('names every condition that fired, with the actual values', () => {
    const ev = p.evaluate(base);
    expect(ev.fired[0]?.explanation).toBe(
      'one-way paid in cash: oneWay = true (was true) AND paymentType = cash (was cash)',
    );
    expect(ev.fired[1]?.explanation).toBe('bookingLeadDays < 3 (was 2)');
  });

  it('is below threshold when only part fires', () => {
    const ev = p.evaluate({ ...base, bookingLeadDays: 30 });
    expect(ev).toMatchObject({ score: 30, hit: false });
  });

  it('returns an empty result when nothing fires', () => {
    expect(p.evaluate(completeFeatures({}))).toEqual({ score: 0, hit: false, fired: [] });
  });

  it('explains only the OR branches that held', () => {
    const q = compile({
      any: [
        { field: 'origin', op: '=', value: 'CAI' },
        { field: 'origin', in: ['IST'] },
      ],
    });
    expect(q.evaluate(base).fired[0]?.explanation).toBe('origin in {IST} (was IST)');
  });

  it('refuses an invalid profile instead of compiling it', () => {
    const bad = compileProfile({ id: 'x' });
    expect(bad.ok).toBe(false);
  });
});
