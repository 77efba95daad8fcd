// Watchlist hits as domain findings. Always `refer`: a person decides before anything
// adverse happens to a traveller on the strength of a name match.
import type { Finding } from '@paxguard/domain';
import type { WatchlistHit } from './watchlist-index.ts';

/**
 * `listVersion` is one version string for every list, or a map list id → version; the
 * version recorded by the index (from the list file) is used when the map lacks the list.
 */
export function hitsToFindings(
  hits: readonly WatchlistHit[],
  listVersion: string | Readonly<Record<string, string>>,
): Finding[] {
  return hits.map((h) => {
    const version =
      typeof listVersion === 'string' ? listVersion : (listVersion[h.listId] ?? h.listVersion);
    const byDocument = h.explanation.document !== undefined && h.explanation.name === undefined;
    return {
      source: 'watchlist',
      code: byDocument ? 'WATCHLIST_DOCUMENT_MATCH' : 'WATCHLIST_MATCH',
      severity: 'refer',
      message: `Possible match (${h.score.toFixed(2)}) with ${h.listName} entry ${h.entryId} [${h.category}, ${h.severity}]: ${h.explanation.summary}.`,
      rule: { id: h.listId, version },
      evidence: {
        entryId: h.entryId,
        score: h.score,
        threshold: h.threshold,
        category: h.category,
        listSeverity: h.severity,
        ...(h.matchedName ? { matchedName: h.matchedName } : {}),
        explanation: h.explanation,
      },
    };
  });
}
