// Known smuggling routes for link analysis, as versioned files from the agency (routes exchanged
// under Protocol art. 10, risk analyses). Versions are never overwritten; the newest is in force.
import { createHash } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '@paxguard/domain';
import { parseSmugglingRouteFile, type SmugglingRoute } from '@paxguard/networks';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { recordChange, type Actor } from './reference-change.ts';

export interface SmugglingRoutesVersionInfo {
  id: string;
  version: string;
  source: string;
  routes: number;
  sha256: string;
  author: string;
  createdAt: Date;
}

const info = (r: {
  id: string;
  version: string;
  source: string;
  text: string;
  sha256: string;
  author: string;
  createdAt: Date;
}): SmugglingRoutesVersionInfo => {
  const parsed = parseSmugglingRouteFile(r.text);
  return {
    id: r.id,
    version: r.version,
    source: r.source,
    routes: parsed.ok ? parsed.value.routes.length : 0,
    sha256: r.sha256,
    author: r.author,
    createdAt: r.createdAt,
  };
};

export function createSmugglingRoutesRepository(prisma: PrismaClient) {
  return {
    /** Stores a new version from file text; refuses an invalid file with every issue's path. */
    async importText(text: string, actor: Actor): Promise<SmugglingRoutesVersionInfo> {
      const r = parseSmugglingRouteFile(text);
      if (!r.ok)
        throw new ValidationError(
          'INVALID_ROUTES',
          r.issues
            .slice(0, 5)
            .map((i) => `${i.path || '(file)'}: ${i.message}`)
            .join('; '),
          { issues: r.issues.slice(0, 100) },
        );
      const { version, source, routes } = r.value;
      return prisma.$transaction(async (tx) => {
        if (await tx.referenceSmugglingRoutesVersion.findUnique({ where: { version } }))
          throw new ConflictError(
            'ROUTES_VERSION_EXISTS',
            `smuggling routes ${version} are already stored; a change needs a new version`,
          );
        const row = await tx.referenceSmugglingRoutesVersion.create({
          data: {
            version,
            source,
            text,
            sha256: createHash('sha256').update(text).digest('hex'),
            author: actor.id,
          },
        });
        await recordChange(tx, {
          area: 'smuggling-routes',
          actor,
          action: 'smuggling-routes.import',
          subjectType: 'smuggling-routes',
          subjectId: version,
          label: version,
          details: { source, routes: routes.length },
        });
        return info(row);
      });
    },

    /** Every stored version, newest first. */
    async list(): Promise<SmugglingRoutesVersionInfo[]> {
      const rows = await prisma.referenceSmugglingRoutesVersion.findMany({
        orderBy: { createdAt: 'desc' },
      });
      return rows.map(info);
    },

    async exportText(version: string): Promise<string> {
      const row = await prisma.referenceSmugglingRoutesVersion.findUnique({ where: { version } });
      if (!row)
        throw new NotFoundError('ROUTES_NOT_FOUND', `no smuggling routes version ${version}`);
      return row.text;
    },

    /** The routes in force (the newest version), with its version; none stored gives none. */
    async current(): Promise<{ version?: string; routes: readonly SmugglingRoute[] }> {
      const row = await prisma.referenceSmugglingRoutesVersion.findFirst({
        orderBy: { createdAt: 'desc' },
        select: { version: true, text: true },
      });
      if (!row) return { routes: [] };
      const r = parseSmugglingRouteFile(row.text);
      // Validated when stored; a row that no longer parses is a bug, not an empty list.
      if (!r.ok) throw new Error(`stored smuggling routes ${row.version} no longer parse`);
      return { version: row.version, routes: r.value.routes };
    },

    async remove(version: string, actor: Actor): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const gone = await tx.referenceSmugglingRoutesVersion.deleteMany({ where: { version } });
        if (gone.count === 0)
          throw new NotFoundError('ROUTES_NOT_FOUND', `no smuggling routes version ${version}`);
        await recordChange(tx, {
          area: 'smuggling-routes',
          actor,
          action: 'smuggling-routes.delete',
          subjectType: 'smuggling-routes',
          subjectId: version,
        });
      });
    },
  };
}
export type SmugglingRoutesRepository = ReturnType<typeof createSmugglingRoutesRepository>;
