// The reference service as an operator runs it: its own process on PostgreSQL, a lost/stolen
// CSV streamed over real HTTP, roles enforced, every change leaving an outbox event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserRepository, openDatabase, parseDatabaseUrl, type Database } from '@paxguard/db';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { startService, type Service } from './processes.ts';

describe('reference service process', () => {
  let pg: TestPostgres;
  let db: Database;
  let svc: Service;
  const token = {
    supervisor: 'ref-e2e-supervisor-token',
    officer: 'ref-e2e-officer-token',
    analyst: 'ref-e2e-analyst-token',
  };
  const call = (who: keyof typeof token, path: string, init: RequestInit = {}) =>
    fetch(`${svc.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token[who]}`,
        ...(init.headers as Record<string, string>),
      },
    });

  beforeAll(async () => {
    pg = await testPostgres();
    db = await openDatabase(parseDatabaseUrl(pg.url));
    const users = createUserRepository(db.prisma);
    for (const role of ['supervisor', 'officer', 'analyst'] as const)
      await users.ensure({ name: `e2e ${role}`, role, token: token[role] });
    svc = await startService('services/reference/src/main.ts', { DATABASE_URL: pg.url });
  });
  afterAll(async () => {
    await svc?.stop();
    await db?.close();
    await pg?.drop();
  });

  it('manages lists over HTTP with roles, streams a large CSV, and records outbox events', async () => {
    const json = { 'content-type': 'application/json' };
    expect(
      (await call('officer', '/v1/watchlists', { method: 'POST', headers: json, body: '{}' }))
        .status,
    ).toBe(403);
    const created = await call('supervisor', '/v1/watchlists', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ id: 'e2e-persons', name: 'E2E', kind: 'persons' }),
    });
    expect(created.status).toBe(201);
    const imported = await call('supervisor', '/v1/watchlists/e2e-persons/import', {
      method: 'POST',
      headers: json,
      body: JSON.stringify([
        {
          id: 'A',
          names: ['PETROV, Ivan', 'Пётр Иванов'],
          category: 'immigration',
          severity: 'high',
        },
      ]),
    });
    expect(await imported.json()).toMatchObject({ imported: 1, version: 2 });

    // 200 000 lines sent as a chunked stream: the service inserts them in batches as they arrive.
    const lines = 200_000;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const enc = new TextEncoder();
        controller.enqueue(enc.encode('issuing_state,number,status,reported_date\n'));
        for (let i = 0; i < lines; i += 20_000) {
          let chunk = '';
          for (let j = i; j < i + 20_000; j++)
            chunk += `FRA,${String(j).padStart(9, '0')},lost,2025-06-01\n`;
          controller.enqueue(enc.encode(chunk));
        }
        controller.close();
      },
    });
    const ls = await call('supervisor', '/v1/lost-stolen/e2e-sltd/imports?version=2025-06', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(ls.status).toBe(201);
    expect(await ls.json()).toMatchObject({ accepted: lines, rejected: 0 });

    const versions = (await (await call('officer', '/v1/reference/versions')).json()) as {
      versions: Record<string, string>;
      entryRules: string;
    };
    expect(versions.versions).toMatchObject({
      'watchlist:e2e-persons': '2',
      'lost-stolen': 'e2e-sltd@2025-06',
    });
    expect(versions.entryRules).toBe('shipped');

    const entries = await call('officer', '/v1/watchlists/e2e-persons/entries');
    expect(((await entries.json()) as { entries: unknown[] }).entries).toHaveLength(1);
    const seen = await db.prisma.auditEvent.count({ where: { action: 'view-watchlist-entries' } });
    expect(seen).toBe(1);

    const outbox = await db.prisma.outboxMessage.findMany({
      where: { topic: 'paxguard.reference.changed' },
    });
    expect(outbox.map((o) => o.key).sort()).toEqual([
      'lost-stolen:e2e-sltd',
      'watchlist:e2e-persons',
      'watchlist:e2e-persons',
    ]);
  });

  it('stops cleanly', async () => {
    expect(await svc.stop()).toBe(0);
  });
});
