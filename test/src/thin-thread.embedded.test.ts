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

  it('screens, queues flagged travellers, and takes a four-eyes no-board to the carrier', async () => {
    const auth = (token: string) => ({
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    });
    const supervisor = creds.users.find((u) => u.role === 'supervisor')!.token;
    const m = manifest({ seed: 13, number: '703', passengers: 40, expiredShare: 0.2 });
    expect((await submit(svc.url, key(), paxlst(m, 'E3'))).status).toBe(202);
    let queue: { traveller: { id: string }; outcome: string; reasons: { code: string }[] }[] = [];
    for (let i = 0; i < 60 && queue.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const r = await fetch(`${svc.url}/v1/review/queue?flight=PG703/2026-12-24`, {
        headers: auth(officer()),
      });
      queue = ((await r.json()) as { queue: typeof queue }).queue;
    }
    expect(queue.length).toBeGreaterThan(0);
    const target = queue[0]!;
    expect(target.reasons.length).toBeGreaterThan(0);
    const file = await fetch(`${svc.url}/v1/travellers/${target.traveller.id}`, {
      headers: auth(officer()),
    });
    expect(file.status).toBe(200);
    const decision = await fetch(`${svc.url}/v1/travellers/${target.traveller.id}/decisions`, {
      method: 'POST',
      headers: auth(officer()),
      body: JSON.stringify({
        decision: 'no-board',
        reason: 'document expired before travel, confirmed on review',
      }),
    });
    expect(decision.status).toBe(201);
    const d = (await decision.json()) as { id: string; status: string };
    expect(d.status).toBe('pending-confirmation');
    // The officer cannot confirm their own adverse decision; a supervisor can.
    const self = await fetch(`${svc.url}/v1/decisions/${d.id}/confirmation`, {
      method: 'POST',
      headers: auth(officer()),
      body: JSON.stringify({ approve: true, note: 'me' }),
    });
    expect(self.status).toBe(403);
    const ok = await fetch(`${svc.url}/v1/decisions/${d.id}/confirmation`, {
      method: 'POST',
      headers: auth(supervisor),
      body: JSON.stringify({ approve: true, note: 'agreed' }),
    });
    expect(ok.status).toBe(200);
    const directives = await fetch(`${svc.url}/v1/carrier/directives?flight=PG703/2026-12-24`, {
      headers: { authorization: `Bearer ${key()}` },
    });
    const list = ((await directives.json()) as { directives: { answer: string; basis: string }[] })
      .directives;
    expect(list.some((x) => x.answer === 'no-board' && x.basis === 'officer')).toBe(true);
  });

  it('answers an interactive check-in request with a CUSRES', async () => {
    const m = manifest({ seed: 14, number: '704', passengers: 1, crew: 0 });
    const r = await fetch(`${svc.url}/v1/carrier/iapi`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key()}`, 'content-type': 'application/edifact' },
      body: paxlst(m, 'E4'),
    });
    expect(r.status).toBe(200);
    const body = await r.text();
    expect(body).toMatch(/^UN[AB]/);
    expect(body).toMatch(/ERC\+(0Z|1Z|2Z|4Z)'/);
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await svc.stop()).toBe(0);
    svc = await startService('services/embedded/src/main.ts', env);
  });
});
