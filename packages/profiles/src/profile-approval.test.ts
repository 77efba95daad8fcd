import { describe, expect, it } from 'vitest';
import { approveProfile, isActive, retireProfile, submitForApproval } from './profile-approval.ts';
import { parseProfile } from './profile-parser.ts';
import type { Profile } from './profile-schema.ts';

function draft(
  effective: { from: string; to?: string } = {
    from: '2026-01-01T00:00:00Z',
    to: '2026-07-01T00:00:00Z',
  },
): Profile {
  const r = parseProfile({
    id: 'P',
    version: 1,
    name: 'p',
    author: 'alice',
    effective,
    threshold: 1,
    rules: [{ id: 'r', weight: 1, when: { field: 'oneWay', op: '=', value: true } }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function pending(p = draft()): Profile {
  const r = submitForApproval(p);
  if (!r.ok) throw new Error('submit');
  return r.value;
}

const NOW = new Date('2026-02-01T10:00:00Z');
const bob = { id: 'bob', role: 'supervisor' };

describe('approval rules', () => {
  const cases: [string, Profile, Parameters<typeof approveProfile>[1], string][] = [
    ['missing approver', pending(), undefined, 'MISSING_APPROVER'],
    ['blank approver', pending(), { id: '  ', role: 'supervisor' }, 'MISSING_APPROVER'],
    ['self-approval', pending(), { id: 'Alice', role: 'supervisor' }, 'SELF_APPROVAL'],
    ['not a supervisor', pending(), { id: 'carol', role: 'officer' }, 'NOT_SUPERVISOR'],
    ['approving a draft', draft(), bob, 'BAD_STATUS'],
    [
      'approving after the window ended',
      pending(draft({ from: '2025-01-01T00:00:00Z', to: '2026-01-15T00:00:00Z' })),
      bob,
      'WINDOW_ENDED',
    ],
  ];
  it.each(cases)('refuses %s', (_n, profile, approver, code) => {
    const r = approveProfile(profile, approver, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe(code);
  });

  it('refuses an invalid clock', () => {
    const r = approveProfile(pending(), bob, new Date('nope'));
    expect(r.ok ? '' : r.issues[0]?.code).toBe('BAD_INSTANT');
  });

  it('activates with a recorded approval that the schema accepts', () => {
    const r = approveProfile(pending(), bob, NOW, 'back-test reviewed');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.status).toBe('active');
    expect(r.value.approval).toEqual({
      approvedBy: 'bob',
      approvedAt: '2026-02-01T10:00:00.000Z',
      comment: 'back-test reviewed',
    });
    expect(parseProfile(r.value).ok).toBe(true);
  });

  it('only submits drafts and only retires once', () => {
    expect(submitForApproval(pending()).ok).toBe(false);
    const active = approveProfile(pending(), bob, NOW);
    if (!active.ok) throw new Error('approve');
    const retired = retireProfile(active.value);
    expect(retired.ok && retired.value.status).toBe('retired');
    if (retired.ok) expect(retireProfile(retired.value).ok).toBe(false);
  });
});

describe('isActive and the effective window', () => {
  const approved = (() => {
    const r = approveProfile(pending(), bob, NOW);
    if (!r.ok) throw new Error('approve');
    return r.value;
  })();
  const cases: [string, Profile, string, boolean][] = [
    ['inside the window', approved, '2026-03-01T00:00:00Z', true],
    ['before the approval was given', approved, '2026-01-15T00:00:00Z', false],
    ['at the approval instant', approved, '2026-02-01T10:00:00Z', true],
    [
      'before from',
      { ...approved, approval: { approvedBy: 'bob', approvedAt: '2025-06-01T00:00:00Z' } },
      '2025-12-31T23:59:59Z',
      false,
    ],
    [
      'at from (inclusive)',
      { ...approved, approval: { approvedBy: 'bob', approvedAt: '2025-06-01T00:00:00Z' } },
      '2026-01-01T00:00:00Z',
      true,
    ],
    ['at to (exclusive)', approved, '2026-07-01T00:00:00Z', false],
    ['after to', approved, '2026-08-01T00:00:00Z', false],
    ['draft inside the window', draft(), '2026-03-01T00:00:00Z', false],
    ['pending inside the window', pending(), '2026-03-01T00:00:00Z', false],
    ['retired', { ...approved, status: 'retired' }, '2026-03-01T00:00:00Z', false],
    [
      'active without approval (forged)',
      { ...approved, approval: undefined },
      '2026-03-01T00:00:00Z',
      false,
    ],
    [
      'active self-approved (forged)',
      { ...approved, approval: { approvedBy: 'alice', approvedAt: '2026-01-01T00:00:00Z' } },
      '2026-03-01T00:00:00Z',
      false,
    ],
  ];
  it.each(cases)('%s', (_n, profile, at, expected) => {
    expect(isActive(profile, new Date(at))).toBe(expected);
  });

  it('an open-ended window stays active', () => {
    const r = approveProfile(pending(draft({ from: '2026-01-01T00:00:00Z' })), bob, NOW);
    expect(r.ok && isActive(r.value, new Date('2040-01-01T00:00:00Z'))).toBe(true);
  });
});
