// The snapshot in the shape the screening engine's buildScreeningReference takes (structurally
// its ReferenceInputs): lost/stolen rows become CSV chunks, airports come from @paxguard/geo.
import { loadReferenceSnapshot, type Database, type SnapshotOptions } from '@paxguard/db';
import type { TravelAuthorisation } from '@paxguard/documents';
import { airportStates } from '@paxguard/geo';
import type { Profile } from '@paxguard/profiles';
import type { ClearedTraveller, Watchlist } from '@paxguard/watchlist';

export interface ScreeningInputs {
  visaMatrixCsv: string;
  entryRulesFiles: string[];
  watchlists: Watchlist[];
  cleared: ClearedTraveller[];
  profiles: Profile[];
  authorisations: TravelAuthorisation[];
  lostStolen?: { version: string; csv: string[] };
  airportStates: ReadonlyMap<string, string>;
  /** Every area's version plus `reference` (the snapshot hash), for the assessment key. */
  versions: Record<string, string>;
}

export async function loadScreeningInputs(
  db: Database,
  options: SnapshotOptions = {},
): Promise<ScreeningInputs> {
  const s = await loadReferenceSnapshot(db.prisma, options);
  let lostStolen: ScreeningInputs['lostStolen'];
  if (s.lostStolen.count > 0) {
    // The engine's index builder reads CSV text in chunks: the database hands them out so.
    const csv: string[] = [];
    for await (const chunk of s.lostStolen.csvChunks) csv.push(chunk);
    lostStolen = { version: s.lostStolen.version, csv };
  }
  return {
    // The snapshot always carries the shipped visa matrix; the fallback is for a caller's override.
    visaMatrixCsv: s.entryRules.visaMatrixCsv ?? '',
    entryRulesFiles: s.entryRules.rulesFiles,
    watchlists: s.watchlists,
    cleared: s.cleared,
    profiles: s.profiles,
    authorisations: s.authorisations,
    ...(lostStolen ? { lostStolen } : {}),
    airportStates: airportStates(),
    versions: { ...s.versions, reference: s.version },
  };
}
