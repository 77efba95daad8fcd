import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from './feature-catalogue.ts';
import { forbiddenAttribute } from './forbidden-attributes.ts';
import type { ForbiddenCategory } from './forbidden-attributes.ts';
import { parseProfile } from './profile-parser.ts';

const YAML_PROFILE = `
id: P-CASH-ONEWAY
version: 3
name: One-way cash on a transit route
description: Smuggling indicators from REFERENCE.md
author: alice
effective:
  from: 2026-01-01T00:00:00Z
  to: 2027-01-01T00:00:00Z
threshold: 50
rules:
  - id: cash-oneway
    weight: 30
    when:
      all:
        - { field: oneWay, op: '=', value: true }
        - { field: paymentType, op: '=', value: cash }
  - id: late
    weight: 25
    when: { field: bookingLeadDays, op: '≤', value: 2 }
`;

function leaf(when: unknown): unknown {
  return {
    id: 'X',
    version: 1,
    name: 'x',
    author: 'alice',
    effective: { from: '2026-01-01T00:00:00Z' },
    threshold: 1,
    rules: [{ id: 'r', weight: 1, when }],
  };
}

function issuesOf(input: unknown, format?: 'json' | 'yaml') {
  const r = parseProfile(input, format);
  if (r.ok) throw new Error('expected the profile to be refused');
  return r.issues;
}

