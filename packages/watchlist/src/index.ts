// @paxguard/watchlist: watchlist matching that survives transliteration, name order,
// typos and OCR errors. Pure: lists, the clock and the cleared list come in as arguments.
export {
  parseWatchlist,
  parseWatchlistEntry,
  parseClearedList,
  Watchlist,
  WatchlistEntry,
  WatchlistName,
  ClearedTraveller,
  ListedDocument,
  WatchlistSeverity,
  type WatchlistInput,
  type WatchlistEntryInput,
} from './watchlist-schema.ts';
export {
  buildWatchlistIndex,
  type WatchlistIndex,
  type WatchlistIndexOptions,
  type WatchlistIndexStats,
  type WatchlistHit,
} from './watchlist-index.ts';
export {
  makeWatchlistQuery,
  queryFromTraveller,
  type WatchlistQuery,
  type WatchlistQueryInput,
} from './watchlist-query.ts';
export { hitsToFindings } from './finding-mapper.ts';
export type { HitExplanation, DocumentAgreement } from './entry-scorer.ts';
export type { BirthDateRule } from './birth-date-matcher.ts';
export type { WatchlistIssue, WatchlistIssueCode, Result } from './watchlist-issues.ts';
export {
  normaliseName,
  type NormalisedName,
  type NameToken,
  type NameInput,
} from './name-normaliser.ts';
export { transliterateToLatin } from './script-transliterator.ts';
export { skeletonKey } from './phonetic-key.ts';
export { jaroWinkler } from './string-similarity.ts';
export { documentKey } from './document-number.ts';
