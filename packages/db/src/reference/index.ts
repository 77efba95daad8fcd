// Reference data storage (watchlists, risk profiles, entry rules, lost/stolen lists, authorisations).
export {
  ReferenceChanged,
  REFERENCE_AREAS,
  recordChange,
  areaKey,
  type Actor,
  type ReferenceArea,
  type ChangeInput,
} from './reference-change.ts';
export {
  createWatchlistRepository,
  type WatchlistRepository,
  type WatchlistMeta,
  type WatchlistInputMeta,
} from './watchlist-repository.ts';
export {
  createClearedRepository,
  type ClearedRepository,
  type StoredClearedTraveller,
} from './cleared-repository.ts';
export {
  createRiskProfileRepository,
  profileError,
  type RiskProfileRepository,
  type StoredProfile,
} from './risk-profile-repository.ts';
export {
  createEntryRulesRepository,
  type EntryRulesRepository,
  type EntryRulesVersionInfo,
} from './entry-rules-repository.ts';
export {
  createAuthorisationRepository,
  type AuthorisationRepository,
  type StoredAuthorisation,
} from './authorisation-repository.ts';
export {
  createLostStolenRepository,
  parseLostStolenLine,
  type LostStolenRepository,
  type LostStolenRow,
  type LostStolenImportResult,
} from './lost-stolen-repository.ts';
export {
  createSmugglingRoutesRepository,
  type SmugglingRoutesRepository,
  type SmugglingRoutesVersionInfo,
} from './smuggling-routes-repository.ts';
export { readShippedEntryRules, type EntryRulesFiles } from './shipped-entry-rules.ts';
export {
  loadReferenceSnapshot,
  loadReferenceVersions,
  snapshotVersion,
  type ReferenceSnapshot,
  type SnapshotOptions,
} from './reference-snapshot.ts';
export { loadBacktestHistory, type HistoryOptions } from './backtest-history.ts';
