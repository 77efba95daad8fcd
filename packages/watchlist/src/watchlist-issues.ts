// Typed results for everything a stranger can feed the watchlist package: a code, a
// sentence and where, never an exception escaping.
import type { z } from 'zod';

export type WatchlistIssueCode =
  | 'INVALID_LIST'
  | 'INVALID_ENTRY'
  | 'INVALID_CLEARED_RECORD'
  | 'INVALID_QUERY'
  | 'EMPTY_NAME'
  | 'ABSURD_DATE'
  | 'UNKNOWN_LIST'
  | 'DUPLICATE_ENTRY';

export interface WatchlistIssue {
  code: WatchlistIssueCode;
  message: string;
  /** Dotted path of the offending value, e.g. `entries.3.birthDates.0`. */
  path: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: WatchlistIssue[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(code: WatchlistIssueCode, message: string, path = ''): Result<T> {
  return { ok: false, issues: [{ code, message, path }] };
}

/** zod issues → ours; a custom issue may carry its own code in `params.code`. */
export function issuesFromZod(
  error: z.ZodError,
  fallback: WatchlistIssueCode,
  prefix = '',
): WatchlistIssue[] {
  return error.issues.map((i) => {
    const params = (i as { params?: { code?: WatchlistIssueCode } }).params;
    const path = [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.');
    return { code: params?.code ?? fallback, message: i.message, path };
  });
}
