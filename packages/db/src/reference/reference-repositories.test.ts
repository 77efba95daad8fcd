import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { openDatabase, parseDatabaseUrl, type Database } from '../database.ts';
import {
  createAuthorisationRepository,
  createClearedRepository,
  createEntryRulesRepository,
  createLostStolenRepository,
  createRiskProfileRepository,
  createSmugglingRoutesRepository,
  createWatchlistRepository,
  loadReferenceSnapshot,
  loadReferenceVersions,
  readShippedEntryRules,
} from './index.ts';

const analyst = { id: 'analyst-1', role: 'analyst' };
const supervisor = { id: 'sup-1', role: 'supervisor' };
const admin = { id: 'admin-1', role: 'admin' };

const profileYaml = readFileSync(
  new URL('../../../profiles/data/profiles/one-way-cash-transit.yaml', import.meta.url),
  'utf8',
);

describe('reference repositories', () => {
  let pg: TestPostgres;
  let db: Database;
  beforeAll(async () => {
    pg = await testPostgres();
    db = await openDatabase(parseDatabaseUrl(pg.url));
  });
  afterAll(async () => {
    await db?.close();
    await pg?.drop();
  });

  it('falls back to the shipped entry rules when nothing is stored', async () => {
    const s = await loadReferenceSnapshot(db.prisma);
    expect(s.entryRules.source).toBe('shipped');
    expect(s.entryRules.rulesFiles).toEqual([readShippedEntryRules().rulesFile]);
    expect(s.entryRules.visaMatrixCsv?.length).toBeGreaterThan(1000);
    expect(s.watchlists).toEqual([]);
    expect(s.lostStolen.version).toBe('none');
    expect(s.version).toMatch(/^ref-[0-9a-f]{16}$/);
  });

  it('versions a watchlist on every change and writes the outbox event and audit rows', async () => {
    const lists = createWatchlistRepository(db.prisma);
    const m = await lists.create({ id: 'persons-a', name: 'Persons A', kind: 'persons' }, admin);
    expect(m.version).toBe(1);
    const before = await loadReferenceSnapshot(db.prisma);
    const after1 = await lists.upsertEntry(
      'persons-a',
      {
        id: 'E1',
        names: ['IVANOV, Ivan', 'Иван Иванов'],
        birthDates: ['1980-02-03'],
        category: 'immigration',
        severity: 'high',
      },
      supervisor,
    );
    expect(after1.version).toBe(2);
    const imported = await lists.importEntries(
      'persons-a',
      [
        {
          id: 'E2',
          names: ['Mohammed Ali'],
          category: 'smuggling-facilitator',
          severity: 'critical',
        },
        { id: 'E3', names: ['Anna Smith'], category: 'immigration', severity: 'low' },
      ],
      supervisor,
    );
    expect(imported).toMatchObject({ version: 3, imported: 2 });
    await expect(
      lists.importEntries('persons-a', [{ id: 'X' }, { id: 'X' }], supervisor),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    await lists.removeEntry('persons-a', 'E3', supervisor);
    const s = await loadReferenceSnapshot(db.prisma);
    expect(s.watchlists).toHaveLength(1);
    expect(s.watchlists[0]).toMatchObject({ id: 'persons-a', version: '4', kind: 'persons' });
    expect(s.watchlists[0]!.entries.map((e) => e.id)).toEqual(['E1', 'E2']);
    expect(s.version).not.toBe(before.version);
    const events = await db.prisma.outboxMessage.findMany({
      where: { topic: 'paxguard.reference.changed', key: 'watchlist:persons-a' },
    });
    expect(events).toHaveLength(4);
    expect(
      events.map((e) => (e.envelope as { payload: { version: string } }).payload.version).sort(),
    ).toEqual(['1', '2', '3', '4']);
    const audit = await db.prisma.auditEvent.findMany({
      where: { subjectType: 'watchlist', subjectId: 'persons-a' },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'watchlist.create',
      'watchlist.entry.remove',
      'watchlist.entry.upsert',
      'watchlist.import',
    ]);
  });

  it('keeps profile versions, refuses self-approval and forbidden attributes, activates on approval', async () => {
    const profiles = createRiskProfileRepository(db.prisma);
    const v1 = await profiles.draft(profileYaml, analyst);
    expect(v1).toMatchObject({ version: 1, status: 'draft', author: 'analyst-1' });
    await profiles.submit(v1.profileId, 1, analyst);
    await expect(profiles.approve(v1.profileId, 1, analyst)).rejects.toMatchObject({
      code: 'NOT_SUPERVISOR',
    });
    const own = await profiles.draft(profileYaml, supervisor);
    expect(own.version).toBe(2);
    await profiles.submit(own.profileId, 2, supervisor);
    await expect(profiles.approve(own.profileId, 2, supervisor)).rejects.toMatchObject({
      name: 'ForbiddenError',
      code: 'SELF_APPROVAL',
    });
    const ok = await profiles.approve(v1.profileId, 1, supervisor, { comment: 'back-tested' });
    expect(ok).toMatchObject({ status: 'active', approvedBy: 'sup-1' });
    expect(ok.document.approval?.approvedBy).toBe('sup-1');
    await expect(
      profiles.draft(profileYaml.replace('field: bagCount', 'field: religion'), analyst),
    ).rejects.toMatchObject({ name: 'ValidationError', code: 'FORBIDDEN_ATTRIBUTE' });
    // A document claiming to be approved is stored as a draft of its real author.
    const claimed = await profiles.draft(
      profileYaml
        .replace('status: draft', 'status: active')
        .replace(
          'threshold: 60',
          'threshold: 60\napproval: { approvedBy: sup-1, approvedAt: 2026-01-02T00:00:00Z }',
        ),
      analyst,
    );
    expect(claimed).toMatchObject({ status: 'draft', author: 'analyst-1', approvedBy: null });
    expect(claimed.document.approval).toBeUndefined();
    const s = await loadReferenceSnapshot(db.prisma);
    expect(s.profiles.map((p) => `${p.id}@${p.version}:${p.status}`)).toEqual([
      'EX-ONEWAY-CASH-TRANSIT@1:active',
    ]);
    expect(await db.prisma.auditEvent.count({ where: { action: 'profile.approve' } })).toBe(1);
  });

  it('stores entry-rule versions, refuses invalid rules and exports the text', async () => {
    const rules = createEntryRulesRepository(db.prisma);
    const text = readShippedEntryRules().rulesFile;
    const v = await rules.importText(text, supervisor);
    expect(v.version).toBe('entry-rules@2025-01-12.1');
    await expect(rules.importText(text, supervisor)).rejects.toMatchObject({
      name: 'ConflictError',
    });
    await expect(
      rules.importText(text.replace('"AUT"', '"QQQ"').replace('.1"', '.2"'), supervisor),
    ).rejects.toMatchObject({ name: 'ValidationError', code: 'RULES_STATE' });
    expect(await rules.exportText(v.version)).toBe(text);
    const s = await loadReferenceSnapshot(db.prisma);
    expect(s.entryRules.source).toBe('database');
    expect(s.entryRules.rulesFiles).toEqual([text]);
  });

  it('registers, imports and revokes travel authorisations; clears travellers until expiry', async () => {
    const auths = createAuthorisationRepository(db.prisma);
    const rec = {
      kind: 'eta',
      number: 'ESTA123',
      documentNumber: 'P1234567',
      nationality: 'GBR',
      issuingState: 'USA',
      validFor: ['USA'],
      validFrom: '2026-01-01',
      validUntil: '2027-12-31',
      entriesAllowed: null,
    };
    const a = await auths.add(rec, supervisor);
    const r = await auths.importJson(
      JSON.stringify([{ ...rec, number: 'ESTA124', documentNumber: 'P7654321' }, { kind: 'x' }]),
      supervisor,
    );
    expect(r.imported).toBe(1);
    expect(r.issues.length).toBeGreaterThan(0);
    await auths.revoke(a.id, supervisor);
    const cleared = createClearedRepository(db.prisma);
    await cleared.add(
      {
        entryId: 'E1',
        listId: 'persons-a',
        identity: { documentNumber: 'P999' },
        validFrom: '2026-01-01T00:00:00Z',
        validUntil: '2099-01-01T00:00:00Z',
        reason: 'different person, checked',
      },
      supervisor,
    );
    await cleared.add(
      {
        entryId: 'E2',
        identity: { documentNumber: 'P998' },
        validFrom: '2020-01-01T00:00:00Z',
        validUntil: '2021-01-01T00:00:00Z',
        reason: 'expired clearance',
      },
      supervisor,
    );
    const s = await loadReferenceSnapshot(db.prisma);
    expect(s.authorisations.map((x) => [x.number, x.revoked])).toEqual([
      ['ESTA123', true],
      ['ESTA124', false],
    ]);
    expect(s.cleared.map((c) => [c.entryId, c.clearedBy])).toEqual([['E1', 'sup-1']]);
  });

  it('streams a lost/stolen CSV in batches, reports bad lines, and supersedes the old import', async () => {
    const ls = createLostStolenRepository(db.prisma);
    async function* csv(n: number) {
      yield 'issuing_state,number,status,reported_date\n';
      for (let i = 0; i < n; i += 1000) {
        let chunk = '';
        for (let j = i; j < Math.min(n, i + 1000); j++)
          chunk += `GBR,L${String(j).padStart(7, '0')},stolen,2025-0${1 + (j % 9)}-01\n`;
        yield chunk.slice(0, 10);
        yield chunk.slice(10);
      }
      yield 'XXQ,123,lost,2025-01-01\nFRA,AB1234,lost,2025-13-01\n';
    }
    const first = await ls.importCsv({
      listId: 'sltd',
      version: 'v1',
      csv: csv(12_345),
      actor: admin,
    });
    expect(first).toMatchObject({ accepted: 12_345, rejected: 2 });
    expect(first.issues.map((i) => i.line)).toEqual([12_347, 12_348]);
    const second = await ls.importCsv({
      listId: 'sltd',
      version: 'v2',
      csv: 'FRA,AB1234,lost,2025-01-01\nDEU,C01X00T47,revoked,2024-05-05\n',
      actor: admin,
    });
    expect(second.accepted).toBe(2);
    // The superseded import stays readable until the next one replaces it.
    expect(await db.prisma.referenceLostStolenEntry.count()).toBe(12_347);
    const s = await loadReferenceSnapshot(db.prisma);
    expect(s.lostStolen.version).toBe('sltd@v2');
    const rows = [];
    for await (const r of s.lostStolen.rows) rows.push(r);
    expect(rows).toEqual([
      { issuingState: 'FRA', number: 'AB1234', status: 'lost', reportedAt: '2025-01-01' },
      { issuingState: 'DEU', number: 'C01X00T47', status: 'revoked', reportedAt: '2024-05-05' },
    ]);
    await ls.importCsv({
      listId: 'sltd',
      version: 'v2',
      csv: 'FRA,AB1234,lost,2025-01-01\nDEU,C01X00T47,revoked,2024-05-05\n',
      actor: admin,
    });
    expect(await db.prisma.referenceLostStolenEntry.count()).toBe(4);
    const events = await db.prisma.outboxMessage.findMany({ where: { key: 'lost-stolen:sltd' } });
    expect(
      events.map((e) => (e.envelope as { payload: { version: string } }).payload.version).sort(),
    ).toEqual(['v1', 'v2', 'v2']);
  });

  it('keeps every version of the smuggling routes, the newest in force, refusing bad files with paths', async () => {
    const routes = createSmugglingRoutesRepository(db.prisma);
    expect(await routes.current()).toEqual({ routes: [] });
    const before = await loadReferenceSnapshot(db.prisma);
    const file = (version: string, origins: string[]) =>
      JSON.stringify({
        version,
        source: 'exchange under Protocol art. 10 (test)',
        routes: [{ id: 'R1', origins, destinations: ['AMS'] }],
      });
    const v1 = await routes.importText(file('2026-10', ['IST']), supervisor);
    expect(v1).toMatchObject({ version: '2026-10', routes: 1, author: 'sup-1' });
    await routes.importText(file('2026-11', ['IST', 'CAI']), supervisor);
    expect((await routes.current()).version).toBe('2026-11');
    expect((await routes.current()).routes[0]!.origins).toEqual(['IST', 'CAI']);
    expect((await routes.list()).map((v) => v.version)).toEqual(['2026-11', '2026-10']);
    expect(await routes.exportText('2026-10')).toBe(file('2026-10', ['IST']));
    await expect(routes.importText(file('2026-11', ['IST']), supervisor)).rejects.toMatchObject({
      code: 'ROUTES_VERSION_EXISTS',
    });
    await expect(
      routes.importText(file('2026-12', ['istanbul']), supervisor),
    ).rejects.toMatchObject({
      code: 'INVALID_ROUTES',
      message: expect.stringContaining('routes.0.origins.0'),
    });
    await routes.remove('2026-11', admin);
    expect((await routes.current()).version).toBe('2026-10');
    await expect(routes.remove('2026-11', admin)).rejects.toMatchObject({
      code: 'ROUTES_NOT_FOUND',
    });
    // Audited, announced, and outside the screening snapshot: routes feed link analysis only.
    const audit = await db.prisma.auditEvent.findMany({
      where: { action: { startsWith: 'smuggling-routes.' } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'smuggling-routes.delete',
      'smuggling-routes.import',
      'smuggling-routes.import',
    ]);
    const events = await db.prisma.outboxMessage.findMany({
      where: { envelope: { path: ['payload', 'area'], equals: 'smuggling-routes' } },
    });
    expect(events).toHaveLength(3);
    expect((await loadReferenceSnapshot(db.prisma)).version).toBe(before.version);
  });

  it('gives the same version for the same data', async () => {
    const a = await loadReferenceSnapshot(db.prisma);
    const b = await loadReferenceSnapshot(db.prisma);
    expect(a.version).toBe(b.version);
    expect(await loadReferenceVersions(db.prisma)).toEqual({
      version: a.version,
      versions: a.versions,
    });
    expect(Object.keys(a.versions).sort()).toEqual([
      'authorisations',
      'cleared',
      'entry-rules',
      'lost-stolen',
      'profiles',
      'watchlist:persons-a',
    ]);
  });
});
