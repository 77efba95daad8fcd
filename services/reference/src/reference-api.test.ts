import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import {
  applyManifest,
  createCarrierRepository,
  createSubmissionRepository,
  createUserRepository,
  openDatabase,
  parseDatabaseUrl,
  readShippedEntryRules,
  type Database,
} from '@paxguard/db';
import { generateManifest } from '@paxguard/demo-data';
import { createLogger } from '@paxguard/platform';
import { buildApp } from './app.ts';
import { createReferenceComponents } from './wiring.ts';

const profileYaml = readFileSync(
  new URL('../../../packages/profiles/data/profiles/one-way-cash-transit.yaml', import.meta.url),
  'utf8',
);

describe('reference API', () => {
  let pg: TestPostgres;
  let db: Database;
  let app: ReturnType<typeof buildApp>;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    pg = await testPostgres();
    db = await openDatabase(parseDatabaseUrl(pg.url));
    const users = createUserRepository(db.prisma);
    for (const [name, role] of [
      ['officer', 'officer'],
      ['analyst', 'analyst'],
      ['sup1', 'supervisor'],
      ['sup2', 'supervisor'],
      ['admin', 'admin'],
      ['auditor', 'auditor'],
    ] as const) {
      tokens[name] = `tok-${name}-0123456789`;
      ids[name] = (await users.ensure({ name, role, token: tokens[name] })).id;
    }
    const logger = createLogger({ service: 'reference-test', level: 'silent' });
    app = buildApp({
      logger,
      reference: createReferenceComponents({ db, logger }),
      checks: {},
      shuttingDown: () => false,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await pg?.drop();
  });

  it('admits readers and writers by role', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/watchlists' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/v1/watchlists', headers: as('auditor') }))
        .statusCode,
    ).toBe(403);
    const body = { id: 'wl1', name: 'Persons', kind: 'persons' };
    const denied = await app.inject({
      method: 'POST',
      url: '/v1/watchlists',
      headers: as('officer'),
      payload: body,
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toBe('ROLE_NOT_ALLOWED');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/v1/watchlists',
          headers: as('sup1'),
          payload: body,
        })
      ).statusCode,
    ).toBe(201);
    const put = await app.inject({
      method: 'PUT',
      url: '/v1/watchlists/wl1/entries/E1',
      headers: as('admin'),
      payload: {
        names: ['HADDAD, Omar', 'عمر حداد'],
        birthDates: ['1979'],
        category: 'immigration',
        severity: 'high',
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().version).toBe(2);
    const bad = await app.inject({
      method: 'PUT',
      url: '/v1/watchlists/wl1/entries/E2',
      headers: as('admin'),
      payload: {
        names: ['X'],
        birthDates: ['1979-02-31'],
        category: 'immigration',
        severity: 'high',
      },
    });
    expect(bad.statusCode).toBe(422);
  });

  it('audits every read of watchlist entries and cleared travellers', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/v1/watchlists/wl1/entries',
      headers: as('officer'),
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().entries.map((e: { id: string }) => e.id)).toEqual(['E1']);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/v1/watchlists/wl1/entries/E1',
          headers: as('analyst'),
        })
      ).statusCode,
    ).toBe(200);
    const c = await app.inject({
      method: 'POST',
      url: '/v1/cleared-travellers',
      headers: as('sup1'),
      payload: {
        entryId: 'E1',
        listId: 'wl1',
        identity: { name: 'Omar Haddad', birthDate: '1985-04-04' },
        validFrom: '2026-01-01T00:00:00Z',
        validUntil: '2099-01-01T00:00:00Z',
        reason: 'namesake, checked at the border',
      },
    });
    expect(c.statusCode).toBe(201);
    expect(c.json().record.clearedBy).toBe(ids.sup1);
    expect(
      (
        await app.inject({ method: 'GET', url: '/v1/cleared-travellers', headers: as('officer') })
      ).json().cleared,
    ).toHaveLength(1);
    const reads = await db.prisma.auditEvent.findMany({
      where: { actor: { in: [ids.officer!, ids.analyst!] } },
    });
    expect(reads.map((a) => a.action).sort()).toEqual([
      'view-cleared-travellers',
      'view-watchlist-entries',
      'view-watchlist-entry',
    ]);
  });

  it('runs the four-eyes profile life cycle and refuses forbidden attributes precisely', async () => {
    const yaml = { ...as('analyst'), 'content-type': 'application/yaml' };
    const forbidden = await app.inject({
      method: 'POST',
      url: '/v1/profiles',
      headers: yaml,
      payload: profileYaml.replace('field: bagCount', 'field: religion'),
    });
    expect(forbidden.statusCode).toBe(422);
    expect(forbidden.json().error).toBe('FORBIDDEN_ATTRIBUTE');
    expect(forbidden.json().details.issues[0]).toMatchObject({
      code: 'FORBIDDEN_ATTRIBUTE',
      path: expect.stringContaining('rules'),
    });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/v1/profiles',
          headers: { ...yaml, ...as('officer') },
          payload: profileYaml,
        })
      ).statusCode,
    ).toBe(403);
    const draft = await app.inject({
      method: 'POST',
      url: '/v1/profiles',
      headers: yaml,
      payload: profileYaml,
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ version: 1, status: 'draft', author: ids.analyst });
    const base = '/v1/profiles/EX-ONEWAY-CASH-TRANSIT/versions/1';
    const early = await app.inject({ method: 'POST', url: `${base}/approve`, headers: as('sup1') });
    expect(early.json()).toMatchObject({ error: 'BAD_STATUS' });
    expect(
      (await app.inject({ method: 'POST', url: `${base}/submit`, headers: as('analyst') }))
        .statusCode,
    ).toBe(200);
    const byAnalyst = await app.inject({
      method: 'POST',
      url: `${base}/approve`,
      headers: as('analyst'),
    });
    expect([byAnalyst.statusCode, byAnalyst.json().error]).toEqual([403, 'NOT_SUPERVISOR']);
    // A supervisor's own draft: another supervisor must approve it.
    const own = await app.inject({
      method: 'POST',
      url: '/v1/profiles',
      headers: { ...yaml, ...as('sup2') },
      payload: profileYaml,
    });
    expect(own.json().version).toBe(2);
    await app.inject({
      method: 'POST',
      url: '/v1/profiles/EX-ONEWAY-CASH-TRANSIT/versions/2/submit',
      headers: as('sup2'),
    });
    const self = await app.inject({
      method: 'POST',
      url: '/v1/profiles/EX-ONEWAY-CASH-TRANSIT/versions/2/approve',
      headers: as('sup2'),
    });
    expect([self.statusCode, self.json().error]).toEqual([403, 'SELF_APPROVAL']);
    const ok = await app.inject({
      method: 'POST',
      url: `${base}/approve`,
      headers: as('sup1'),
      payload: { comment: 'reviewed' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'active', approvedBy: ids.sup1 });
    const v2 = await app.inject({
      method: 'POST',
      url: '/v1/profiles/EX-ONEWAY-CASH-TRANSIT/versions/2/approve',
      headers: as('sup1'),
    });
    expect(v2.json().status).toBe('active');
    const versions = (
      await app.inject({
        method: 'GET',
        url: '/v1/profiles/EX-ONEWAY-CASH-TRANSIT',
        headers: as('officer'),
      })
    ).json().versions;
    expect(versions.map((v: { status: string }) => v.status)).toEqual(['retired', 'active']);
    const approvals = await db.prisma.auditEvent.findMany({ where: { action: 'profile.approve' } });
    expect(approvals.map((a) => a.actor)).toEqual([ids.sup1, ids.sup1]);
  });

  it('back-tests a draft against stored travellers', async () => {
    const carrier = await createCarrierRepository(db.prisma).ensure({
      designator: 'PG',
      name: 'Demo',
      apiKey: 'k-0123456789abcdef',
    });
    const manifest = generateManifest({
      seed: 7,
      carrier: 'PG',
      number: '77',
      date: '2026-03-01',
      origin: 'IST',
      destination: 'FRA',
      passengers: 40,
      crew: 3,
    });
    const sub = await createSubmissionRepository(db).archive({
      carrierId: carrier.id,
      channel: 'http',
      receivedAt: new Date(),
      raw: Buffer.from('x'),
    });
    await db.prisma.$transaction((tx) =>
      applyManifest(tx, {
        carrierId: carrier.id,
        submissionId: sub.id,
        manifest,
        event: ({ flightKey }) => ({
          id: crypto.randomUUID(),
          type: 't',
          version: 1,
          key: flightKey,
          occurredAt: new Date().toISOString(),
          payload: {},
          topic: 'x',
        }),
      }),
    );
    const noBags = manifest.travellers.filter(
      (t) => t.role === 'passenger' && t.bags?.count === 0,
    ).length;
    expect(noBags).toBeGreaterThan(0);
    const draft = await app.inject({
      method: 'POST',
      url: '/v1/profiles',
      headers: as('analyst'),
      payload: {
        id: 'BT-NO-BAGS',
        version: 1,
        name: 'no bags',
        author: 'whoever',
        effective: { from: '2026-01-01T00:00:00Z' },
        threshold: 50,
        rules: [{ id: 'no-bags', weight: 60, when: { field: 'bagCount', op: '=', value: 0 } }],
      },
    });
    expect(draft.statusCode).toBe(201);
    const r = await app.inject({
      method: 'POST',
      url: '/v1/profiles/BT-NO-BAGS/backtest',
      headers: as('analyst'),
      payload: { sampleSize: 3 },
    });
    expect(r.statusCode).toBe(200);
    const report = r.json();
    expect(report).toMatchObject({
      status: 'draft',
      travellers: 43,
      flights: 1,
      flaggedTravellers: noBags,
      flaggedFlights: 1,
    });
    expect(report.sample).toHaveLength(3);
    expect(report.topConditions[0]).toMatchObject({ ruleId: 'no-bags', fired: noBags });
    expect(report.scoreDistribution.find((s: { score: number }) => s.score === 60).count).toBe(
      noBags,
    );
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/v1/profiles/BT-NO-BAGS/backtest',
          headers: as('officer'),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('imports and exports entry rules, registers authorisations and streams a lost/stolen CSV', async () => {
    const text = readShippedEntryRules().rulesFile;
    const imp = await app.inject({
      method: 'POST',
      url: '/v1/entry-rules',
      headers: { ...as('sup1'), 'content-type': 'text/plain' },
      payload: text,
    });
    expect(imp.statusCode).toBe(201);
    const file = await app.inject({
      method: 'GET',
      url: `/v1/entry-rules/${imp.json().version}/file`,
      headers: as('officer'),
    });
    expect(file.body).toBe(text);
    const broken = await app.inject({
      method: 'POST',
      url: '/v1/entry-rules',
      headers: { ...as('sup1'), 'content-type': 'text/plain' },
      payload: '{"schema":1}',
    });
    expect(broken.statusCode).toBe(422);

    const a = await app.inject({
      method: 'POST',
      url: '/v1/travel-authorisations',
      headers: as('sup1'),
      payload: {
        kind: 'visa',
        number: 'V1',
        documentNumber: 'X123456',
        nationality: 'NGA',
        issuingState: 'GBR',
        validFor: ['GBR'],
        validFrom: '2026-01-01',
        validUntil: '2026-07-01',
        entriesAllowed: 1,
      },
    });
    expect(a.statusCode).toBe(201);
    const rev = await app.inject({
      method: 'POST',
      url: `/v1/travel-authorisations/${a.json().id}/revoke`,
      headers: as('admin'),
    });
    expect(rev.json().record.revoked).toBe(true);

    const csv =
      'issuing_state,number,status,reported_date\nGBR,123456789,stolen,2025-01-02\nZZZ,1,lost,x\n';
    const ls = await app.inject({
      method: 'POST',
      url: '/v1/lost-stolen/sltd/imports?version=2026-01',
      headers: { ...as('sup1'), 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(ls.statusCode).toBe(201);
    expect(ls.json()).toMatchObject({ accepted: 1, rejected: 1 });

    const v = (
      await app.inject({ method: 'GET', url: '/v1/reference/versions', headers: as('officer') })
    ).json();
    expect(v.versions).toMatchObject({ 'lost-stolen': 'sltd@2026-01', 'watchlist:wl1': '2' });
    expect(v.entryRules).toBe('database');
    const topics = await db.prisma.outboxMessage.groupBy({
      by: ['key'],
      where: { topic: 'paxguard.reference.changed' },
      _count: { _all: true },
    });
    expect(Object.fromEntries(topics.map((t) => [t.key, t._count._all]))).toMatchObject({
      'watchlist:wl1': 2,
      cleared: 1,
      'entry-rules': 1,
      authorisations: 2,
      'lost-stolen:sltd': 1,
      profiles: 7,
    });
  });
  it('manages smuggling-route versions for link analysis: supervisors import, readers list, bad files refused with paths', async () => {
    const file = {
      version: '2026-11',
      source: 'exchange under Protocol art. 10 (test)',
      routes: [{ id: 'IST-AMS', origins: ['IST'], destinations: ['AMS'] }],
    };
    const post = (who: string, payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/v1/smuggling-routes', headers: as(who), payload });
    expect((await post('analyst', file)).statusCode).toBe(403);
    const ok = await post('sup1', file);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ version: '2026-11', routes: 1, author: ids.sup1 });
    expect((await post('sup1', file)).statusCode).toBe(409);
    const bad = await post('sup1', { ...file, version: '2026-12', routes: [{ id: 'X' }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: 'INVALID_ROUTES' });
    expect(bad.json().message).toContain('routes.0');
    const list = await app.inject({
      method: 'GET',
      url: '/v1/smuggling-routes',
      headers: as('officer'),
    });
    expect(list.json()).toMatchObject({ current: '2026-11', versions: [{ version: '2026-11' }] });
    const exported = await app.inject({
      method: 'GET',
      url: '/v1/smuggling-routes/2026-11/file',
      headers: as('analyst'),
    });
    expect(JSON.parse(exported.body)).toEqual(file);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: '/v1/smuggling-routes/2026-11',
          headers: as('officer'),
        })
      ).statusCode,
    ).toBe(403);
  });
});
