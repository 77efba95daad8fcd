// The thin thread in embedded mode, exactly as `npm start` runs it: one process, PGlite on
// disk, in-process bus. Includes a crash (SIGKILL) right after an accepted submission.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type Service } from './processes.ts';
import { manifest, paxlst, submit, travellers } from './traffic.ts';

describe('embedded pipeline (PGlite + in-process bus)', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'paxguard-e2e-'));
  const env = { PAXGUARD_HOME: home, DEMO_DATA: 'false' };
  let svc: Service;
  let creds: {
    carriers: { designator: string; apiKey: string }[];
    users: { role: string; token: string }[];
  };
  const key = () => creds.carriers.find((c) => c.designator === 'PG')!.apiKey;
  const officer = () => creds.users.find((u) => u.role === 'officer')!.token;

  beforeAll(async () => {
    svc = await startService('services/embedded/src/main.ts', env);
    creds = JSON.parse(readFileSync(path.join(home, 'demo-credentials.json'), 'utf8'));
  });
  afterAll(async () => {
    await svc?.kill();
    rmSync(home, { recursive: true, force: true });
  });

  it('takes a PAXLST over HTTPS and serves the flight’s travellers', async () => {
    const m = manifest({ seed: 11, number: '701' });
    const r = await submit(svc.url, key(), paxlst(m, 'E1'));
    expect(r.status).toBe(202);
    expect(r.body.flights[0]).toMatchObject({ flightKey: 'PG701/2026-12-24', added: 22 });
    expect(await travellers(svc.url, officer(), 'PG701/2026-12-24')).toHaveLength(22);
  });

  it('loses nothing when killed right after a 202, and knows the message after restart', async () => {
    const m = manifest({ seed: 12, number: '702' });
    const body = paxlst(m, 'E2');
    const r = await submit(svc.url, key(), body);
    expect(r.status).toBe(202);
    await svc.kill();
    svc = await startService('services/embedded/src/main.ts', env);
    expect(await travellers(svc.url, officer(), 'PG702/2026-12-24')).toHaveLength(22);
    const again = await submit(svc.url, key(), body);
    expect(again.body.status).toBe('duplicate');
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await svc.stop()).toBe(0);
    svc = await startService('services/embedded/src/main.ts', env);
  });
});
