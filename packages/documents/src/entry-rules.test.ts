import { describe, expect, it } from 'vitest';
import { rulesText, visaCsv } from '../test/fixtures.ts';
import { exportRules, importRules } from './entry-rules.ts';
import { loadEntryReference, versionFor } from './reference-data.ts';
import { parseIsoDate } from './calendar-date.ts';

// Tests edit arbitrary paths of the JSON to break it on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function edited(mutate: (json: Record<string, any>) => void): string {
  const json = JSON.parse(rulesText());
  mutate(json);
  return JSON.stringify(json);
}

describe('importRules / exportRules', () => {
  it('imports the shipped file, and every rule cites a source', () => {
    const r = importRules(rulesText());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rules = r.rules.destinations.flatMap((d) => d.rules);
    expect(rules.length).toBeGreaterThan(20);
    for (const rule of rules) expect(rule.source.length).toBeGreaterThan(10);
    // Unconfirmed rules say so in their note.
    for (const rule of rules.filter((x) => !x.confirmed)) expect(rule.note ?? '').not.toBe('');
  });

  it('round-trips export → import unchanged', () => {
    const first = importRules(rulesText());
    if (!first.ok) throw new Error('shipped rules invalid');
    const again = importRules(exportRules(first.rules));
    expect(again).toEqual(first);
    expect(exportRules(first.rules)).toBe(exportRules((again as typeof first).rules));
  });

  it.each([
    ['not JSON', '{', 'RULES_JSON', '(root)'],
    ['wrong version format', edited((j) => (j.version = 'rules-1')), 'RULES_SCHEMA', 'version'],
    [
      'unknown rule kind',
      edited((j) => (j.destinations[0].rules[0].kind = 'vibes')),
      'RULES_SCHEMA',
      'destinations[0].rules[0].kind',
    ],
    [
      'missing source',
      edited((j) => delete j.destinations[1].rules[0].source),
      'RULES_SCHEMA',
      'destinations[1].rules[0].source',
    ],
    [
      'empty selector',
      edited((j) => (j.destinations[0].rules[0].holders = {})),
      'RULES_SCHEMA',
      'destinations[0].rules[0].holders',
    ],
    [
      'unknown state',
      edited((j) => j.destinations[0].states.push('ZZZ')),
      'RULES_STATE',
      'destinations[0].states[1]',
    ],
    [
      'unknown group',
      edited((j) => (j.destinations[0].rules[1].holders.states = ['@NOPE'])),
      'RULES_GROUP',
      'destinations[0].rules[1].holders.states[0]',
    ],
    [
      'impossible date',
      edited((j) => (j.destinations[2].rules[0].effectiveFrom = '2009-02-30')),
      'RULES_DATE',
      'destinations[2].rules[0].effectiveFrom',
    ],
    [
      'window ends before it starts',
      edited((j) => (j.destinations[2].rules[0].effectiveTo = '2000-01-01')),
      'RULES_DATE',
      'destinations[2].rules[0].effectiveTo',
    ],
    [
      'duplicate id',
      edited((j) => (j.destinations[1].rules[0].id = 'schengen.etias')),
      'RULES_DUPLICATE_ID',
      'destinations[1].rules[0].id',
    ],
  ])('rejects %s with a precise error', (_name, text, code, path) => {
    const r = importRules(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual(expect.objectContaining({ code, path }));
  });
});

describe('loadEntryReference', () => {
  it('selects the version in force on the arrival date', () => {
    const newer = edited((j) => {
      j.version = 'entry-rules@2026-01-01.1';
      j.effectiveFrom = '2026-01-01';
    });
    const r = loadEntryReference({ visaMatrixCsv: visaCsv(), rulesFiles: [rulesText(), newer] });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(versionFor(r.reference, parseIsoDate('2025-12-31')!)?.version).toBe(
      'entry-rules@2025-01-12.1',
    );
    expect(versionFor(r.reference, parseIsoDate('2026-01-01')!)?.version).toBe(
      'entry-rules@2026-01-01.1',
    );
    expect(versionFor(r.reference, parseIsoDate('2024-01-01')!)).toBeUndefined();
  });

  it('reports rules issues with the file they come from', () => {
    const r = loadEntryReference({ visaMatrixCsv: visaCsv(), rulesFiles: [rulesText(), '[]'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rulesIssues[0]?.path).toMatch(/^rulesFiles\[1\]/);
  });

  it('rejects a load with no rules file', () => {
    const r = loadEntryReference({ visaMatrixCsv: visaCsv(), rulesFiles: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rulesIssues.length).toBeGreaterThan(0);
  });
});
