// Reads a profile from JSON or YAML text (or an already-parsed object) and validates it,
// returning every problem with its code and path instead of throwing.
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { forbiddenAttribute } from './forbidden-attributes.ts';
import { fail, formatPath, ok } from './profile-issues.ts';
import type { ProfileIssue, ProfileIssueCode, ProfileResult } from './profile-issues.ts';
import { Profile } from './profile-schema.ts';

export type ProfileFormat = 'json' | 'yaml';

const MAX_TEXT = 1_000_000;

/** Keys anywhere outside rule conditions (the checker handles those) that reveal a forbidden category. */
function scanKeys(v: unknown, path: PropertyKey[], out: ProfileIssue[]): void {
  if (Array.isArray(v)) v.forEach((x, i) => scanKeys(x, [...path, i], out));
  else if (typeof v === 'object' && v !== null)
    for (const [k, x] of Object.entries(v)) {
      if (k === 'when') continue;
      const hit = forbiddenAttribute(k);
      if (hit)
        out.push({
          code: 'FORBIDDEN_ATTRIBUTE',
          message: `forbidden attribute: key '${k}' reveals ${hit.category} (matched '${hit.term}'); ${hit.rule}`,
          path: formatPath([...path, k]),
          category: hit.category,
          rule: hit.rule,
        });
      scanKeys(x, [...path, k], out);
    }
}

function fromZod(issues: readonly z.core.$ZodIssue[]): ProfileIssue[] {
  return issues.map((i) => {
    const params = (
      i as {
        params?: { code?: ProfileIssueCode; category?: ProfileIssue['category']; rule?: string };
      }
    ).params;
    const base = {
      code: params?.code ?? ('INVALID_PROFILE' as const),
      message: i.message,
      path: formatPath(i.path),
    };
    return params?.category
      ? { ...base, category: params.category, rule: params.rule ?? '' }
      : base;
  });
}

function parseText(text: string, format: ProfileFormat | undefined): ProfileResult<unknown> {
  if (text.length > MAX_TEXT)
    return fail({
      code: 'PARSE_ERROR',
      message: `profile text is ${text.length} characters; the limit is ${MAX_TEXT}`,
      path: '',
    });
  const fmt = format ?? (/^\s*[[{]/.test(text) ? 'json' : 'yaml');
  if (fmt === 'json') {
    try {
      return ok(JSON.parse(text) as unknown);
    } catch (e) {
      return fail({
        code: 'PARSE_ERROR',
        message: `not valid JSON: ${(e as Error).message}`,
        path: '',
      });
    }
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const at = first.linePos?.[0];
    return fail({
      code: 'PARSE_ERROR',
      message: `not valid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${first.message.split('\n')[0] ?? ''}`,
      path: '',
    });
  }
  return ok(doc.toJS({ maxAliasCount: 100 }) as unknown);
}

/** Validates a profile given as text (JSON or YAML, sniffed when `format` is absent) or as an object. */
export function parseProfile(input: unknown, format?: ProfileFormat): ProfileResult<Profile> {
  let raw = input;
  if (typeof input === 'string') {
    const parsed = parseText(input, format);
    if (!parsed.ok) return parsed;
    raw = parsed.value;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail({
      code: 'INVALID_PROFILE',
      message: 'a profile must be an object (a JSON object or a YAML mapping)',
      path: '',
    });
  const forbidden: ProfileIssue[] = [];
  scanKeys(raw, [], forbidden);
  const result = Profile.safeParse(raw);
  const issues = [...forbidden, ...(result.success ? [] : fromZod(result.error.issues))];
  if (issues.length > 0 || !result.success) return { ok: false, issues };
  return ok(result.data);
}
