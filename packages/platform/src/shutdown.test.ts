import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { createShutdown } from './shutdown.ts';

const logger = createLogger({ service: 't', level: 'silent' });

describe('shutdown', () => {
  it('runs steps in registration order once, then exits 0', async () => {
    const order: string[] = [];
    let code: number | undefined;
    const s = createShutdown({ logger, timeoutMs: 1000, exit: (c) => (code = c), signals: false });
    s.onShutdown('server', () => order.push('server'));
    s.onShutdown('consumers', async () => order.push('consumers'));
    s.onShutdown('db', () => order.push('db'));
    await Promise.all([s.run('test'), s.run('again')]);
    expect(order).toEqual(['server', 'consumers', 'db']);
    expect(code).toBe(0);
    expect(s.shuttingDown).toBe(true);
  });

  it('exits 1 within the bound when a step hangs', async () => {
    let code: number | undefined;
    const s = createShutdown({ logger, timeoutMs: 50, exit: (c) => (code = c), signals: false });
    s.onShutdown('hang', () => new Promise(() => undefined));
    const t0 = performance.now();
    await s.run('test');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(code).toBe(1);
  });
});
