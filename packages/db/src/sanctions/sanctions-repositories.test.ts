// Sanctions repositories on PostgreSQL: findings unique on their key, drafts claim their
// findings once, compare-and-set transitions, append-only events, profile versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { openDatabase, parseDatabaseUrl, type Database } from '../database.ts';
import { createCaseRepository, type StoredCase } from './case-repository.ts';
import { createInfringementRepository } from './infringement-repository.ts';
import { createProfileRepository } from './profile-repository.ts';

let pg: TestPostgres;
let db: Database;
beforeAll(async () => {
  pg = await testPostgres();
  db = await openDatabase(parseDatabaseUrl(pg.url));
}, 60_000);
afterAll(async () => {
  await db?.close();
  await pg?.drop();
});

const inf = (key: string, evidence = ['e1']) => ({
  key,
  code: 'API_LATE',
  carrier: 'PG',
  flightKey: 'PG1/2026-11-01',
  evidence,
});

const draft = (id: string, key: string, keys: string[]): StoredCase => ({
  id,
  key,
  carrier: 'PG',
  state: 'draft',
  version: 0,
  createdAt: '2026-11-02T00:00:00.000Z',
  infringementKeys: keys,
  computation: { profile: { id: 'p', version: '1' } },
  history: [
    {
      seq: 1,
      from: null,
      to: 'draft',
      command: 'draft',
      actor: { id: 'system', role: 'regulator' },
      at: '2026-11-02T00:00:00.000Z',
      reason: 'drafted',
      version: 0,
    },
  ],
});
const audit = { actor: 'system', actorRole: 'regulator', action: 'drafted', subjectType: 'case' };

describe('sanctions repositories', () => {
  it('store a finding once per key, however often it is saved', async () => {
    const repo = createInfringementRepository(db.prisma);
    const at = new Date();
    await repo.save([inf('K1')], [], at);
    await repo.save([inf('K1'), inf('K2')], [], at);
    await repo.save([], [inf('K1', ['e1', 'e2'])], at);
    const rows = await repo.forFlight('PG1/2026-11-01');
    expect(rows.map((r) => r.key)).toEqual(['K1', 'K2']);
    expect(rows[0]!.evidence).toEqual(['e1', 'e2']);
  });

  it('a finding is claimed by one case only; a transition is compare-and-set', async () => {
    const cases = createCaseRepository(db.prisma);
    const id = '00000000-0000-4000-8000-000000000001';
    await cases.insertDrafts([draft(id, 'PG|flight|1', ['K1'])], audit);
    await expect(
      cases.insertDrafts(
        [draft('00000000-0000-4000-8000-000000000002', 'PG|flight|1#2', ['K1'])],
        audit,
      ),
    ).rejects.toThrow(/another case/);
    expect(await cases.getByKey('PG|flight|1#2')).toBeUndefined();

    const c = (await cases.get(id))!;
    const next = (by: string): StoredCase => ({
      ...c,
      state: 'under-review',
      version: 1,
      history: [
        ...c.history,
        {
          seq: 2,
          from: 'draft',
          to: 'under-review',
          command: 'submit-for-review',
          actor: { id: by, role: 'regulator' },
          at: '2026-11-03T00:00:00.000Z',
          reason: 'review',
          version: 1,
        },
      ],
    });
    const results = await Promise.allSettled(
      ['r1', 'r2'].map((by) =>
        cases.applyTransition({
          next: next(by),
          expectedVersion: 0,
          at: new Date(),
          audit: { ...audit, subjectId: id },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await cases.events(id)).map((e) => e.seq)).toEqual([1, 2]);
    expect((await cases.get(id))!.version).toBe(1);
  });

  it('keeps profile versions: same content is a no-op, other content under the same version is refused', async () => {
    const profiles = createProfileRepository(db.prisma);
    const input = {
      profileId: 'x',
      version: '1',
      profile: { a: 1 },
      source: 'file' as const,
      createdBy: 't',
    };
    expect(await profiles.add(input)).toBe('created');
    expect(await profiles.add(input)).toBe('unchanged');
    await expect(profiles.add({ ...input, profile: { a: 2 } })).rejects.toThrow(/bump the version/);
    expect((await profiles.latest('x'))!.version).toBe('1');
  });
});
