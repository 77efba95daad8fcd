// Reference data for the embedded demo, stored through the same repositories the API uses
// (so versions, outbox events and audit rows are real). Idempotent: each part is seeded once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  createAuthorisationRepository,
  createEntryRulesRepository,
  createLostStolenRepository,
  createRiskProfileRepository,
  createSmugglingRoutesRepository,
  createWatchlistRepository,
  readShippedEntryRules,
  type Actor,
  type Database,
} from '@paxguard/db';
import { NotFoundError } from '@paxguard/domain';
import type { Logger } from '@paxguard/platform';
import { parseProfile } from '@paxguard/profiles';
import {
  demoAuthorisations,
  demoDocuments,
  demoLostStolenCsv,
  demoPersons,
  DEMO_PROFILES,
  DEMO_SMUGGLING_ROUTES,
} from './demo-reference-data.ts';
import { demoFlights } from '@paxguard/demo-data';

export interface ReferenceDemoResult {
  watchlistEntries: number;
  profilesApproved: number;
  entryRules: boolean;
  authorisations: number;
  lostStolen: number;
  smugglingRoutes: number;
}

const SEEDER: Actor = { id: 'demo-seed', role: 'admin' };
const ANALYST: Actor = { id: 'demo-analyst', role: 'analyst' };
const SUPERVISOR: Actor = { id: 'demo-supervisor', role: 'supervisor' };

function shippedProfile(): string {
  const entry = createRequire(import.meta.url).resolve('@paxguard/profiles');
  return readFileSync(
    path.join(path.dirname(entry), '..', 'data', 'profiles', 'one-way-cash-transit.yaml'),
    'utf8',
  );
}

export async function seedReferenceDemo(opts: {
  db: Database;
  now?: Date;
  logger?: Logger;
}): Promise<ReferenceDemoResult> {
  const prisma = opts.db.prisma;
  const now = opts.now ?? new Date();
  const flights = demoFlights(now);
  const result: ReferenceDemoResult = {
    watchlistEntries: 0,
    profilesApproved: 0,
    entryRules: false,
    authorisations: 0,
    lostStolen: 0,
    smugglingRoutes: 0,
  };

  const lists = createWatchlistRepository(prisma);
  const seedList = async (
    id: string,
    name: string,
    kind: 'persons' | 'documents',
    entries: unknown[],
  ) => {
    try {
      await lists.get(id);
      return;
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
    await lists.create({ id, name, kind }, SEEDER);
    result.watchlistEntries += (await lists.importEntries(id, entries, SEEDER)).imported;
  };
  await seedList('demo-persons', 'Demo persons of interest', 'persons', demoPersons(flights));
  await seedList(
    'demo-documents',
    'Demo documents of interest',
    'documents',
    demoDocuments(flights),
  );

  const rules = createEntryRulesRepository(prisma);
  if ((await rules.list()).length === 0) {
    await rules.importText(readShippedEntryRules().rulesFile, SEEDER);
    result.entryRules = true;
  }

  const profiles = createRiskProfileRepository(prisma);
  const active = new Set((await profiles.list({ status: 'active' })).map((p) => p.profileId));
  for (const doc of [shippedProfile(), ...DEMO_PROFILES]) {
    const parsed = parseProfile(doc);
    if (parsed.ok && active.has(parsed.value.id)) continue;
    const draft = await profiles.draft(doc, ANALYST);
    await profiles.submit(draft.profileId, draft.version, ANALYST);
    await profiles.approve(draft.profileId, draft.version, SUPERVISOR, {
      comment: 'demo profile',
      now,
    });
    result.profilesApproved++;
  }

  const auths = createAuthorisationRepository(prisma);
  if ((await auths.list({ limit: 1 })).length === 0) {
    result.authorisations = (
      await auths.importJson(JSON.stringify(demoAuthorisations(flights, now)), SEEDER)
    ).imported;
  }

  const ls = createLostStolenRepository(prisma);
  if (!(await ls.current()).some((i) => i.listId === 'demo-sltd')) {
    result.lostStolen = (
      await ls.importCsv({
        listId: 'demo-sltd',
        version: 'demo-1',
        csv: demoLostStolenCsv(flights),
        actor: SEEDER,
      })
    ).accepted;
  }
  // A route list for link analysis; the demo plants an agency selling cash one-way tickets on it.
  const routes = createSmugglingRoutesRepository(prisma);
  if ((await routes.list()).length === 0) {
    result.smugglingRoutes = (
      await routes.importText(JSON.stringify(DEMO_SMUGGLING_ROUTES, null, 2), SUPERVISOR)
    ).routes;
  }
  opts.logger?.info({ ...result }, 'reference demo data seeded');
  return result;
}