describe('YAML and JSON input', () => {
  it('reads a YAML profile with defaults', () => {
    const r = parseProfile(YAML_PROFILE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.status).toBe('draft');
    expect(r.value.rules[1]?.when).toEqual({ field: 'bookingLeadDays', op: '<=', value: 2 });
  });

  it('reads the same profile as JSON', () => {
    const fromYaml = parseProfile(YAML_PROFILE);
    if (!fromYaml.ok) throw new Error('yaml');
    const json = JSON.stringify(fromYaml.value);
    const fromJson = parseProfile(json);
    expect(fromJson).toEqual(fromYaml);
  });

  it('reports a YAML syntax error with its line', () => {
    const [i] = issuesOf('id: x\nrules: [\n  - a: b\n', 'yaml');
    expect(i?.code).toBe('PARSE_ERROR');
    expect(i?.message).toMatch(/line \d+/);
  });

  it('reports a JSON syntax error', () => {
    const [i] = issuesOf('{"id": ', 'json');
    expect(i?.code).toBe('PARSE_ERROR');
    expect(i?.message).toMatch(/^not valid JSON/);
  });

  it('gives the YAML line of a schema error', () => {
    const y = YAML_PROFILE.replace('value: 2 }', "value: 'two' }");
    const bad = issuesOf(y).find((i) => i.code === 'TYPE_MISMATCH');
    expect(bad).toMatchObject({ path: 'rules[1].when.value', line: 20 });
    expect(YAML_PROFILE.split('\n')[19]).toContain('bookingLeadDays');
  });

  it('gives the JSON line of a forbidden attribute', () => {
    const json = JSON.stringify(leaf({ field: 'gender', op: '=', value: 'F' }), null, 2);
    const hit = issuesOf(json).find((i) => i.code === 'FORBIDDEN_ATTRIBUTE');
    expect(hit?.line).toBeDefined();
    expect(json.split('\n')[(hit?.line ?? 0) - 1]).toContain('"gender"');
  });

  it('refuses absurdly deep input with an issue, not a stack overflow', () => {
    const deep = `{"id":"x","description":${'['.repeat(50_000)}${']'.repeat(50_000)},"rules":[{"id":"r","weight":1,"when":${'{"not":'.repeat(5_000)}{"field":"oneWay","exists":true}${'}'.repeat(5_000)}}]}`;
    const issues = issuesOf(deep, 'json');
    expect(issues.length).toBeGreaterThan(0);
  });

  it('names a missing required field', () => {
    const p = leaf({ field: 'origin', exists: true }) as Record<string, unknown>;
    delete p['author'];
    expect(issuesOf(p)).toContainEqual(
      expect.objectContaining({
        path: 'author',
        message: expect.stringMatching(/^'author' is required/),
      }),
    );
  });

  it('refuses a YAML alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill('*' + String.fromCharCode(97 + i))
            .join(', ')}]`,
      ),
    ].join('\n');
    expect(issuesOf(bomb, 'yaml')[0]?.code).toBe('PARSE_ERROR');
  });

  it('refuses a non-object document', () => {
    expect(issuesOf('- a\n- b\n')[0]?.code).toBe('INVALID_PROFILE');
  });
});

describe('precise errors', () => {
  const cases: [string, unknown, string, string, RegExp][] = [
    [
      'unknown field',
      { field: 'seatRow', op: '=', value: 'A' },
      'UNKNOWN_FIELD',
      'rules[0].when.field',
      /unknown field 'seatRow'/,
    ],
    [
      'bad operator',
      { field: 'groupSize', op: '~', value: 1 },
      'BAD_OPERATOR',
      'rules[0].when.op',
      /unknown operator/,
    ],
    [
      'ordering on a string',
      { field: 'origin', op: '<', value: 'A' },
      'BAD_OPERATOR',
      'rules[0].when.op',
      /compares numbers/,
    ],
    [
      'wrong value type',
      { field: 'groupSize', op: '=', value: '3' },
      'TYPE_MISMATCH',
      'rules[0].when.value',
      /number/,
    ],
    [
      'boolean as string',
      { field: 'oneWay', op: '=', value: 'yes' },
      'TYPE_MISMATCH',
      'rules[0].when.value',
      /boolean/,
    ],
    [
      'in on boolean',
      { field: 'oneWay', in: [true] },
      'BAD_OPERATOR',
      'rules[0].when.in',
      /boolean field/,
    ],
    ['empty in', { field: 'origin', in: [] }, 'TYPE_MISMATCH', 'rules[0].when.in', /non-empty/],
    [
      'in with a wrong element',
      { field: 'origin', in: ['IST', 4] },
      'TYPE_MISMATCH',
      'rules[0].when.in[1]',
      /string/,
    ],
    [
      'reversed range',
      { field: 'groupSize', between: [5, 1] },
      'BAD_CONDITION',
      'rules[0].when.between',
      /empty/,
    ],
    [
      'range on string',
      { field: 'origin', between: [1, 2] },
      'BAD_OPERATOR',
      'rules[0].when.between',
      /number field/,
    ],
    [
      'two forms',
      { field: 'origin', in: ['A'], exists: true },
      'BAD_CONDITION',
      'rules[0].when',
      /exactly one/,
    ],
    [
      'group with extra key',
      { all: [{ field: 'origin', exists: true }], any: [] },
      'BAD_CONDITION',
      'rules[0].when',
      /exactly one of all/,
    ],
    ['empty all', { all: [] }, 'BAD_CONDITION', 'rules[0].when.all', /non-empty/],
    [
      'nested unknown',
      { any: [{ field: 'origin', exists: true }, { not: { field: 'shoeSize', exists: true } }] },
      'UNKNOWN_FIELD',
      'rules[0].when.any[1].not.field',
      /shoeSize/,
    ],
    ['not an object', 'oneWay', 'BAD_CONDITION', 'rules[0].when', /must be an object/],
  ];
  it.each(cases)('%s', (_n, when, code, path, message) => {
    const issues = issuesOf(leaf(when));
    expect(issues).toContainEqual(
      expect.objectContaining({ code, path, message: expect.stringMatching(message) }),
    );
  });

  it('refuses an effective window that ends before it starts', () => {
    const p = {
      ...(leaf({ field: 'origin', exists: true }) as object),
      effective: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
    };
    expect(issuesOf(p)).toContainEqual(
      expect.objectContaining({ code: 'EMPTY_WINDOW', path: 'effective.to' }),
    );
  });

  it('refuses a threshold the weights can never reach', () => {
    const p = { ...(leaf({ field: 'origin', exists: true }) as object), threshold: 5 };
    expect(issuesOf(p)).toContainEqual(
      expect.objectContaining({
        path: 'threshold',
        message: expect.stringMatching(/never be reached/),
      }),
    );
  });

  it('refuses an active profile without approval and a self-approved one', () => {
    const p = leaf({ field: 'origin', exists: true }) as object;
    expect(issuesOf({ ...p, status: 'active' })).toContainEqual(
      expect.objectContaining({ code: 'MISSING_APPROVAL' }),
    );
    expect(
      issuesOf({
        ...p,
        status: 'active',
        approval: { approvedBy: ' Alice ', approvedAt: '2026-01-01T00:00:00Z' },
      }),
    ).toContainEqual(
      expect.objectContaining({ code: 'SELF_APPROVAL', path: 'approval.approvedBy' }),
    );
  });

  it('refuses a profile that reaches its threshold on nationality alone', () => {
    const p = {
      ...(leaf({ field: 'documentNationality', in: ['UTO'] }) as object),
      threshold: 10,
      rules: [
        { id: 'nat', weight: 10, when: { field: 'documentNationality', in: ['UTO'] } },
        {
          id: 'res',
          weight: 5,
          when: { not: { field: 'residenceCountry', op: '=', value: 'UTO' } },
        },
        { id: 'cash', weight: 10, when: { field: 'paidInCash', op: '=', value: true } },
      ],
    };
    expect(issuesOf(p)).toContainEqual(
      expect.objectContaining({
        code: 'ORIGIN_ONLY',
        path: 'threshold',
        message: expect.stringMatching(/nat, res/),
      }),
    );
    // With a behavioural indicator needed to reach the threshold it is accepted.
    expect(parseProfile({ ...p, threshold: 20 }).ok).toBe(true);
    const mixed = {
      ...p,
      threshold: 10,
      rules: [
        {
          id: 'both',
          weight: 10,
          when: {
            all: [
              { field: 'documentNationality', in: ['UTO'] },
              { field: 'oneWay', op: '=', value: true },
            ],
          },
        },
      ],
    };
    expect(parseProfile(mixed).ok).toBe(true);
  });

  it('refuses duplicate rule ids and unknown top-level keys', () => {
    const p = leaf({ field: 'origin', exists: true }) as { rules: unknown[] };
    const twice = { ...p, rules: [p.rules[0], p.rules[0]] };
    expect(issuesOf(twice)).toContainEqual(expect.objectContaining({ path: 'rules[1].id' }));
    expect(issuesOf({ ...p, colourScheme: 'x' })[0]?.code).toBe('INVALID_PROFILE');
  });
});

describe('forbidden attributes', () => {
  const cases: [ForbiddenCategory, string][] = [
    ['race-or-ethnic-origin', 'ethnicity'],
    ['race-or-ethnic-origin', 'skinColour'],
    ['race-or-ethnic-origin', 'race'],
    ['race-or-ethnic-origin', 'surname_origin'],
    ['religion-or-belief', 'religion'],
    ['religion-or-belief', 'mealPreference'],
    ['religion-or-belief', 'ssrMOML'],
    ['religion-or-belief', 'halalMeal'],
    ['religion-or-belief', 'kosher'],
    ['political-opinion', 'politicalOpinion'],
    ['trade-union-membership', 'trade_union'],
    ['health', 'wheelchair'],
    ['health', 'ssr.WCHR'],
    ['health', 'medicalCondition'],
    ['health', 'MEDA'],
    ['sex-life-or-sexual-orientation', 'sexualOrientation'],
    ['sex-life-or-sexual-orientation', 'sex_life'],
    ['sex', 'sex'],
    ['sex', 'gender'],
    ['sex', 'title'],
    ['vulnerability', 'asylumSeeker'],
    ['vulnerability', 'unaccompaniedMinor'],
    ['vulnerability', 'UMNR'],
    ['vulnerability', 'cannotSpeakForThemselves'],
    ['vulnerability', 'ageYears'],
    ['vulnerability', 'dateOfBirth'],
  ];

  it.each(cases)('%s: field %s is refused with the rule cited', (category, field) => {
    const issues = issuesOf(leaf({ field, exists: true }));
    const hit = issues.find((i) => i.code === 'FORBIDDEN_ATTRIBUTE');
    expect(hit).toMatchObject({ category, path: 'rules[0].when.field' });
    expect(hit?.message).toMatch(/^forbidden attribute/);
    expect(hit?.rule).toMatch(
      category === 'vulnerability'
        ? /Protocol art\. 5 and 16/
        : /2016\/681 art\. 6\(4\), 7\(6\), 13\(4\); CJEU C-817\/19/,
    );
    // Refused as unlawful, not merely as unknown.
    expect(issues.some((i) => i.code === 'UNKNOWN_FIELD')).toBe(false);
  });

  it('refuses a forbidden SSR code hidden in a value', () => {
    const issues = issuesOf(leaf({ field: 'documentType', in: ['P', 'KSML'] }));
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'FORBIDDEN_ATTRIBUTE',
        category: 'religion-or-belief',
        path: 'rules[0].when.in[1]',
      }),
    );
  });

  it('refuses a forbidden key anywhere in the document', () => {
    const p = { ...(leaf({ field: 'origin', exists: true }) as object), weights: { religion: 5 } };
    expect(issuesOf(p)).toContainEqual(
      expect.objectContaining({ code: 'FORBIDDEN_ATTRIBUTE', path: 'weights.religion' }),
    );
  });

  it('does not flag innocent airport codes or any catalogue feature', () => {
    for (const name of FEATURE_NAMES) expect(forbiddenAttribute(name), name).toBeUndefined();
    expect(parseProfile(leaf({ field: 'destination', in: ['GAY', 'SEX'] })).ok).toBe(true);
  });

  it('refuses every forbidden category in YAML too', () => {
    const y = YAML_PROFILE.replace('field: bookingLeadDays', 'field: religiousAffiliation');
    expect(issuesOf(y)).toContainEqual(
      expect.objectContaining({ code: 'FORBIDDEN_ATTRIBUTE', path: 'rules[1].when.field' }),
    );
  });
});
