// Jurisdiction profile versions: loaded from the data files at start, edited through the API.
// A version, once stored, is never overwritten: a change needs a new version string.
import { createHash } from 'node:crypto';
import { ConflictError } from '@paxguard/domain';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { recordAudit, type AuditInput } from '../repositories/audit-repository.ts';

export interface ProfileVersionInput {
  profileId: string;
  version: string;
  profile: Record<string, unknown>;
  source: 'file' | 'api';
  createdBy: string;
}

const hash = (p: unknown) => createHash('sha256').update(JSON.stringify(p)).digest('hex');

export function createProfileRepository(prisma: PrismaClient) {
  return {
    /**
     * Store a version if it is new. The same id and version with the same content is a no-op
     * (`unchanged`); with different content it is refused: bump the version instead.
     */
    async add(
      input: ProfileVersionInput,
      audit?: Omit<AuditInput, 'subjectId' | 'subjectType' | 'action'>,
    ): Promise<'created' | 'unchanged'> {
      const sha256 = hash(input.profile);
      const existing = await prisma.jurisdictionProfileVersion.findUnique({
        where: { profileId_version: { profileId: input.profileId, version: input.version } },
      });
      if (existing) {
        if (existing.sha256 === sha256) return 'unchanged';
        throw new ConflictError(
          'PROFILE_VERSION_EXISTS',
          `profile ${input.profileId} version ${input.version} already exists with other content; bump the version`,
        );
      }
      await prisma.$transaction(async (tx) => {
        await tx.jurisdictionProfileVersion.create({
          data: { ...input, profile: input.profile as Prisma.InputJsonValue, sha256 },
        });
        if (audit)
          await recordAudit(tx, {
            ...audit,
            action: 'sanctions.profile.version-added',
            subjectType: 'jurisdiction-profile',
            subjectId: input.profileId,
            details: { version: input.version, sha256, ...(audit.details ?? {}) },
          });
      });
      return 'created';
    },
    /** The newest stored version of a profile (by time stored). */
    async latest(profileId: string) {
      return prisma.jurisdictionProfileVersion.findFirst({
        where: { profileId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
    async versions(profileId: string) {
      return prisma.jurisdictionProfileVersion.findMany({
        where: { profileId },
        orderBy: { createdAt: 'asc' },
      });
    },
    async get(profileId: string, version: string) {
      return prisma.jurisdictionProfileVersion.findUnique({
        where: { profileId_version: { profileId, version } },
      });
    },
    async list() {
      const rows = await prisma.jurisdictionProfileVersion.findMany({
        orderBy: [{ profileId: 'asc' }, { createdAt: 'asc' }],
        select: { profileId: true, version: true, sha256: true, source: true, createdAt: true },
      });
      return rows;
    },
  };
}
export type ProfileRepository = ReturnType<typeof createProfileRepository>;
