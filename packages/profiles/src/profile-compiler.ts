// Compiles a validated profile into closures once, so that evaluating a traveller is a few
// property reads and comparisons: no tree walking, no operator lookup, sets for `in` lists.
import type { Condition } from './condition-checker.ts';
import { FEATURE_CATALOGUE, FEATURE_INDEX, toFeatureVector } from './feature-catalogue.ts';
import type { FeatureValue, FeatureVector, TravellerFeatures } from './feature-catalogue.ts';
import { ok } from './profile-issues.ts';
import type { ProfileResult } from './profile-issues.ts';
import { parseProfile } from './profile-parser.ts';
import type { Profile } from './profile-schema.ts';

type Test = (f: FeatureVector) => boolean;
interface Node {
  readonly test: Test;
  /** Only called for rules that fired: says what held, with the traveller's actual values. */
  readonly describe: (f: FeatureVector) => string;
}

export interface FiredRule {
  readonly ruleId: string;
  readonly weight: number;
  readonly explanation: string;
}

export interface ProfileEvaluation {
  readonly score: number;
  readonly hit: boolean;
  readonly fired: readonly FiredRule[];
}

export interface CompiledProfile {
  readonly profile: Profile;
  readonly id: string;
  readonly version: number;
  readonly threshold: number;
  /** Score, hit and an explanation for every rule that fired. */
  evaluate(features: TravellerFeatures): ProfileEvaluation;
  /** The score alone, allocation-free, for back-tests and bulk screening. */
  score(features: TravellerFeatures): number;
  /** The same on a vector from `toFeatureVector`, built once per traveller for many profiles. */
  evaluateVector(vector: FeatureVector): ProfileEvaluation;
  scoreVector(vector: FeatureVector): number;
}

/** The explanation is written only when someone reads it: most fired rules never reach a hit. */
class Fired implements FiredRule {
  private text: string | undefined;
  constructor(
    readonly ruleId: string,
    readonly weight: number,
    private readonly explain: string | undefined,
    private readonly node: Node,
    private readonly features: FeatureVector,
  ) {}
  get explanation(): string {
    this.text ??= this.explain
      ? `${this.explain}: ${this.node.describe(this.features)}`
      : this.node.describe(this.features);
    return this.text;
  }
  toJSON(): { ruleId: string; weight: number; explanation: string } {
    return { ruleId: this.ruleId, weight: this.weight, explanation: this.explanation };
  }
}

const NOTHING: ProfileEvaluation = Object.freeze({
  score: 0,
  hit: false,
  fired: Object.freeze([]) as readonly FiredRule[],
});

function show(v: FeatureValue): string {
  if (v === undefined) return 'unknown';
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return String(v);
}

function compileLeaf(
  c: Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>,
): Node {
  const field = c.field;
  const spec = FEATURE_CATALOGUE[field];
  const ix = FEATURE_INDEX[field];
  const isList = spec.kind === 'string-list';
  const was = (f: FeatureVector): string => `(was ${show(f[ix])})`;
  if ('exists' in c) {
    const want = c.exists;
    const test: Test = isList
      ? (f) => ((f[ix] as readonly string[] | undefined)?.length ?? 0) > 0 === want
      : (f) => (f[ix] !== undefined) === want;
    return { test, describe: (f) => `${field} ${want ? 'is known' : 'is unknown'} ${was(f)}` };
  }
  if ('between' in c) {
    const [lo, hi] = c.between;
    const test: Test = (f) => {
      const x = f[ix] as number;
      return x >= lo && x <= hi;
    };
    return { test, describe: (f) => `${field} between ${lo} and ${hi} ${was(f)}` };
  }
  if ('in' in c) {
    const set = new Set<string | number>(c.in);
    const list = c.in.join(', ');
    const test: Test = isList
      ? (f) => {
          const xs = f[ix] as readonly string[] | undefined;
          if (xs === undefined) return false;
          for (let i = 0; i < xs.length; i++) if (set.has(xs[i] as string)) return true;
          return false;
        }
      : (f) => set.has(f[ix] as string | number);
    return { test, describe: (f) => `${field} in {${list}} ${was(f)}` };
  }
  const v = c.value;
  const text = `${field} ${c.op === '!=' ? '≠' : c.op.replace('<=', '≤').replace('>=', '≥')} ${String(v)}`;
  let test: Test;
  // A missing value satisfies no comparison, not even ≠: absence is tested with `exists`.
  switch (c.op) {
    case '=':
      test = isList
        ? (f) => (f[ix] as readonly string[] | undefined)?.includes(v as string) === true
        : (f) => f[ix] === v;
      break;
    case '!=':
      test = isList
        ? (f) => (f[ix] as readonly string[] | undefined)?.includes(v as string) === false
        : (f) => {
            const x = f[ix];
            return x !== undefined && x !== v;
          };
      break;
    case '<':
      test = (f) => (f[ix] as number) < (v as number);
      break;
    case '<=':
      test = (f) => (f[ix] as number) <= (v as number);
      break;
    case '>':
      test = (f) => (f[ix] as number) > (v as number);
      break;
    case '>=':
      test = (f) => (f[ix] as number) >= (v as number);
      break;
  }
  return { test, describe: (f) => `${text} ${was(f)}` };
}

