// Builds the console components; used by main.ts and by the embedded pipeline.
import {
  createAuditRepository,
  createFlightRepository,
  createUserRepository,
  type Database,
} from '@paxguard/db';
import type { App } from '@paxguard/platform';
import { registerFlightRoutes } from './routes/flight-routes.ts';

export function createConsoleComponents(deps: { db: Database }) {
  const prisma = deps.db.prisma;
  const flights = createFlightRepository(prisma);
  const users = createUserRepository(prisma);
  const audit = createAuditRepository(prisma);
  return {
    users,
    audit,
    flights,
    registerRoutes(app: App) {
      registerFlightRoutes(app, { flights, users, audit });
    },
  };
}
export type ConsoleComponents = ReturnType<typeof createConsoleComponents>;
