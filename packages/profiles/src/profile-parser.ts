// Reads a profile from JSON or YAML text (or an already-parsed object) and validates it,
// returning every problem with its code and path instead of throwing.
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { forbiddenAttribute } from './forbidden-attributes.ts';
import { fail, formatPath, ok, parsePath } from './profile-issues.ts';
import type { ProfileIssue, ProfileIssueCode, ProfileResult } from './profile-issues.ts';
import { Profile } from './profile-schema.ts';

export type ProfileFormat = 'json' | 'yaml';

const MAX_TEXT = 1_000_000;
const MAX_SCAN_DEPTH = 32;

/** Keys anywhere outside rule conditions (the checker handles those) that reveal a forbidden category. */
function scanKeys(v: unknown, path: PropertyKey[], out: ProfileIssue[]): void {
  // A profile is shallow outside its conditions; anything deeper is refused by the schema.
  if (path.length > MAX_SCAN_DEPTH) return;
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
    const path = formatPath(i.path);
    const missing = i.code === 'invalid_type' && /received undefined$/.test(i.message);
    const base = {
      code: params?.code ?? ('INVALID_PROFILE' as const),
      message: missing
        ? `'${path}' is required (${i.message.replace(/^Invalid input: /, '')})`
        : i.message,
      path,
    };
    return params?.category
      ? { ...base, category: params.category, rule: params.rule ?? '' }
      : base;
  });
}

type Locate = (path: string) => number | undefined;
interface ParsedText {
  readonly value: unknown;
  readonly locate: Locate;
}

/** Finds the line of the deepest node on the path that exists in the YAML (JSON is YAML too). */
function locator(doc: Document, lines: LineCounter): Locate {
  return (path) => {
    const keys = parsePath(path);
    for (let n = keys.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

function parseText(text: string, format: ProfileFormat | undefined): ProfileResult<ParsedText> {
  if (text.length > MAX_TEXT)
    return fail({
      code: 'PARSE_ERROR',
      message: `profile text is ${text.length} characters; the limit is ${MAX_TEXT}`,
      path: '',
    });
  const fmt = format ?? (/^\s*[[{]/.test(text) ? 'json' : 'yaml');
  if (fmt === 'json') {
    try {
      JSON.parse(text);
    } catch (e) {
      return fail({
        code: 'PARSE_ERROR',
        message: `not valid JSON: ${(e as Error).message}`,
        path: '',
      });
    }
  }
  // JSON is parsed by the YAML parser too (after the strict JSON check) so that lines can be given.
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, lineCounter: lines });
  const first = doc.errors[0];
  if (first) {
    const at = first.linePos?.[0];
    return fail({
      code: 'PARSE_ERROR',
      message: `not valid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${first.message.split('\n')[0] ?? ''}`,
      path: '',
    });
  }
  try {
    return ok({ value: doc.toJS({ maxAliasCount: 100 }) as unknown, locate: locator(doc, lines) });
  } catch (e) {
    // The yaml library throws on alias bombs (excessive alias count) and similar abuse.
    return fail({
      code: 'PARSE_ERROR',
      message: `YAML refused: ${(e as Error).message}`,
      path: '',
    });
  }
}

/** Validates a profile given as text (JSON or YAML, sniffed when `format` is absent) or as an object. */
export function parseProfile(input: unknown, format?: ProfileFormat): ProfileResult<Profile> {
  let raw = input;
  let locate: Locate | undefined;
  if (typeof input === 'string') {
    const parsed = parseText(input, format);
    if (!parsed.ok) return parsed;
    raw = parsed.value.value;
    locate = parsed.value.locate;
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
  if (issues.length > 0 || !result.success) {
    if (!locate) return { ok: false, issues };
    const at = locate;
    return {
      ok: false,
      issues: issues.map((i) => {
        const line = at(i.path);
        return line === undefined ? i : { ...i, line };
      }),
    };
  }
  return ok(result.data);
}