function compileCondition(c: Condition): Node {
  if ('all' in c) {
    const parts = c.all.map(compileCondition);
    const tests = parts.map((p) => p.test);
    const [a, b] = tests as [Test, Test | undefined];
    const test: Test =
      tests.length === 1
        ? a
        : tests.length === 2 && b
          ? (f) => a(f) && b(f)
          : (f) => {
              for (let i = 0; i < tests.length; i++) if (!(tests[i] as Test)(f)) return false;
              return true;
            };
    return { test, describe: (f) => parts.map((p) => p.describe(f)).join(' AND ') };
  }
  if ('any' in c) {
    const parts = c.any.map(compileCondition);
    const tests = parts.map((p) => p.test);
    const [a, b] = tests as [Test, Test | undefined];
    const test: Test =
      tests.length === 1
        ? a
        : tests.length === 2 && b
          ? (f) => a(f) || b(f)
          : (f) => {
              for (let i = 0; i < tests.length; i++) if ((tests[i] as Test)(f)) return true;
              return false;
            };
    return {
      test,
      describe: (f) =>
        parts
          .filter((p) => p.test(f))
          .map((p) => p.describe(f))
          .join(' OR '),
    };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not);
    const t = inner.test;
    return { test: (f) => !t(f), describe: (f) => `NOT (${inner.describe(f)})` };
  }
  return compileLeaf(c);
}

/** Validates (JSON/YAML text or object) and compiles; refuses anything parseProfile refuses. */
export function compileProfile(input: unknown): ProfileResult<CompiledProfile> {
  const parsed = parseProfile(input);
  if (!parsed.ok) return parsed;
  const profile = parsed.value;
  const rules = profile.rules.map((r) => ({
    id: r.id,
    weight: r.weight,
    explain: r.explain,
    node: compileCondition(r.when),
  }));
  const tests = rules.map((r) => r.node.test);
  const weights = rules.map((r) => r.weight);
  const n = rules.length;
  const threshold = profile.threshold;
  const scoreVector = (f: FeatureVector): number => {
    let s = 0;
    for (let i = 0; i < n; i++) if ((tests[i] as Test)(f)) s += weights[i] as number;
    return s;
  };
  const scratch = new Int32Array(n);
  const evaluateVector = (f: FeatureVector): ProfileEvaluation => {
    let s = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (!(tests[i] as Test)(f)) continue;
      s += weights[i] as number;
      scratch[count++] = i;
    }
    if (count === 0) return NOTHING;
    const fired: FiredRule[] = new Array<FiredRule>(count);
    for (let k = 0; k < count; k++) {
      const r = rules[scratch[k] as number] as (typeof rules)[number];
      fired[k] = new Fired(r.id, r.weight, r.explain, r.node, f);
    }
    return { score: s, hit: s >= threshold, fired };
  };
  return ok({
    profile,
    id: profile.id,
    version: profile.version,
    threshold,
    evaluate: (features) => evaluateVector(toFeatureVector(features)),
    score: (features) => scoreVector(toFeatureVector(features)),
    evaluateVector,
    scoreVector,
  });
}
