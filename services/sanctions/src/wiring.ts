// Builds the sanctions components from their dependencies; used by main.ts (one service per
// process) and by the embedded pipeline (everything in one process).
import {
  createAuditRepository,
  createCarrierRepository,
  createCaseRepository,
  createDemoFlightRepository,
  createFlightFactsRepository,
  createInfringementRepository,
  createOutcomeRepository,
  createProfileRepository,
  createUserRepository,
  type Database,
} from '@paxguard/db';
import type { Clock } from '@paxguard/domain';
import type { App, Bus, Logger, Subscription } from '@paxguard/platform';
import { createCaseService } from './case-service.ts';
import { createDemoSeeder } from './demo-seeder.ts';
import { createDetectionService } from './detection-service.ts';
import { createOutcomeConsumer } from './outcome-consumer.ts';
import { createOutcomeService } from './outcome-service.ts';
import { createProfileCatalogue } from './profile-catalogue.ts';
import { createScorecardService } from './scorecard-service.ts';
import { registerCarrierRoutes } from './routes/carrier-routes.ts';
import { registerRegulatorRoutes } from './routes/regulator-routes.ts';

export interface SanctionsOptions {
  /** Profile id in data/jurisdictions (SANCTIONS_JURISDICTION); default the EU 2001/51 per-person profile. */
  jurisdiction?: string;
  /** Cases per carrier and flight (default) or per carrier and month. */
  grouping?: 'flight' | 'month';
  /** Periodic detection and deadline sweep; 0 turns it off (tests drive it by hand). */
  sweepIntervalMs?: number;
  /** How far back the periodic pass re-examines flights with outcomes. */
  redetectWindowMs?: number;
  /** Printed on notices. */
  authority?: string;
  /** Where the profile files are; default the @paxguard/sanctions package's data/jurisdictions. */
  profilesDir?: string;
  /** Subscribe to paxguard.arrival.outcomes (default true). */
  consume?: boolean;
}

export function createSanctionsComponents(deps: {
  db: Database;
  bus: Bus;
  logger: Logger;
  clock?: Clock;
  options?: SanctionsOptions;
}) {
  const options = deps.options ?? {};
  const clock = deps.clock ?? { now: () => new Date() };
  const prisma = deps.db.prisma;
  const logger = deps.logger.child({ component: 'sanctions' });
  const repos = {
    outcomes: createOutcomeRepository(prisma),
    facts: createFlightFactsRepository(prisma),
    infringements: createInfringementRepository(prisma),
    cases: createCaseRepository(prisma),
    profiles: createProfileRepository(prisma),
    demoFlights: createDemoFlightRepository(prisma),
    users: createUserRepository(prisma),
    carriers: createCarrierRepository(prisma),
    audit: createAuditRepository(prisma),
  };
  const catalogue = createProfileCatalogue({
    profiles: repos.profiles,
    activeId: options.jurisdiction ?? 'eu-2001-51-per-person',
    dir: options.profilesDir,
    logger,
  });
  const scorecards = createScorecardService(repos);
  const detection = createDetectionService({
    ...repos,
    catalogue,
    scorecards,
    grouping: options.grouping ?? 'flight',
    clock,
    logger,
  });
  const outcomes = createOutcomeService({ ...repos, detection, catalogue, clock, logger });
  const cases = createCaseService({
    ...repos,
    catalogue,
    scorecards,
    clock,
    logger,
    authority: options.authority ?? 'Border Agency, Carrier Sanctions Unit',
  });
  const consumer = createOutcomeConsumer({ bus: deps.bus, outcomes, logger });
  const seedDemo = createDemoSeeder({
    flights: repos.demoFlights,
    outcomes,
    detection,
    cases,
    caseRepo: repos.cases,
  });

  let loaded: Promise<void> | undefined;
  const ensureLoaded = () => (loaded ??= catalogue.loadFiles());
  let subscription: Subscription | undefined;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> | undefined;

  async function sweep() {
    await detection.detectRecent(options.redetectWindowMs ?? 7 * 24 * 3_600_000);
    await cases.sweepDeadlines();
  }

  return {
    repositories: repos,
    catalogue,
    detection,
    outcomes,
    cases,
    registerRoutes(app: App) {
      // An own scope, so the hook below touches only these routes when services share an app.
      app.register(async (scope) => {
        const s = scope as unknown as App;
        // Routes wait for the profiles to be stored, so a request never sees an empty catalogue.
        s.addHook('onRequest', async () => void (await ensureLoaded()));
        registerRegulatorRoutes(s, { users: repos.users, outcomes, cases, catalogue });
        registerCarrierRoutes(s, { carriers: repos.carriers, cases });
      });
    },
    /** Load the jurisdiction profiles, subscribe to arrival outcomes, start the periodic sweep. */
    async start() {
      await ensureLoaded();
      if (options.consume !== false) subscription = await consumer.start();
      const every = options.sweepIntervalMs ?? 60_000;
      if (every > 0)
        timer = setInterval(() => {
          if (sweeping) return;
          sweeping = sweep()
            .catch((err: unknown) => logger.error({ err }, 'sanctions sweep failed; will retry'))
            .finally(() => (sweeping = undefined));
        }, every);
    },
    async stop() {
      if (timer) clearInterval(timer);
      await sweeping;
      await subscription?.close();
    },
    /** Run detection and the deadline sweep once, now. */
    sweep,
    /** One full case in every state for the embedded demo (carrier PG unless told otherwise). */
    async seedDemo(args: { now: Date; carrier?: string }) {
      await ensureLoaded();
      return seedDemo(args);
    },
  };
}
export type SanctionsComponents = ReturnType<typeof createSanctionsComponents>;
