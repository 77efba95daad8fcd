import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { loadReferenceSnapshot, openDatabase, parseDatabaseUrl, type Database } from '@paxguard/db';
import { isActive } from '@paxguard/profiles';
import { buildScreeningReference } from '@paxguard/screening';
import { loadScreeningInputs } from '@paxguard/pipeline';
import { buildWatchlistIndex, queryFromTraveller } from '@paxguard/watchlist';
import { demoFlights } from '@paxguard/demo-data';
import { seedReferenceDemo } from './reference-demo-seed.ts';

describe('seedReferenceDemo', () => {
  let pg: TestPostgres;
  let db: Database;
  const now = new Date('2026-11-22T00:00:00Z');
  beforeAll(async () => {
    pg = await testPostgres();
    db = await openDatabase(parseDatabaseUrl(pg.url));
  });
  afterAll(async () => {
    await db?.close();
    await pg?.drop();
  });

  it('stores the demo reference data once, and screening finds the listed demo travellers', async () => {
    const first = await seedReferenceDemo({ db, now });
    expect(first.watchlistEntries).toBeGreaterThan(340);
    expect(first).toMatchObject({
      profilesApproved: 3,
      entryRules: true,
      lostStolen: 502,
      smugglingRoutes: 2,
    });
    expect(first.authorisations).toBeGreaterThan(100);
    const versionBefore = (await loadReferenceSnapshot(db.prisma, { now })).version;
    expect(await seedReferenceDemo({ db, now })).toEqual({
      watchlistEntries: 0,
      profilesApproved: 0,
      entryRules: false,
      authorisations: 0,
      lostStolen: 0,
      smugglingRoutes: 0,
    });
    const s = await loadReferenceSnapshot(db.prisma, { now });
    expect(s.version).toBe(versionBefore);
    expect(s.watchlists.map((w) => w.id)).toEqual(['demo-documents', 'demo-persons']);
    expect(s.profiles.every((p) => isActive(p, now))).toBe(true);
    expect(s.profiles).toHaveLength(3);
    expect(s.entryRules.source).toBe('database');
    expect(s.authorisations.filter((a) => a.revoked)).toHaveLength(1);
    expect(s.lostStolen).toMatchObject({ version: 'demo-sltd@demo-1', count: 502 });

    const index = buildWatchlistIndex(s.watchlists, { cleared: s.cleared });
    const flights = demoFlights(now);
    const listed = s.watchlists
      .find((w) => w.id === 'demo-persons')!
      .entries.filter((e) => e.id.startsWith('DEMO-F-'));
    expect(listed).toHaveLength(5);
    for (const e of listed) {
      const [, , flight, index_] = e.id.split('-');
      const t = flights
        .get(flight!)!
        .travellers.filter((x) => x.role === 'passenger' && x.documents.length > 0)[
        Number(index_)
      ]!;
      const q = queryFromTraveller(t);
      if (!q.ok) throw new Error('query');
      const hits = index.screen(q.value, now);
      expect(hits.map((h) => h.entryId)).toContain(e.id);
    }
  });

  it('feeds the screening engine without a problem', async () => {
    const inputs = await loadScreeningInputs(db, { now });
    expect(inputs.lostStolen?.version).toBe('demo-sltd@demo-1');
    const built = buildScreeningReference(inputs);
    expect(built.problems).toEqual([]);
    expect(built.reference).toBeDefined();
  });
});
