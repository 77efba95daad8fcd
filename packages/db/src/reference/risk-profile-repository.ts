// Risk profile versions: every version kept, draft → pending-approval → active → retired.
// Activation goes only through the profiles package's approveProfile (four eyes, recorded).
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@paxguard/domain';
import {
  approveProfile,
  compileProfile,
  retireProfile,
  submitForApproval,
  type Profile,
  type ProfileIssue,
} from '@paxguard/profiles';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { recordChange, toJson, type Actor, type Tx } from './reference-change.ts';

export interface StoredProfile {
  id: string;
  profileId: string;
  version: number;
  status: Profile['status'];
  author: string;
  approvedBy: string | null;
  approvedAt: Date | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  document: Profile;
  createdAt: Date;
  updatedAt: Date;
}

type Row = Omit<StoredProfile, 'document' | 'status'> & { document: unknown; status: string };
const stored = (r: Row): StoredProfile => ({
  ...r,
  status: r.status as Profile['status'],
  document: r.document as Profile,
});

/** The profiles package's issues, as the domain error its code calls for. */
export function profileError(issues: readonly ProfileIssue[]): Error {
  const first = issues[0];
  const message = issues
    .slice(0, 5)
    .map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`)
    .join('; ');
  const details = { issues };
  switch (first?.code) {
    case 'SELF_APPROVAL':
    case 'NOT_SUPERVISOR':
    case 'MISSING_APPROVER':
      return new ForbiddenError(first.code, message, details);
    case 'BAD_STATUS':
      return new ConflictError(first.code, message, details);
    default:
      return new ValidationError(first?.code ?? 'INVALID_PROFILE', message, details);
  }
}

export function createRiskProfileRepository(prisma: PrismaClient) {
  async function version(tx: Tx | PrismaClient, profileId: string, v: number) {
    const row = await tx.referenceRiskProfile.findUnique({
      where: { profileId_version: { profileId, version: v } },
    });
    if (!row) throw new NotFoundError('PROFILE_NOT_FOUND', `no profile ${profileId} version ${v}`);
    return row;
  }

  async function store(tx: Tx, id: string, p: Profile) {
    return tx.referenceRiskProfile.update({
      where: { id },
      data: {
        status: p.status,
        approvedBy: p.approval?.approvedBy ?? null,
        approvedAt: p.approval ? new Date(p.approval.approvedAt) : null,
        document: toJson(p),
      },
    });
  }

  return {
    /**
     * Stores a new draft version from a profile document (JSON/YAML text or object). The author
     * is the actor, whatever the document says, and the version is the next one for that id.
     */
    async draft(input: unknown, actor: Actor): Promise<StoredProfile> {
      const compiled = compileProfile(input);
      if (!compiled.ok) throw profileError(compiled.issues);
      const p = compiled.value.profile;
      return prisma.$transaction(async (tx) => {
        const last = await tx.referenceRiskProfile.findFirst({
          where: { profileId: p.id },
          orderBy: { version: 'desc' },
        });
        // A new version starts as a draft: any approval the document carried is dropped.
        const { approval: _approval, ...rest } = p;
        const doc: Profile = {
          ...rest,
          version: (last?.version ?? 0) + 1,
          author: actor.id,
          status: 'draft',
        };
        const row = await tx.referenceRiskProfile.create({
          data: {
            profileId: doc.id,
            version: doc.version,
            status: 'draft',
            author: actor.id,
            effectiveFrom: new Date(doc.effective.from),
            effectiveTo: doc.effective.to ? new Date(doc.effective.to) : null,
            document: toJson(doc),
          },
        });
        await recordChange(tx, {
          area: 'profiles',
          actor,
          action: 'profile.draft',
          subjectType: 'risk-profile',
          subjectId: `${doc.id}@${doc.version}`,
        });
        return stored(row);
      });
    },

    /** The author (or a supervisor) hands a draft in for review. */
    async submit(profileId: string, v: number, actor: Actor): Promise<StoredProfile> {
      return prisma.$transaction(async (tx) => {
        const row = await version(tx, profileId, v);
        if (row.author !== actor.id && actor.role !== 'supervisor')
          throw new ForbiddenError(
            'NOT_AUTHOR',
            'only the author or a supervisor may submit a profile for approval',
          );
        const r = submitForApproval(row.document as Profile);
        if (!r.ok) throw profileError(r.issues);
        const updated = await store(tx, row.id, r.value);
        await recordChange(tx, {
          area: 'profiles',
          actor,
          action: 'profile.submit',
          subjectType: 'risk-profile',
          subjectId: `${profileId}@${v}`,
        });
        return stored(updated);
      });
    },

    /**
     * A supervisor other than the author activates a pending version (approveProfile decides
     * and records the approval); the profile's earlier active version is retired.
     */
    async approve(
      profileId: string,
      v: number,
      actor: Actor,
      opts: { comment?: string; now?: Date } = {},
    ): Promise<StoredProfile> {
      return prisma.$transaction(async (tx) => {
        const row = await version(tx, profileId, v);
        const r = approveProfile(
          row.document as Profile,
          { id: actor.id, role: actor.role },
          opts.now ?? new Date(),
          opts.comment,
        );
        if (!r.ok) throw profileError(r.issues);
        const earlier = await tx.referenceRiskProfile.findMany({
          where: { profileId, status: 'active', NOT: { version: v } },
        });
        for (const e of earlier) {
          const retired = retireProfile(e.document as Profile);
          if (retired.ok) await store(tx, e.id, retired.value);
        }
        const updated = await store(tx, row.id, r.value);
        await recordChange(tx, {
          area: 'profiles',
          actor,
          action: 'profile.approve',
          subjectType: 'risk-profile',
          subjectId: `${profileId}@${v}`,
          details: {
            author: row.author,
            approvedAt: r.value.approval?.approvedAt,
            retired: earlier.map((e) => e.version),
            comment: opts.comment,
          },
        });
        return stored(updated);
      });
    },

    async retire(profileId: string, v: number, actor: Actor): Promise<StoredProfile> {
      return prisma.$transaction(async (tx) => {
        const row = await version(tx, profileId, v);
        const r = retireProfile(row.document as Profile);
        if (!r.ok) throw profileError(r.issues);
        const updated = await store(tx, row.id, r.value);
        await recordChange(tx, {
          area: 'profiles',
          actor,
          action: 'profile.retire',
          subjectType: 'risk-profile',
          subjectId: `${profileId}@${v}`,
        });
        return stored(updated);
      });
    },

    async get(profileId: string, v: number): Promise<StoredProfile> {
      return stored(await version(prisma, profileId, v));
    },

    async versions(profileId: string): Promise<StoredProfile[]> {
      const rows = await prisma.referenceRiskProfile.findMany({
        where: { profileId },
        orderBy: { version: 'asc' },
      });
      if (rows.length === 0)
        throw new NotFoundError('PROFILE_NOT_FOUND', `no profile ${profileId}`);
      return rows.map(stored);
    },

    /** The newest version of every profile (or only those with a given status). */
    async list(opts: { status?: Profile['status'] } = {}): Promise<StoredProfile[]> {
      const rows = await prisma.referenceRiskProfile.findMany({
        where: opts.status ? { status: opts.status } : {},
        orderBy: [{ profileId: 'asc' }, { version: 'desc' }],
      });
      if (opts.status) return rows.map(stored);
      const seen = new Set<string>();
      return rows.filter((r) => !seen.has(r.profileId) && seen.add(r.profileId)).map(stored);
    },

    /** Active versions whose window has not ended at `now`, in the profiles package's type. */
    async loadActive(now = new Date()): Promise<Profile[]> {
      const rows = await prisma.referenceRiskProfile.findMany({
        where: { status: 'active', OR: [{ effectiveTo: null }, { effectiveTo: { gt: now } }] },
        orderBy: [{ profileId: 'asc' }, { version: 'asc' }],
        select: { document: true },
      });
      return rows.map((r) => r.document as Profile);
    },
  };
}
export type RiskProfileRepository = ReturnType<typeof createRiskProfileRepository>;
