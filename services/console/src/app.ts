// buildApp(deps): the console API as a fastify instance that never listens by itself.
import {
  createHttpServer,
  registerHealth,
  type HealthCheck,
  type Logger,
} from '@paxguard/platform';
import type { ConsoleComponents } from './wiring.ts';

export function buildApp(deps: {
  logger: Logger;
  console: Pick<ConsoleComponents, 'registerRoutes'>;
  checks: Record<string, HealthCheck>;
  shuttingDown: () => boolean;
}) {
  const app = createHttpServer({ logger: deps.logger });
  registerHealth(app, { checks: deps.checks, shuttingDown: deps.shuttingDown });
  deps.console.registerRoutes(app);
  return app;
}
