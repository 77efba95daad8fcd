// Entry-requirements reference data: the visa matrix plus the compiled entry rules, versioned.
// Several versions can be loaded at once; the arrival date picks the one in force.
import type { EntryRule, EntryRulesFile, Selector } from './entry-rules-schema.ts';
import type { MatrixRequirement, VisaMatrix } from './visa-matrix.ts';
import { parseIsoDate } from './calendar-date.ts';
import { lookupStateCode } from './state-codes.ts';
import { importRules, type RulesIssue } from './entry-rules.ts';
import { parseVisaMatrixCsv, type CsvIssue } from './visa-matrix.ts';

/** `entry-rules@YYYY-MM-DD.N`, named on every verdict. */
export type ReferenceDataVersion = string;

export interface CompiledSelector {
  all: boolean;
  states: ReadonlySet<string> | null;
  matrix: ReadonlySet<string> | null;
  except: ReadonlySet<string> | null;
}

export interface CompiledRule<R extends EntryRule = EntryRule> {
  rule: R;
  fromDay: number;
  toDay: number;
  holders: CompiledSelector | null;
  airportTransitVisa: CompiledSelector | null;
}

type Of<K extends EntryRule['kind']> = CompiledRule<Extract<EntryRule, { kind: K }>>;

export interface DestinationProfile {
  validity: Of<'passport-validity'>[];
  accepted: Of<'accepted-documents'>[];
  authorisations: Of<'travel-authorisation'>[];
  transit: Of<'transit'>[];
  crew: Of<'crew'>[];
  minors: Of<'minors'>[];
}

export interface ReferenceVersion {
  version: ReferenceDataVersion;
  fromDay: number;
  rules: EntryRulesFile;
  matrix: VisaMatrix;
  passportTypes: ReadonlySet<string>;
  visaTypes: ReadonlySet<string>;
  etaTypes: ReadonlySet<string>;
  crewCertificateTypes: ReadonlySet<string>;
  /** Keyed by the destination's country (D and DEU both → DEU). */
  destinations: ReadonlyMap<string, DestinationProfile>;
}

export interface EntryReference {
  /** Versions, newest first. */
  readonly versions: readonly ReferenceVersion[];
}

const NEVER = 1e9;

function countryOf(code: string): string {
  return lookupStateCode(code)?.country ?? code;
}

function expand(
  refs: readonly string[] | undefined,
  groups: Record<string, string[]>,
): Set<string> | null {
  if (!refs) return null;
  const out = new Set<string>();
  for (const ref of refs) {
    const codes = ref.startsWith('@') ? (groups[ref.slice(1)] ?? []) : [ref];
    for (const c of codes) out.add(countryOf(c));
  }
  return out;
}

function compileSelector(
  sel: Selector | undefined,
  groups: Record<string, string[]>,
): CompiledSelector | null {
  if (!sel) return null;
  return {
    all: sel.all === true,
    states: expand(sel.states, groups),
    matrix: sel.matrix ? new Set(sel.matrix) : null,
    except: expand(sel.except, groups),
  };
}

/** Does the selector pick this nationality (already mapped to its matrix country)? */
export function selects(
  sel: CompiledSelector | null,
  country: string,
  req: MatrixRequirement | undefined,
): boolean {
  if (!sel) return false;
  if (sel.except?.has(country)) return false;
  if (sel.all) return true;
  if (sel.states?.has(country)) return true;
  return sel.matrix !== null && req !== undefined && sel.matrix.has(req.kind);
}

export function ruleInForce(r: CompiledRule, day: number): boolean {
  return r.rule.inForce && day >= r.fromDay && day <= r.toDay;
}

function emptyProfile(): DestinationProfile {
  return { validity: [], accepted: [], authorisations: [], transit: [], crew: [], minors: [] };
}

