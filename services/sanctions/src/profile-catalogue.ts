// Jurisdiction profiles: the package's data files stored as versions at start, edits through
// the API stored as new versions, and the deployment's active profile read from storage.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ProfileRepository } from '@paxguard/db';
import { ConflictError, NotFoundError, ValidationError } from '@paxguard/domain';
import type { Logger } from '@paxguard/platform';
import { JurisdictionProfile, parseJurisdiction } from '@paxguard/sanctions';

/** data/jurisdictions of @paxguard/sanctions, wherever the workspace put the package. */
export function defaultProfilesDir(): string {
  const entry = createRequire(import.meta.url).resolve('@paxguard/sanctions');
  return path.join(path.dirname(entry), '..', 'data', 'jurisdictions');
}

export interface ProfileCatalogue {
  loadFiles(): Promise<void>;
  active(): Promise<{ profile: JurisdictionProfile; storedAt: Date }>;
  get(id: string, version?: string): Promise<JurisdictionProfile>;
  list(): ReturnType<ProfileRepository['list']>;
  addVersion(
    raw: unknown,
    by: { id: string; role: string },
    reason: string,
  ): Promise<JurisdictionProfile>;
}

export function createProfileCatalogue(deps: {
  profiles: ProfileRepository;
  activeId: string;
  dir?: string;
  logger: Logger;
}): ProfileCatalogue {
  const dir = deps.dir ?? defaultProfilesDir();
  // Parsed profiles by id@version: a stored version never changes, so caching is safe.
  const cache = new Map<string, JurisdictionProfile>();
  const parseStored = (row: { profileId: string; version: string; profile: unknown }) => {
    const k = `${row.profileId}@${row.version}`;
    const hit = cache.get(k);
    if (hit) return hit;
    const p = JurisdictionProfile.parse(row.profile);
    cache.set(k, p);
    return p;
  };

  return {
    async loadFiles() {
      const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
      for (const f of files) {
        const parsed = parseJurisdiction(readFileSync(path.join(dir, f), 'utf8'));
        if (!parsed.ok)
          throw new Error(
            `jurisdiction profile ${f} is invalid: ${parsed.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`,
          );
        const p = parsed.value;
        try {
          await deps.profiles.add({
            profileId: p.id,
            version: p.version,
            profile: p as unknown as Record<string, unknown>,
            source: 'file',
            createdBy: 'system:profile-loader',
          });
        } catch (err) {
          if (!(err instanceof ConflictError)) throw err;
          // The file changed without a version bump: the stored version stays authoritative.
          deps.logger.error(
            { profile: p.id, version: p.version },
            'profile file differs from the stored version of the same number; bump its version',
          );
        }
      }
      const active = await deps.profiles.latest(deps.activeId);
      if (!active)
        throw new Error(
          `SANCTIONS_JURISDICTION=${deps.activeId}: no such profile (files: ${files.join(', ')})`,
        );
    },
    async active() {
      const row = await deps.profiles.latest(deps.activeId);
      if (!row) throw new NotFoundError('PROFILE_NOT_FOUND', `no profile ${deps.activeId}`);
      return { profile: parseStored(row), storedAt: row.createdAt };
    },
    list: () => deps.profiles.list(),
    async get(id, version) {
      const row = version ? await deps.profiles.get(id, version) : await deps.profiles.latest(id);
      if (!row)
        throw new NotFoundError(
          'PROFILE_NOT_FOUND',
          `no profile ${id}${version ? ` version ${version}` : ''}`,
        );
      return parseStored(row);
    },
    async addVersion(raw, by, reason) {
      const parsed = JurisdictionProfile.safeParse(raw);
      if (!parsed.success)
        throw new ValidationError('PROFILE_INVALID', 'the profile does not validate', {
          problems: parsed.error.issues.map((i) => ({
            code: 'PROFILE_INVALID',
            message: i.message,
            where: i.path.map(String).join('.'),
          })),
        });
      const p = parsed.data;
      const result = await deps.profiles.add(
        {
          profileId: p.id,
          version: p.version,
          profile: p as unknown as Record<string, unknown>,
          source: 'api',
          createdBy: by.id,
        },
        { actor: by.id, actorRole: by.role, details: { reason } },
      );
      if (result === 'unchanged')
        throw new ConflictError(
          'PROFILE_VERSION_EXISTS',
          `profile ${p.id} version ${p.version} is already stored with this content`,
        );
      return p;
    },
  };
}
