// Builds the console components; used by main.ts and by the embedded pipeline.
import {
  createAuditRepository,
  createDeadLetterRepository,
  createFlightRepository,
  createNetworkAlertRepository,
  createReviewRepository,
  createUserRepository,
  type Database,
} from '@paxguard/db';
import type { Clock } from '@paxguard/domain';
import type { App, Bus, Subscription } from '@paxguard/platform';
import { startDeadLetterArchive } from './dead-letter-archive.ts';
import { registerDeadLetterRoutes } from './routes/dead-letter-routes.ts';
import { registerNetworkRoutes } from './routes/network-routes.ts';
import { registerFlightRoutes } from './routes/flight-routes.ts';
import { registerReviewRoutes } from './routes/review-routes.ts';

/** `bus`: when given, dead letters are archived and can be replayed through the API. */
export function createConsoleComponents(deps: { db: Database; clock?: Clock; bus?: Bus }) {
  const clock = deps.clock ?? { now: () => new Date() };
  const prisma = deps.db.prisma;
  const flights = createFlightRepository(prisma);
  const users = createUserRepository(prisma);
  const audit = createAuditRepository(prisma);
  const review = createReviewRepository(prisma);
  const deadLetters = createDeadLetterRepository(prisma);
  let archive: Subscription | undefined;
  return {
    users,
    audit,
    flights,
    registerRoutes(app: App) {
      registerFlightRoutes(app, { flights, users, audit });
      registerReviewRoutes(app, { review, users, audit, clock });
      registerNetworkRoutes(app, { alerts: createNetworkAlertRepository(prisma), users, audit });
      if (deps.bus)
        registerDeadLetterRoutes(app, { deadLetters, bus: deps.bus, users, audit, clock });
    },
    async start() {
      if (deps.bus) archive = await startDeadLetterArchive({ bus: deps.bus, deadLetters });
    },
    async stop() {
      await archive?.close();
    },
  };
}
export type ConsoleComponents = ReturnType<typeof createConsoleComponents>;
