// Checks one raw condition tree against the feature catalogue and the denylist, and turns it
// into the canonical form the compiler takes. Every mistake gets its own code and path.
import { FEATURE_CATALOGUE, FEATURE_NAMES, isFeatureName } from './feature-catalogue.ts';
import type { FeatureKind, FeatureName } from './feature-catalogue.ts';
import { forbiddenAttribute } from './forbidden-attributes.ts';
import { formatPath } from './profile-issues.ts';
import type { ProfileIssue } from './profile-issues.ts';

export type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | {
      readonly field: FeatureName;
      readonly op: Comparator;
      readonly value: string | number | boolean;
    }
  | { readonly field: FeatureName; readonly in: readonly (string | number)[] }
  | { readonly field: FeatureName; readonly between: readonly [number, number] }
  | { readonly field: FeatureName; readonly exists: boolean };

const OPERATORS: Readonly<Record<string, Comparator>> = {
  '=': '=',
  '==': '=',
  eq: '=',
  '!=': '!=',
  '≠': '!=',
  '<>': '!=',
  ne: '!=',
  '<': '<',
  lt: '<',
  '<=': '<=',
  '≤': '<=',
  le: '<=',
  '>': '>',
  gt: '>',
  '>=': '>=',
  '≥': '>=',
  ge: '>=',
};

const FIELD_FORMS = ['op', 'in', 'between', 'exists'] as const;
const MAX_DEPTH = 16;

type Path = readonly PropertyKey[];
type Report = (issue: ProfileIssue) => void;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function valueKind(v: unknown): string {
  if (Array.isArray(v)) return 'list';
  if (v === null) return 'null';
  return typeof v;
}

function issue(report: Report, code: ProfileIssue['code'], path: Path, message: string): void {
  report({ code, message, path: formatPath(path) });
}

/** Refuses forbidden names and values (SSR codes such as MOML or WCHR are at least 4 letters). */
function checkForbidden(text: string, path: Path, what: string, report: Report): boolean {
  if (what === 'value' && text.length < 4) return false;
  const hit = forbiddenAttribute(text);
  if (!hit) return false;
  report({
    code: 'FORBIDDEN_ATTRIBUTE',
    message: `forbidden attribute: ${what} '${text}' reveals ${hit.category} (matched '${hit.term}'); ${hit.rule}`,
    path: formatPath(path),
    category: hit.category,
    rule: hit.rule,
  });
  return true;
}

function checkScalar(
  kind: FeatureKind,
  field: string,
  v: unknown,
  path: Path,
  report: Report,
): boolean {
  if (typeof v === 'string' && checkForbidden(v, path, 'value', report)) return false;
  const want = kind === 'string-list' ? 'string' : kind;
  if (typeof v !== want || (typeof v === 'number' && !Number.isFinite(v))) {
    issue(
      report,
      'TYPE_MISMATCH',
      path,
      `field '${field}' is ${kind}; expected a ${want} value, got ${valueKind(v)}`,
    );
    return false;
  }
  return true;
}

