// Everything a screener consults, built once from reference data (and rebuilt when it
// changes). Its `version` names every list, profile and rule version: it is part of the
// idempotency key of an assessment, so a change of reference data means a new assessment.
import { createHash } from 'node:crypto';
import {
  InMemoryAuthorisationRegistry,
  LostStolenBuilder,
  loadEntryReference,
  type EntryReference,
  type LostStolenLookup,
  type TravelAuthorisationLookup,
} from '@paxguard/documents';
import { compileProfile, type CompiledProfile } from '@paxguard/profiles';
import {
  buildWatchlistIndex,
  type ClearedTraveller,
  type Watchlist,
  type WatchlistIndex,
} from '@paxguard/watchlist';

export interface ScreeningReference {
  version: string;
  versions: Readonly<Record<string, string>>;
  entry: EntryReference;
  /** Absent when no registry is loaded: manifest visas are then taken at face value. */
  authorisations?: TravelAuthorisationLookup;
  lostStolen?: LostStolenLookup;
  watchlist: WatchlistIndex;
  watchlistVersions: Readonly<Record<string, string>>;
  profiles: readonly CompiledProfile[];
  airportStates: ReadonlyMap<string, string>;
}

export interface ReferenceInputs {
  visaMatrixCsv: string;
  entryRulesFiles: readonly string[];
  watchlists?: readonly Watchlist[];
  cleared?: readonly ClearedTraveller[];
  /** Profile documents (JSON objects); only active ones fire, by their own effective window. */
  profiles?: readonly unknown[];
  authorisations?: readonly unknown[];
  lostStolen?: { version: string; csv: Iterable<string> };
  airportStates: ReadonlyMap<string, string>;
  /** Versions of the inputs the caller knows (e.g. database rows), merged into the key. */
  versions?: Readonly<Record<string, string>>;
}

export interface ReferenceProblem {
  area: string;
  message: string;
}

export function buildScreeningReference(input: ReferenceInputs): {
  reference?: ScreeningReference;
  problems: ReferenceProblem[];
} {
  const problems: ReferenceProblem[] = [];
  const loaded = loadEntryReference({
    visaMatrixCsv: input.visaMatrixCsv,
    rulesFiles: input.entryRulesFiles,
  });
  if (!loaded.ok) {
    for (const i of loaded.rulesIssues)
      problems.push({ area: 'entry-rules', message: `${i.path}: ${i.message}` });
    return { problems };
  }
  const authorisations = new InMemoryAuthorisationRegistry();
  for (const i of authorisations.add(input.authorisations ?? []))
    problems.push({ area: 'authorisations', message: i.message });

  let lostStolen: LostStolenLookup | undefined;
  if (input.lostStolen) {
    const builder = new LostStolenBuilder({ version: input.lostStolen.version });
    for (const chunk of input.lostStolen.csv) builder.push(chunk);
    const built = builder.finish();
    lostStolen = built.index;
    if (built.rejected > 0)
      problems.push({ area: 'lost-stolen', message: `${built.rejected} rows rejected` });
  }

  const profiles: CompiledProfile[] = [];
  for (const doc of input.profiles ?? []) {
    const c = compileProfile(doc);
    if (c.ok) profiles.push(c.value);
    else problems.push({ area: 'profiles', message: c.issues.map((i) => i.message).join('; ') });
  }
  const watchlists = input.watchlists ?? [];
  const watchlist = buildWatchlistIndex(watchlists, { cleared: input.cleared ?? [] });
  const watchlistVersions = Object.fromEntries(watchlists.map((w) => [w.id, w.version]));

  const versions: Record<string, string> = {
    entryRules: loaded.reference.versions.map((v) => v.version).join(','),
    ...Object.fromEntries(Object.entries(watchlistVersions).map(([k, v]) => [`watchlist:${k}`, v])),
    ...Object.fromEntries(profiles.map((p) => [`profile:${p.id}`, String(p.version)])),
    ...(input.lostStolen ? { lostStolen: input.lostStolen.version } : {}),
    ...input.versions,
  };
  const version = createHash('sha256')
    .update(JSON.stringify(Object.entries(versions).sort(([a], [b]) => (a < b ? -1 : 1))))
    .digest('hex')
    .slice(0, 16);
  return {
    reference: {
      version,
      versions,
      entry: loaded.reference,
      // Without a registry a manifest visa is taken at face value; an empty one would refer every visa holder.
      authorisations: (input.authorisations?.length ?? 0) > 0 ? authorisations : undefined,
      lostStolen,
      watchlist,
      watchlistVersions,
      profiles,
      airportStates: input.airportStates,
    },
    problems,
  };
}
