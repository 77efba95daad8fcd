// The four-eyes life cycle of a profile: draft → pending-approval → active (a supervisor
// other than the author approves, recorded) → retired; and whether it applies at an instant.
import { fail, ok } from './profile-issues.ts';
import type { ProfileResult } from './profile-issues.ts';
import { sameActor } from './profile-schema.ts';
import type { Profile } from './profile-schema.ts';

export interface Approver {
  readonly id: string;
  /** Only `supervisor` may approve; the caller maps its own roles onto this. */
  readonly role: string;
}

function validInstant(now: Date): boolean {
  return now instanceof Date && !Number.isNaN(now.getTime());
}

/** The author hands a draft in for review. */
export function submitForApproval(profile: Profile): ProfileResult<Profile> {
  if (profile.status !== 'draft')
    return fail({
      code: 'BAD_STATUS',
      message: `only a draft can be submitted for approval; this profile is '${profile.status}'`,
      path: 'status',
    });
  return ok({ ...profile, status: 'pending-approval' });
}

/** A supervisor, not the author, activates a pending profile; the approval is recorded on it. */
export function approveProfile(
  profile: Profile,
  approver: Approver | undefined,
  now: Date,
  comment?: string,
): ProfileResult<Profile> {
  if (!approver || typeof approver.id !== 'string' || approver.id.trim() === '')
    return fail({
      code: 'MISSING_APPROVER',
      message: 'activation needs a named supervisor as approver',
      path: 'approval.approvedBy',
    });
  if (approver.role !== 'supervisor')
    return fail({
      code: 'NOT_SUPERVISOR',
      message: `'${approver.id}' has role '${approver.role}'; only a supervisor may approve a profile`,
      path: 'approval.approvedBy',
    });
  if (sameActor(approver.id, profile.author))
    return fail({
      code: 'SELF_APPROVAL',
      message: `the author '${profile.author}' cannot approve their own profile (four eyes)`,
      path: 'approval.approvedBy',
    });
  if (profile.status !== 'pending-approval')
    return fail({
      code: 'BAD_STATUS',
      message: `only a profile pending approval can be approved; this profile is '${profile.status}'`,
      path: 'status',
    });
  if (!validInstant(now))
    return fail({
      code: 'BAD_INSTANT',
      message: 'approval time is not a valid date',
      path: 'approval.approvedAt',
    });
  if (profile.effective.to !== undefined && Date.parse(profile.effective.to) <= now.getTime())
    return fail({
      code: 'WINDOW_ENDED',
      message: `the effective window ended at ${profile.effective.to}; submit a new version with a current window`,
      path: 'effective.to',
    });
  const approval = {
    approvedBy: approver.id.trim(),
    approvedAt: now.toISOString(),
    ...(comment ? { comment } : {}),
  };
  return ok({ ...profile, status: 'active', approval });
}

/** Takes a profile out of service; it stays stored with its approval record for audit. */
export function retireProfile(profile: Profile): ProfileResult<Profile> {
  if (profile.status === 'retired')
    return fail({ code: 'BAD_STATUS', message: 'the profile is already retired', path: 'status' });
  return ok({ ...profile, status: 'retired' });
}

/** Active, approved (at or before `now`) by someone other than the author, inside its window [from, to). */
export function isActive(profile: Profile, now: Date): boolean {
  if (!validInstant(now) || profile.status !== 'active' || !profile.approval) return false;
  if (sameActor(profile.approval.approvedBy, profile.author)) return false;
  const t = now.getTime();
  // Not before the approval itself: a replayed or back-dated profile stays inactive until then.
  if (t < Date.parse(profile.approval.approvedAt)) return false;
  if (t < Date.parse(profile.effective.from)) return false;
  return profile.effective.to === undefined || t < Date.parse(profile.effective.to);
}
