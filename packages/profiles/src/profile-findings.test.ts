import { Finding } from '@paxguard/domain';
import { describe, expect, it } from 'vitest';
import { completeFeatures } from './feature-catalogue.ts';
import { approveProfile, submitForApproval } from './profile-approval.ts';
import { compileProfile } from './profile-compiler.ts';
import type { CompiledProfile } from './profile-compiler.ts';
import { profileHits, profileHitsToFindings, screenWithProfiles } from './profile-findings.ts';
import { toFeatureVector } from './feature-catalogue.ts';

function make(id: string, active: boolean): CompiledProfile {
  const base = {
    id,
    version: 7,
    name: `profile ${id}`,
    author: 'alice',
    effective: { from: '2026-01-01T00:00:00Z' },
    threshold: 10,
    rules: [
      {
        id: 'cash',
        weight: 10,
        explain: 'cash payment',
        when: { field: 'paidInCash', op: '=', value: true },
      },
    ],
  };
  let p: unknown = base;
  if (active) {
    const parsed = compileProfile(base);
    if (!parsed.ok) throw new Error('x');
    const s = submitForApproval(parsed.value.profile);
    const a = s.ok
      ? approveProfile(s.value, { id: 'bob', role: 'supervisor' }, new Date('2026-01-02T00:00:00Z'))
      : s;
    if (!a.ok) throw new Error('approve');
    p = a.value;
  }
  const c = compileProfile(p);
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  return c.value;
}

describe('profile findings', () => {
  const features = completeFeatures({ paidInCash: true });

  it('turns a hit into a refer finding naming the profile version and reasons', () => {
    const p = make('A', true);
    const [f, ...rest] = profileHitsToFindings([{ profile: p, evaluation: p.evaluate(features) }]);
    expect(rest).toEqual([]);
    expect(Finding.parse(f)).toMatchObject({
      source: 'profile',
      code: 'PROFILE_HIT',
      severity: 'refer',
      rule: { id: 'A', version: '7' },
    });
    expect(f?.message).toContain('cash payment: paidInCash = true (was true)');
    expect(f?.evidence).toMatchObject({
      score: 10,
      threshold: 10,
      fired: [{ ruleId: 'cash', weight: 10 }],
    });
  });

  it('drops evaluations below threshold', () => {
    const p = make('A', true);
    expect(
      profileHitsToFindings([{ profile: p, evaluation: p.evaluate(completeFeatures({})) }]),
    ).toEqual([]);
  });

  it('screens only with profiles active at that instant', () => {
    const findings = screenWithProfiles(
      [make('ACTIVE', true), make('DRAFT', false)],
      features,
      new Date('2026-02-01T00:00:00Z'),
    );
    expect(findings.map((f) => f.rule.id)).toEqual(['ACTIVE']);
    expect(
      screenWithProfiles([make('ACTIVE', true)], features, new Date('2025-12-01T00:00:00Z')),
    ).toEqual([]);
  });

  it('profileHits returns only profiles that reach their threshold, with explanations', () => {
    const a = make('A', true);
    const b = make('B', true);
    const hits = profileHits([a, b], toFeatureVector(features));
    expect(hits.map((h) => h.profile.id)).toEqual(['A', 'B']);
    expect(hits[0]?.evaluation.fired[0]?.explanation).toBe(
      'cash payment: paidInCash = true (was true)',
    );
    expect(profileHits([a, b], toFeatureVector(completeFeatures({ paidInCash: false })))).toEqual(
      [],
    );
  });
});
