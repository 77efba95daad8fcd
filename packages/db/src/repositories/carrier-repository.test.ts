// Carrier authentication on PostgreSQL: an API key finds its carrier until it is revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { openDatabase, parseDatabaseUrl, type Database } from '../database.ts';
import { createCarrierRepository } from './carrier-repository.ts';
import { hashSecret } from './credentials.ts';

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

describe('findByApiKey', () => {
  it('finds the carrier of a key, nothing for an unknown key, and nothing once revoked', async () => {
    const carriers = createCarrierRepository(db.prisma);
    const pg1 = await carriers.ensure({ designator: 'PG', name: 'Paxguard Air', apiKey: 'pg-1' });
    await carriers.ensure({ designator: 'PG', name: 'Paxguard Air', apiKey: 'pg-2' });
    const zz = await carriers.ensure({ designator: 'ZZ', name: 'Zulu', apiKey: 'zz-1' });
    expect(await carriers.findByApiKey('pg-1')).toEqual({
      id: pg1.id,
      designator: 'PG',
      name: 'Paxguard Air',
    });
    expect(await carriers.findByApiKey('pg-2')).toEqual(pg1);
    expect(await carriers.findByApiKey('zz-1')).toEqual(zz);
    expect(await carriers.findByApiKey('pg-3')).toBeNull();
    await db.prisma.carrierApiKey.update({
      where: { keyHash: hashSecret('pg-1') },
      data: { revokedAt: new Date() },
    });
    expect(await carriers.findByApiKey('pg-1')).toBeNull();
    expect(await carriers.findByApiKey('pg-2')).toEqual(pg1);
  });
});
