// Graceful shutdown: on SIGTERM/SIGINT stop taking work, drain, close consumers, close the
// database — in the order hooks were registered — and exit within a bound even if a hook hangs.
import type { Logger } from 'pino';

export interface Shutdown {
  /** Register a step; steps run in registration order (register the server first, the database last). */
  onShutdown(name: string, fn: () => Promise<unknown> | unknown): void;
  readonly shuttingDown: boolean;
  /** Run the steps (idempotent); resolves when all have finished or the bound has passed. */
  run(reason: string): Promise<void>;
}

export function createShutdown(opts: {
  logger: Logger;
  timeoutMs: number;
  exit?: (code: number) => void;
  signals?: boolean;
}): Shutdown {
  const steps: { name: string; fn: () => Promise<unknown> | unknown }[] = [];
  let running: Promise<void> | undefined;
  const exit = opts.exit ?? ((code: number) => process.exit(code));

  const shutdown: Shutdown = {
    onShutdown(name, fn) {
      steps.push({ name, fn });
    },
    get shuttingDown() {
      return running !== undefined;
    },
    run(reason) {
      running ??= (async () => {
        opts.logger.info({ reason }, 'shutting down');
        let failed = false;
        const all = (async () => {
          for (const step of steps) {
            try {
              await step.fn();
              opts.logger.debug({ step: step.name }, 'shutdown step done');
            } catch (err) {
              failed = true;
              opts.logger.error({ err, step: step.name }, 'shutdown step failed');
            }
          }
        })();
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          all.then(() => false),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(true), opts.timeoutMs);
            timer.unref();
          }),
        ]);
        clearTimeout(timer);
        if (timedOut) opts.logger.error({ timeoutMs: opts.timeoutMs }, 'shutdown timed out');
        opts.logger.info('stopped');
        opts.logger.flush?.();
        exit(timedOut || failed ? 1 : 0);
      })();
      return running;
    },
  };

  if (opts.signals !== false) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      process.once(signal, () => void shutdown.run(signal));
  }
  return shutdown;
}
