// The same profiles expressed for json-rules-engine (the baseline the issue names): one
// engine holding every rule of every profile, so each traveller costs one engine run.
import { Engine } from 'json-rules-engine';
import type { NestedCondition, RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { Condition, Profile, TravellerFeatures } from '../src/index.ts';
import { FEATURE_CATALOGUE } from '../src/index.ts';

const OPS: Record<string, string> = {
  '=': 'equal',
  '<': 'lessThan',
  '<=': 'lessThanInclusive',
  '>': 'greaterThan',
  '>=': 'greaterThanInclusive',
};

function leaf(c: Condition): NestedCondition {
  if ('all' in c) return { all: c.all.map(leaf) };
  if ('any' in c) return { any: c.any.map(leaf) };
  if ('not' in c) return { not: leaf(c.not) };
  const list = FEATURE_CATALOGUE[c.field].kind === 'string-list';
  if ('exists' in c)
    return { fact: c.field, operator: list ? 'nonEmpty' : 'known', value: c.exists };
  if ('between' in c) return { fact: c.field, operator: 'between', value: [...c.between] };
  if ('in' in c) return { fact: c.field, operator: list ? 'intersects' : 'in', value: [...c.in] };
  if (list)
    return {
      fact: c.field,
      operator: c.op === '=' ? 'contains' : 'knownNotContains',
      value: c.value,
    };
  return {
    fact: c.field,
    operator: c.op === '!=' ? 'knownNotEqual' : (OPS[c.op] as string),
    value: c.value,
  };
}

function top(c: Condition): TopLevelCondition {
  if ('all' in c) return { all: c.all.map(leaf) };
  if ('any' in c) return { any: c.any.map(leaf) };
  if ('not' in c) return { not: leaf(c.not) };
  return { all: [leaf(c)] };
}

export function buildEngine(profiles: readonly Profile[]): Engine {
  const rules: RuleProperties[] = profiles.flatMap((p) =>
    p.rules.map((r) => ({
      name: `${p.id}/${r.id}`,
      conditions: top(r.when),
      event: { type: 'fired', params: { profile: p.id, weight: r.weight } },
    })),
  );
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  // Paxguard's semantics: a missing value satisfies no comparison; these operators say so.
  engine.addOperator('known', (x: unknown, want: boolean) => (x !== undefined) === want);
  engine.addOperator(
    'nonEmpty',
    (x: readonly string[] | undefined, want: boolean) => (x?.length ?? 0) > 0 === want,
  );
  engine.addOperator(
    'between',
    (x: unknown, [lo, hi]: [number, number]) => typeof x === 'number' && x >= lo && x <= hi,
  );
  engine.addOperator(
    'intersects',
    (x: readonly string[] | undefined, set: string[]) => x?.some((v) => set.includes(v)) === true,
  );
  engine.addOperator(
    'knownNotContains',
    (x: readonly string[] | undefined, v: string) => x?.includes(v) === false,
  );
  engine.addOperator('knownNotEqual', (x: unknown, v: unknown) => x !== undefined && x !== v);
  return engine;
}

/** Scores per profile id for one traveller. */
export async function engineScores(
  engine: Engine,
  f: TravellerFeatures,
): Promise<Map<string, number>> {
  const { events } = await engine.run({ ...f });
  const scores = new Map<string, number>();
  for (const e of events) {
    const p = e.params as { profile: string; weight: number };
    scores.set(p.profile, (scores.get(p.profile) ?? 0) + p.weight);
  }
  return scores;
}
