// Builds the console components; used by main.ts and by the embedded pipeline.
import {
  createAuditRepository,
  createFlightRepository,
  createReviewRepository,
  createUserRepository,
  type Database,
} from '@paxguard/db';
import type { Clock } from '@paxguard/domain';
import type { App } from '@paxguard/platform';
import { registerFlightRoutes } from './routes/flight-routes.ts';
import { registerReviewRoutes } from './routes/review-routes.ts';

export function createConsoleComponents(deps: { db: Database; clock?: Clock }) {
  const clock = deps.clock ?? { now: () => new Date() };
  const prisma = deps.db.prisma;
  const flights = createFlightRepository(prisma);
  const users = createUserRepository(prisma);
  const audit = createAuditRepository(prisma);
  const review = createReviewRepository(prisma);
  return {
    users,
    audit,
    flights,
    registerRoutes(app: App) {
      registerFlightRoutes(app, { flights, users, audit });
      registerReviewRoutes(app, { review, users, audit, clock });
    },
  };
}
export type ConsoleComponents = ReturnType<typeof createConsoleComponents>;
