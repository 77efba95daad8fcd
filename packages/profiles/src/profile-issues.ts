// Typed results for everything a profile author or a caller can get wrong: a stable code,
// one sentence, and where in the input it happened.
import type { ForbiddenCategory } from './forbidden-attributes.ts';

export type ProfileIssueCode =
  | 'PARSE_ERROR'
  | 'INVALID_PROFILE'
  | 'BAD_CONDITION'
  | 'UNKNOWN_FIELD'
  | 'FORBIDDEN_ATTRIBUTE'
  | 'TYPE_MISMATCH'
  | 'BAD_OPERATOR'
  | 'EMPTY_WINDOW'
  | 'ORIGIN_ONLY'
  | 'WINDOW_ENDED'
  | 'MISSING_APPROVAL'
  | 'MISSING_APPROVER'
  | 'SELF_APPROVAL'
  | 'NOT_SUPERVISOR'
  | 'BAD_STATUS'
  | 'BAD_INSTANT'
  | 'PROFILE_NOT_ACTIVE';

export interface ProfileIssue {
  readonly code: ProfileIssueCode;
  readonly message: string;
  /** Dotted path into the profile, e.g. `rules[2].when.all[0].field`; empty for the whole input. */
  readonly path: string;
  /** For FORBIDDEN_ATTRIBUTE: the category and the legal rule it breaks. */
  readonly category?: ForbiddenCategory;
  readonly rule?: string;
  /** For YAML or JSON text: the 1-based line the path points at, when it can be found. */
  readonly line?: number;
}

export type ProfileResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ProfileIssue[] };

export function ok<T>(value: T): ProfileResult<T> {
  return { ok: true, value };
}

export function fail<T>(...issues: ProfileIssue[]): ProfileResult<T> {
  return { ok: false, issues };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out.length === 0 ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** The inverse of formatPath: `rules[2].when.field` → ['rules', 2, 'when', 'field']. */
export function parsePath(path: string): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  return out;
}
