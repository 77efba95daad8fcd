// Builds the reference-data components; used by main.ts and by the embedded pipeline.
import {
  createAuditRepository,
  createAuthorisationRepository,
  createClearedRepository,
  createEntryRulesRepository,
  createLostStolenRepository,
  createRiskProfileRepository,
  createSmugglingRoutesRepository,
  createUserRepository,
  createWatchlistRepository,
  loadReferenceSnapshot,
  loadReferenceVersions,
  type Database,
  type ReferenceSnapshot,
  type SnapshotOptions,
} from '@paxguard/db';
import { airportStates } from '@paxguard/geo';
import type { App, Logger } from '@paxguard/platform';
import { userAuth } from '@paxguard/auth';
import { createBacktestRunner } from './backtest-runner.ts';
import { loadScreeningInputs, type ScreeningInputs } from '@paxguard/pipeline';
import { registerAuthorisationRoutes } from './routes/authorisation-routes.ts';
import { registerClearedRoutes } from './routes/cleared-routes.ts';
import { registerEntryRulesRoutes } from './routes/entry-rules-routes.ts';
import { registerLostStolenRoutes } from './routes/lost-stolen-routes.ts';
import { registerProfileRoutes } from './routes/profile-routes.ts';
import { registerSmugglingRoutesRoutes } from './routes/smuggling-routes-routes.ts';
import { READ_ROLES } from './routes/route-support.ts';
import { registerWatchlistRoutes } from './routes/watchlist-routes.ts';

export function createReferenceComponents(deps: { db: Database; logger: Logger }) {
  const prisma = deps.db.prisma;
  const users = createUserRepository(prisma);
  const audit = createAuditRepository(prisma);
  const watchlists = createWatchlistRepository(prisma);
  const cleared = createClearedRepository(prisma);
  const profiles = createRiskProfileRepository(prisma);
  const entryRules = createEntryRulesRepository(prisma);
  const authorisations = createAuthorisationRepository(prisma);
  const lostStolen = createLostStolenRepository(prisma);
  const smugglingRoutes = createSmugglingRoutesRepository(prisma);
  const backtest = createBacktestRunner({ db: deps.db, profiles, airportCountries: airportStates });
  const logger = deps.logger.child({ component: 'reference' });
  return {
    users,
    audit,
    watchlists,
    cleared,
    profiles,
    entryRules,
    authorisations,
    lostStolen,
    smugglingRoutes,
    backtest,
    /** Everything screening needs, in the engines' types (see loadReferenceSnapshot). */
    snapshot(options?: SnapshotOptions): Promise<ReferenceSnapshot> {
      return loadReferenceSnapshot(prisma, options);
    },
    /** The same, shaped for the screening engine (pass as `loadReference` to screening). */
    screeningInputs(options?: SnapshotOptions): Promise<ScreeningInputs> {
      return loadScreeningInputs(deps.db, options);
    },
    registerRoutes(app: App) {
      // One encapsulated scope: the CSV and YAML body parsers stay inside the reference API.
      void app.register(async (instance) => {
        const scope = instance as unknown as App;
        const readers = userAuth(users, READ_ROLES);
        scope.get('/v1/reference/versions', { onRequest: readers }, async () => {
          const v = await loadReferenceVersions(prisma);
          const fromDb = v.versions['entry-rules']?.startsWith('db:') ?? false;
          return { ...v, entryRules: fromDb ? 'database' : 'shipped' };
        });
        registerWatchlistRoutes(scope, { watchlists, users, audit });
        registerClearedRoutes(scope, { cleared, users, audit });
        registerProfileRoutes(scope, { profiles, backtest, users, audit });
        registerEntryRulesRoutes(scope, { entryRules, users });
        registerAuthorisationRoutes(scope, { authorisations, users, audit });
        registerLostStolenRoutes(scope, { lostStolen, users });
        registerSmugglingRoutesRoutes(scope, { smugglingRoutes, users });
        logger.debug('reference routes registered');
      });
    },
  };
}
export type ReferenceComponents = ReturnType<typeof createReferenceComponents>;
