// Back-test of a stored profile version (a draft, typically) over the stored travellers, with
// features derived from each traveller's data and its flight's latest manifest.
import {
  loadBacktestHistory,
  profileError,
  type Database,
  type RiskProfileRepository,
} from '@paxguard/db';
import { backtestProfile, type BacktestReport } from '@paxguard/profiles';

export interface BacktestRequest {
  profileId: string;
  /** Default: the newest version. */
  version?: number;
  since?: string;
  limit?: number;
  sampleSize?: number;
  now?: Date;
}

export interface BacktestResult extends BacktestReport {
  status: string;
  /** Stored travellers whose features could not be derived (no manifest, older data shape). */
  underivable: number;
}

export function createBacktestRunner(deps: {
  db: Database;
  profiles: RiskProfileRepository;
  airportCountries: () => ReadonlyMap<string, string>;
}) {
  return async (req: BacktestRequest): Promise<BacktestResult> => {
    const stored =
      req.version !== undefined
        ? await deps.profiles.get(req.profileId, req.version)
        : (await deps.profiles.versions(req.profileId)).at(-1)!;
    const { records, underivable } = await loadBacktestHistory(deps.db.prisma, {
      now: req.now,
      since: req.since,
      limit: req.limit,
      airportCountries: deps.airportCountries(),
    });
    const r = backtestProfile(stored.document, records, { sampleSize: req.sampleSize });
    if (!r.ok) throw profileError(r.issues);
    return { ...r.value, status: stored.status, underivable };
  };
}
export type BacktestRunner = ReturnType<typeof createBacktestRunner>;
