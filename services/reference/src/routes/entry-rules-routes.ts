// Entry-rule versions, imported and exported as files (the documents package validates them).
import type { EntryRulesRepository, UserRepository } from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { registerVersionedFileRoutes } from './versioned-file-routes.ts';

export function registerEntryRulesRoutes(
  app: App,
  deps: { entryRules: EntryRulesRepository; users: UserRepository },
): void {
  registerVersionedFileRoutes(app, {
    path: '/v1/entry-rules',
    store: deps.entryRules,
    users: deps.users,
    describe: async () => ({ versions: await deps.entryRules.list() }),
    fileName: (version) => `${version.replace(/[^\w.@-]/g, '_')}.json`,
    bodyLimit: 10 * 1024 * 1024,
    maxVersionLength: 200,
  });
}
