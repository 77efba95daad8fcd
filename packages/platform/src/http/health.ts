// Liveness (the process answers) and readiness (its dependencies answer and it is not
// shutting down): what an orchestrator needs to route traffic and restart pods.
import type { App } from './server.ts';

export type HealthCheck = () => Promise<boolean> | boolean;

export function registerHealth(
  app: App,
  opts: { checks: Record<string, HealthCheck>; shuttingDown: () => boolean },
): void {
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (_req, reply) => {
    const results: Record<string, boolean> = {};
    await Promise.all(
      Object.entries(opts.checks).map(async ([name, check]) => {
        try {
          results[name] = await check();
        } catch {
          results[name] = false;
        }
      }),
    );
    const ready = !opts.shuttingDown() && Object.values(results).every(Boolean);
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not-ready',
      checks: results,
      shuttingDown: opts.shuttingDown(),
    });
  });
}
