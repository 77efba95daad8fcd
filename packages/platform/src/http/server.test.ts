import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../logger.ts';
import { createHttpServer, UnavailableError } from './server.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'http-test', destination }) };
}

describe('http server', () => {
  it('logs one access line per request: the route pattern, never the raw URL or query', async () => {
    const { lines, logger } = capture();
    const app = createHttpServer({ logger });
    app.get(
      '/v1/travellers/:id',
      { schema: { params: z.object({ id: z.string() }) } },
      async (req) => ({ id: req.params.id }),
    );
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/v1/travellers/P123456?name=SMITH' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBeTruthy();
    await app.close();
    const access = lines.filter((l) => l.msg === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ method: 'GET', route: '/v1/travellers/:id', status: 200 });
    expect(typeof access[0]!.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/P123456|SMITH/);
    expect(lines.filter((l) => l.msg === 'incoming request')).toEqual([]);
  });

  it('answers an unavailable dependency with 503 and Retry-After, and logs the status', async () => {
    const { lines, logger } = capture();
    const app = createHttpServer({ logger });
    app.post('/x', async () => {
      throw new UnavailableError('archive down', 7);
    });
    const res = await app.inject({ method: 'POST', url: '/x' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.json()).toMatchObject({ error: 'UNAVAILABLE', message: 'archive down' });
    await app.close();
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ route: '/x', status: 503 });
  });
});
