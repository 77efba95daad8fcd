// Known smuggling routes for link analysis, imported and exported as versioned JSON files.
import type { SmugglingRoutesRepository, UserRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { registerVersionedFileRoutes } from './versioned-file-routes.ts';

export function registerSmugglingRoutesRoutes(
  app: App,
  deps: { smugglingRoutes: SmugglingRoutesRepository; users: UserRepository },
): void {
  registerVersionedFileRoutes(app, {
    path: '/v1/smuggling-routes',
    store: deps.smugglingRoutes,
    users: deps.users,
    describe: async () => ({
      current: (await deps.smugglingRoutes.current()).version ?? null,
      versions: await deps.smugglingRoutes.list(),
    }),
    fileName: (version) => `routes-${version.replace(/[^\w.-]/g, '_')}.json`,
    bodyLimit: 2 * 1024 * 1024,
    maxVersionLength: 64,
  });
}