function addRule(p: DestinationProfile, c: CompiledRule): void {
  const r = c.rule;
  // The casts are safe: each list only receives rules of its kind.
  if (r.kind === 'passport-validity') p.validity.push(c as Of<'passport-validity'>);
  else if (r.kind === 'accepted-documents') p.accepted.push(c as Of<'accepted-documents'>);
  else if (r.kind === 'travel-authorisation')
    p.authorisations.push(c as Of<'travel-authorisation'>);
  else if (r.kind === 'transit') p.transit.push(c as Of<'transit'>);
  else if (r.kind === 'crew') p.crew.push(c as Of<'crew'>);
  else p.minors.push(c as Of<'minors'>);
}

/** Compiles validated rules and a parsed matrix into one version. */
export function compileReferenceVersion(
  rules: EntryRulesFile,
  matrix: VisaMatrix,
): ReferenceVersion {
  const destinations = new Map<string, DestinationProfile>();
  for (const dest of rules.destinations) {
    const countries = expand(dest.states, rules.groups) ?? new Set<string>();
    const compiled = dest.rules.map<CompiledRule>((rule) => ({
      rule,
      fromDay: rule.effectiveFrom ? (parseIsoDate(rule.effectiveFrom) ?? NEVER) : -NEVER,
      toDay: rule.effectiveTo ? (parseIsoDate(rule.effectiveTo) ?? -NEVER) : NEVER,
      holders: 'holders' in rule ? compileSelector(rule.holders, rules.groups) : null,
      airportTransitVisa:
        rule.kind === 'transit' ? compileSelector(rule.airportTransitVisa, rules.groups) : null,
    }));
    for (const country of countries) {
      let profile = destinations.get(country);
      if (!profile) destinations.set(country, (profile = emptyProfile()));
      for (const c of compiled) addRule(profile, c);
    }
  }
  return {
    version: rules.version,
    fromDay: parseIsoDate(rules.effectiveFrom) ?? NEVER,
    rules,
    matrix,
    passportTypes: new Set(rules.baseline.passportTypes),
    visaTypes: new Set(rules.baseline.visaTypes),
    etaTypes: new Set(rules.baseline.etaTypes),
    crewCertificateTypes: new Set(rules.baseline.crewCertificateTypes),
    destinations,
  };
}

export function createEntryReference(versions: readonly ReferenceVersion[]): EntryReference {
  return { versions: [...versions].sort((a, b) => b.fromDay - a.fromDay) };
}

/** The version in force on an arrival day, or undefined when every version starts later. */
export function versionFor(ref: EntryReference, day: number): ReferenceVersion | undefined {
  for (const v of ref.versions) if (v.fromDay <= day) return v;
  return undefined;
}

export type LoadReferenceResult =
  | { ok: true; reference: EntryReference; matrixIssues: CsvIssue[] }
  | { ok: false; rulesIssues: RulesIssue[]; matrixIssues: CsvIssue[] };

/**
 * One-call loader for a service: the text of `data/visa-requirements/passport-index-tidy-iso3.csv`
 * and of one or more `entry-rules` files (each a version). Rejected as a whole if any is invalid.
 */
export function loadEntryReference(input: {
  visaMatrixCsv: string;
  rulesFiles: readonly string[];
}): LoadReferenceResult {
  const matrix = parseVisaMatrixCsv(input.visaMatrixCsv);
  const rulesIssues: RulesIssue[] = [];
  if (input.rulesFiles.length === 0) {
    rulesIssues.push({
      path: 'rulesFiles',
      code: 'RULES_SCHEMA',
      message: 'at least one entry-rules file is needed',
    });
  }
  const versions: ReferenceVersion[] = [];
  input.rulesFiles.forEach((text, i) => {
    const r = importRules(text);
    if (!r.ok)
      rulesIssues.push(...r.issues.map((x) => ({ ...x, path: `rulesFiles[${i}].${x.path}` })));
    else if (matrix.ok) versions.push(compileReferenceVersion(r.rules, matrix.matrix));
  });
  if (!matrix.ok || rulesIssues.length > 0 || versions.length === 0) {
    return { ok: false, rulesIssues, matrixIssues: matrix.issues };
  }
  return { ok: true, reference: createEntryReference(versions), matrixIssues: matrix.issues };
}
