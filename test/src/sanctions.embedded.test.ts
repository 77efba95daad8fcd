// Carrier sanctions in embedded mode (`npm start`): a manifest over HTTPS, a refused entry
// recorded by an officer, detection drafts a case, and regulator, carrier and supervisor take
// it through notice, answer and decision — the same story as the Kafka + PostgreSQL test.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type Service } from './processes.ts';
import { manifest, paxlst, submit, travellers } from './traffic.ts';

describe('sanctions in the embedded pipeline', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'paxguard-e2e-sanctions-'));
  let svc: Service;
  let creds: {
    carriers: { designator: string; apiKey: string }[];
    users: { role: string; token: string }[];
  };
  const token = (role: string) => creds.users.find((u) => u.role === role)!.token;

  beforeAll(async () => {
    svc = await startService('services/embedded/src/main.ts', {
      PAXGUARD_HOME: home,
      DEMO_DATA: 'false',
    });
    creds = JSON.parse(readFileSync(path.join(home, 'demo-credentials.json'), 'utf8'));
  });
  afterAll(async () => {
    await svc?.kill();
    rmSync(home, { recursive: true, force: true });
  });

  const call = async (method: 'GET' | 'POST', p: string, auth: string, body?: unknown) => {
    const r = await fetch(`${svc.url}${p}`, {
      method,
      headers: {
        authorization: `Bearer ${auth}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    return { status: r.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };

  it('manifest → refused entry → drafted case → notice → carrier answer → decision', async () => {
    const key = creds.carriers.find((c) => c.designator === 'PG')!.apiKey;
    const date = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const r = await submit(
      svc.url,
      key,
      paxlst(manifest({ seed: 81, number: '881', date, time: '08:00' }), 'SE1'),
    );
    expect(r.status).toBe(202);
    const flightKey = r.body.flights[0]!.flightKey;
    const list = (await travellers(svc.url, token('officer'), flightKey))!;
    const refused = list.find((t) => t.key.startsWith('ref:P'))!;
    const flight = (await call('GET', `/v1/flights/${flightKey}`, token('officer'))).json() as {
      scheduledArrival: string;
    };

    const outcome = await call('POST', '/v1/arrivals', token('officer'), {
      id: `officer-${randomUUID()}`,
      flightKey,
      travellerId: (refused as unknown as { id: string }).id,
      recordedAt: new Date(new Date(flight.scheduledArrival).getTime() + 45 * 60_000).toISOString(),
      kind: 'refused-entry',
      ground: 'no-visa-or-travel-authorisation',
    });
    expect(outcome.status, outcome.text).toBe(201);

    let caseId: string | undefined;
    for (let i = 0; i < 100 && !caseId; i++) {
      const cases = (
        await call('GET', '/v1/sanctions/cases?state=draft', token('regulator'))
      ).json() as unknown as { cases: { id: string; key: string }[] };
      caseId = cases.cases.find((c) => c.key.includes(flightKey))?.id;
      if (!caseId) await new Promise((res) => setTimeout(res, 300));
    }
    expect(caseId, svc.output()).toBeDefined();
    const get = async () =>
      (
        await call('GET', `/v1/sanctions/cases/${caseId}`, token('regulator'))
      ).json() as unknown as { case: { state: string; version: number } };
    const move = async (auth: string, body: Record<string, unknown>) => {
      const res = await call('POST', `/v1/sanctions/cases/${caseId}/transitions`, auth, {
        expectedVersion: (await get()).case.version,
        ...body,
      });
      expect(res.status, res.text).toBe(200);
    };
    await move(token('regulator'), { type: 'submit-for-review', reason: 'evidence checked' });
    await move(token('regulator'), { type: 'issue-notice', reason: 'notice of intended sanction' });
    const answer = await fetch(`${svc.url}/v1/carrier/sanctions/cases/${caseId}/answer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        expectedVersion: (await get()).case.version,
        text: 'The visa shown at check-in looked genuine.',
        attachments: [],
      }),
    });
    expect(answer.status, await answer.clone().text()).toBe(200);
    await move(token('supervisor'), {
      type: 'decide',
      outcome: 'confirmed',
      reason: 'no visa was held; no exemption applies',
    });
    expect((await get()).case.state).toBe('decided');
    // Stale versions lose: a second transition with the old version is refused.
    const stale = await call(
      'POST',
      `/v1/sanctions/cases/${caseId}/transitions`,
      token('regulator'),
      { expectedVersion: 1, type: 'close', reason: 'x' },
    );
    expect(stale.status).toBe(409);
  });
});
