// buildApp(deps): the sanctions HTTP API as a fastify instance that never listens by itself.
import {
  createHttpServer,
  registerHealth,
  type HealthCheck,
  type Logger,
} from '@paxguard/platform';
import type { SanctionsComponents } from './wiring.ts';

export function buildApp(deps: {
  logger: Logger;
  sanctions: Pick<SanctionsComponents, 'registerRoutes'>;
  checks: Record<string, HealthCheck>;
  shuttingDown: () => boolean;
}) {
  const app = createHttpServer({ logger: deps.logger });
  registerHealth(app, { checks: deps.checks, shuttingDown: deps.shuttingDown });
  deps.sanctions.registerRoutes(app);
  return app;
}
