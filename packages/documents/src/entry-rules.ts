// Import and export of the entry-rules file: JSON text in, validated rules out (or precise
// errors with their path), and back to text, so an API can edit the rules and round-trip them.
import { EntryRulesFile, type Selector } from './entry-rules-schema.ts';
import { parseIsoDate } from './calendar-date.ts';
import { isStateCode } from './state-codes.ts';

export interface RulesIssue {
  /** JSON path of the offending value, e.g. `destinations[2].rules[0].holders.states[1]`. */
  path: string;
  code:
    | 'RULES_JSON'
    | 'RULES_SCHEMA'
    | 'RULES_STATE'
    | 'RULES_GROUP'
    | 'RULES_DATE'
    | 'RULES_DUPLICATE_ID';
  message: string;
}

export type RulesImport = { ok: true; rules: EntryRulesFile } | { ok: false; issues: RulesIssue[] };

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path)
    out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out || '(root)';
}

function checkSelector(
  sel: Selector | undefined,
  at: string,
  groups: Set<string>,
  issues: RulesIssue[],
): void {
  if (!sel) return;
  for (const key of ['states', 'except'] as const) {
    (sel[key] ?? []).forEach((ref, i) => checkRef(ref, `${at}.${key}[${i}]`, groups, issues));
  }
}

function checkRef(ref: string, at: string, groups: Set<string>, issues: RulesIssue[]): void {
  if (ref.startsWith('@')) {
    if (!groups.has(ref.slice(1)))
      issues.push({ path: at, code: 'RULES_GROUP', message: `unknown group ${ref}` });
  } else if (!isStateCode(ref)) {
    issues.push({ path: at, code: 'RULES_STATE', message: `${ref} is not an ICAO state code` });
  }
}

function checkDate(value: string | undefined, at: string, issues: RulesIssue[]): number | null {
  if (value === undefined) return null;
  const day = parseIsoDate(value);
  if (day === null)
    issues.push({ path: at, code: 'RULES_DATE', message: `${value} is not a calendar date` });
  return day;
}

/** Checks what the schema cannot: known codes and groups, real dates, unique rule ids. */
function checkSemantics(rules: EntryRulesFile): RulesIssue[] {
  const issues: RulesIssue[] = [];
  const groups = new Set(Object.keys(rules.groups));
  for (const [name, codes] of Object.entries(rules.groups)) {
    codes.forEach((c, i) => checkRef(c, `groups.${name}[${i}]`, groups, issues));
  }
  checkDate(rules.effectiveFrom, 'effectiveFrom', issues);
  checkDate(rules.visaMatrix.updated, 'visaMatrix.updated', issues);
  const ids = new Map<string, string>();
  rules.destinations.forEach((dest, d) => {
    const at = `destinations[${d}]`;
    dest.states.forEach((s, i) => checkRef(s, `${at}.states[${i}]`, groups, issues));
    dest.rules.forEach((rule, r) => {
      const rat = `${at}.rules[${r}]`;
      const seen = ids.get(rule.id);
      if (seen)
        issues.push({
          path: `${rat}.id`,
          code: 'RULES_DUPLICATE_ID',
          message: `rule id ${rule.id} is already used at ${seen}`,
        });
      else ids.set(rule.id, rat);
      const from = checkDate(rule.effectiveFrom, `${rat}.effectiveFrom`, issues);
      const to = checkDate(rule.effectiveTo, `${rat}.effectiveTo`, issues);
      if (from !== null && to !== null && to < from) {
        issues.push({
          path: `${rat}.effectiveTo`,
          code: 'RULES_DATE',
          message: 'effectiveTo is before effectiveFrom',
        });
      }
      if ('holders' in rule) checkSelector(rule.holders, `${rat}.holders`, groups, issues);
      if (rule.kind === 'transit')
        checkSelector(rule.airportTransitVisa, `${rat}.airportTransitVisa`, groups, issues);
    });
  });
  return issues;
}

/** Parses and validates an entry-rules file; never throws. */
export function importRules(text: string): RulesImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      issues: [
        { path: '(root)', code: 'RULES_JSON', message: `not JSON: ${(e as Error).message}` },
      ],
    };
  }
  const parsed = EntryRulesFile.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: pathText(i.path),
        code: 'RULES_SCHEMA' as const,
        message: i.message,
      })),
    };
  }
  const issues = checkSemantics(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rules: parsed.data };
}

/** The rules as file text (stable key order, two-space indent), ready for `importRules`. */
export function exportRules(rules: EntryRulesFile): string {
  return `${JSON.stringify(rules, null, 2)}\n`;
}
