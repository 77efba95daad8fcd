// buildApp(deps): the ingest HTTP API as a fastify instance that never listens by itself.
import {
  createHttpServer,
  registerHealth,
  type HealthCheck,
  type Logger,
} from '@paxguard/platform';
import type { IngestComponents } from './wiring.ts';

export function buildApp(deps: {
  logger: Logger;
  ingest: Pick<IngestComponents, 'registerRoutes'>;
  checks: Record<string, HealthCheck>;
  shuttingDown: () => boolean;
}) {
  const app = createHttpServer({ logger: deps.logger });
  registerHealth(app, { checks: deps.checks, shuttingDown: deps.shuttingDown });
  deps.ingest.registerRoutes(app);
  return app;
}
