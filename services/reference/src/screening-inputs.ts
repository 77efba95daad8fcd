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

const ROWS_PER_CHUNK = 10_000;

export async function loadScreeningInputs(
  db: Database,
  options: SnapshotOptions = {},
): Promise<ScreeningInputs> {
  const s = await loadReferenceSnapshot(db.prisma, options);
  let lostStolen: ScreeningInputs['lostStolen'];
  if (s.lostStolen.count > 0) {
    // The engine's index builder reads CSV text in chunks; build them page by page.
    const csv: string[] = [];
    let chunk = '';
    let n = 0;
    for await (const r of s.lostStolen.rows) {
      chunk += `${r.issuingState},${r.number},${r.status},${r.reportedAt}\n`;
      if (++n % ROWS_PER_CHUNK === 0) {
        csv.push(chunk);
        chunk = '';
      }
    }
    if (chunk) csv.push(chunk);
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
