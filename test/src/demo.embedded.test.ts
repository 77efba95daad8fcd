// `npm start` as a new user runs it: the embedded pipeline with its demo data, started twice
// on the same data directory (the second start keeps the data and seeds nothing again).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { ROOT, startService, type Service } from './processes.ts';

describe('the embedded demo', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'paxguard-demo-'));
  let svc: Service | undefined;
  afterAll(async () => {
    await svc?.kill();
    rmSync(home, { recursive: true, force: true });
  });

  const token = (role: string) =>
    (
      JSON.parse(readFileSync(path.join(home, 'demo-credentials.json'), 'utf8')) as {
        users: { role: string; token: string }[];
      }
    ).users.find((u) => u.role === role)!.token;
  const get = async (p: string, role: string) => {
    const r = await fetch(`${svc!.url}${p}`, {
      headers: { authorization: `Bearer ${token(role)}` },
    });
    expect(r.status, p).toBe(200);
    return (await r.json()) as Record<string, unknown[]>;
  };

  it('seeds flights, a review queue and a sanction case in every state, and restarts on the same data', async () => {
    svc = await startService(
      'services/embedded/src/main.ts',
      { PAXGUARD_HOME: home },
      { readyTimeoutMs: 240_000 },
    );
    const flights = (await get('/v1/flights', 'officer')).flights!;
    expect(flights.length).toBeGreaterThanOrEqual(7);
    const states = new Set(
      ((await get('/v1/sanctions/cases', 'regulator')).cases as { state: string }[]).map(
        (c) => c.state,
      ),
    );
    expect(states.size).toBe(10);
    let queue: unknown[] = [];
    for (let i = 0; i < 120 && queue.length === 0; i++) {
      queue = (await get('/v1/review/queue', 'officer')).queue!;
      if (queue.length === 0) await new Promise((r) => setTimeout(r, 500));
    }
    expect(queue.length).toBeGreaterThan(0);
    // The planted facilitators: on PG200 one phone behind six bookings; on PG300 (a demo
    // smuggling route) one agency selling eight cash one-way tickets.
    let alerts: { facilitatorKind: string; facilitatorValue: string; pattern: string }[] = [];
    const planted = () =>
      alerts.some(
        (a) => a.facilitatorKind === 'phone' && a.facilitatorValue.includes('905550100200'),
      ) &&
      alerts.some(
        (a) => a.pattern === 'agency-cash-one-way-route' && a.facilitatorValue === 'AGDEMO77',
      );
    for (let i = 0; i < 60 && !planted(); i++) {
      alerts = (await get('/v1/network/alerts', 'analyst')).alerts as typeof alerts;
      if (!planted()) await new Promise((r) => setTimeout(r, 500));
    }
    expect(alerts.map((a) => `${a.pattern}:${a.facilitatorKind}:${a.facilitatorValue}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^shared-contact:phone:.*905550100200/),
        'agency-cash-one-way-route:agency:AGDEMO77',
      ]),
    );
    // The carrier simulator drives lists, changes, cancellations and check-ins into it.
    const key = (
      JSON.parse(readFileSync(path.join(home, 'demo-credentials.json'), 'utf8')) as {
        carriers: { designator: string; apiKey: string }[];
      }
    ).carriers.find((c) => c.designator === 'PG')!.apiKey;
    const out = execFileSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      [
        'services/cli/src/simulate.ts',
        '--url',
        svc.url,
        '--key',
        key,
        '--carrier',
        'PG',
        '--flights',
        '2',
        '--passengers',
        '20',
        '--iapi',
        '2',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(out.match(/→ 202 accepted/g)?.length).toBe(6);
    expect(out).toMatch(/check-in .* → 200 ERC 1Z/);
    expect(await svc.stop()).toBe(0);
    svc = await startService(
      'services/embedded/src/main.ts',
      { PAXGUARD_HOME: home },
      { readyTimeoutMs: 240_000 },
    );
    expect((await get('/v1/flights', 'officer')).flights!.length).toBe(flights.length + 3);
  }, 600_000);
});
