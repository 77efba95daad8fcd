// buildApp(deps): the reference-data API as a fastify instance that never listens by itself.
import {
  createHttpServer,
  registerHealth,
  type HealthCheck,
  type Logger,
} from '@paxguard/platform';
import type { ReferenceComponents } from './wiring.ts';

export function buildApp(deps: {
  logger: Logger;
  reference: Pick<ReferenceComponents, 'registerRoutes'>;
  checks: Record<string, HealthCheck>;
  shuttingDown: () => boolean;
}) {
  const app = createHttpServer({ logger: deps.logger });
  registerHealth(app, { checks: deps.checks, shuttingDown: deps.shuttingDown });
  deps.reference.registerRoutes(app);
  return app;
}