function checkLeaf(
  raw: Record<string, unknown>,
  path: Path,
  report: Report,
): Condition | undefined {
  const field = raw['field'];
  if (typeof field !== 'string' || field.length === 0) {
    issue(
      report,
      'BAD_CONDITION',
      [...path, 'field'],
      'field must be a non-empty string naming a catalogue feature',
    );
    return undefined;
  }
  if (checkForbidden(field, [...path, 'field'], 'field', report)) return undefined;
  if (!isFeatureName(field)) {
    issue(
      report,
      'UNKNOWN_FIELD',
      [...path, 'field'],
      `unknown field '${field}'; the catalogue has: ${FEATURE_NAMES.join(', ')}`,
    );
    return undefined;
  }
  const kind = FEATURE_CATALOGUE[field].kind;
  const forms = FIELD_FORMS.filter((k) => k in raw);
  const extra = Object.keys(raw).filter(
    (k) => k !== 'field' && k !== 'value' && !(FIELD_FORMS as readonly string[]).includes(k),
  );
  if (extra.length > 0) {
    issue(
      report,
      'BAD_CONDITION',
      path,
      `unexpected key(s) ${extra.map((k) => `'${k}'`).join(', ')} in a condition on '${field}'`,
    );
    return undefined;
  }
  if (forms.length !== 1) {
    issue(
      report,
      'BAD_CONDITION',
      path,
      `a condition on '${field}' needs exactly one of op/value, in, between, exists; got ${forms.length === 0 ? 'none' : forms.join(', ')}`,
    );
    return undefined;
  }
  const form = forms[0];
  if (form !== 'op' && 'value' in raw) {
    issue(
      report,
      'BAD_CONDITION',
      [...path, 'value'],
      `'value' goes with 'op', not with '${form}'`,
    );
    return undefined;
  }
  if (form === 'exists') {
    if (typeof raw['exists'] !== 'boolean') {
      issue(
        report,
        'TYPE_MISMATCH',
        [...path, 'exists'],
        `exists must be true or false, got ${valueKind(raw['exists'])}`,
      );
      return undefined;
    }
    return { field, exists: raw['exists'] };
  }
  if (form === 'between') {
    const b = raw['between'];
    if (kind !== 'number') {
      issue(
        report,
        'BAD_OPERATOR',
        [...path, 'between'],
        `between needs a number field; '${field}' is ${kind}`,
      );
      return undefined;
    }
    if (
      !Array.isArray(b) ||
      b.length !== 2 ||
      !b.every((x) => typeof x === 'number' && Number.isFinite(x))
    ) {
      issue(
        report,
        'TYPE_MISMATCH',
        [...path, 'between'],
        'between must be [low, high], two finite numbers',
      );
      return undefined;
    }
    const [lo, hi] = b as [number, number];
    if (lo > hi) {
      issue(
        report,
        'BAD_CONDITION',
        [...path, 'between'],
        `between [${lo}, ${hi}] is empty: low is above high`,
      );
      return undefined;
    }
    return { field, between: [lo, hi] };
  }
  if (form === 'in') {
    const list = raw['in'];
    if (kind === 'boolean') {
      issue(
        report,
        'BAD_OPERATOR',
        [...path, 'in'],
        `in does not apply to the boolean field '${field}'; use op '='`,
      );
      return undefined;
    }
    if (!Array.isArray(list) || list.length === 0) {
      issue(report, 'TYPE_MISMATCH', [...path, 'in'], 'in must be a non-empty list');
      return undefined;
    }
    let good = true;
    list.forEach((v, i) => {
      if (!checkScalar(kind, field, v, [...path, 'in', i], report)) good = false;
    });
    return good ? { field, in: list as (string | number)[] } : undefined;
  }
  const rawOp = raw['op'];
  const op = typeof rawOp === 'string' ? OPERATORS[rawOp] : undefined;
  if (!op) {
    issue(
      report,
      'BAD_OPERATOR',
      [...path, 'op'],
      `unknown operator ${JSON.stringify(rawOp)}; use one of =, ≠ (!=), <, ≤ (<=), >, ≥ (>=)`,
    );
    return undefined;
  }
  if (!('value' in raw)) {
    issue(report, 'BAD_CONDITION', [...path, 'value'], `op '${op}' needs a value`);
    return undefined;
  }
  if (op !== '=' && op !== '!=' && kind !== 'number') {
    issue(
      report,
      'BAD_OPERATOR',
      [...path, 'op'],
      `'${op}' compares numbers; '${field}' is ${kind}`,
    );
    return undefined;
  }
  const value = raw['value'];
  if (!checkScalar(kind, field, value, [...path, 'value'], report)) return undefined;
  return { field, op, value: value as string | number | boolean };
}

/** Returns the canonical condition, or undefined after reporting at least one issue. */
export function checkCondition(
  raw: unknown,
  path: Path,
  report: Report,
  depth = 0,
): Condition | undefined {
  if (depth > MAX_DEPTH) {
    issue(report, 'BAD_CONDITION', path, `conditions nest deeper than ${MAX_DEPTH} levels`);
    return undefined;
  }
  if (!isRecord(raw)) {
    issue(report, 'BAD_CONDITION', path, `a condition must be an object, got ${valueKind(raw)}`);
    return undefined;
  }
  for (const key of Object.keys(raw)) checkForbidden(key, [...path, key], 'key', report);
  const groups = (['all', 'any', 'not'] as const).filter((k) => k in raw);
  if (groups.length > 0) {
    if (groups.length > 1 || Object.keys(raw).length > 1) {
      issue(
        report,
        'BAD_CONDITION',
        path,
        `a group holds exactly one of all / any / not and nothing else; got ${Object.keys(raw).join(', ')}`,
      );
      return undefined;
    }
    const g = groups[0] as 'all' | 'any' | 'not';
    if (g === 'not') {
      const inner = checkCondition(raw['not'], [...path, 'not'], report, depth + 1);
      return inner ? { not: inner } : undefined;
    }
    const list = raw[g];
    if (!Array.isArray(list) || list.length === 0) {
      issue(report, 'BAD_CONDITION', [...path, g], `${g} must be a non-empty list of conditions`);
      return undefined;
    }
    const out: Condition[] = [];
    let good = true;
    list.forEach((c, i) => {
      const checked = checkCondition(c, [...path, g, i], report, depth + 1);
      if (checked) out.push(checked);
      else good = false;
    });
    if (!good) return undefined;
    return g === 'all' ? { all: out } : { any: out };
  }
  if (!('field' in raw)) {
    issue(
      report,
      'BAD_CONDITION',
      path,
      `a condition needs 'field' or one of all / any / not; got keys ${Object.keys(raw).join(', ') || '(none)'}`,
    );
    return undefined;
  }
  return checkLeaf(raw, path, report);
}

/** Every catalogue field a condition mentions. */
export function conditionFields(c: Condition, out = new Set<FeatureName>()): Set<FeatureName> {
  if ('all' in c) c.all.forEach((x) => conditionFields(x, out));
  else if ('any' in c) c.any.forEach((x) => conditionFields(x, out));
  else if ('not' in c) conditionFields(c.not, out);
  else out.add(c.field);
  return out;
}
