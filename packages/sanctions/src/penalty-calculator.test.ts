import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARR,
  admitted,
  answer,
  claimed,
  facts,
  refused,
  removed,
  verdict,
} from '../test-support/facts-builder.ts';
import { loadProfile } from '../test-support/profiles.ts';
import type { CarrierFacts } from './carrier-facts.ts';
import type { InfringementCode } from './codes.ts';
import { InfringementCode as Codes } from './codes.ts';
import type { Infringement } from './infringement.ts';
import { infringementKey } from './infringement.ts';
import { detectInfringements } from './infringement-rules.ts';
import type { JurisdictionProfile } from './jurisdiction-schema.ts';
import type { PenaltyContext } from './penalty-calculator.ts';
import { computePenalty } from './penalty-calculator.ts';

const asOf = new Date(ARR + 30 * 86_400_000);
const noVisa = (id = 'P1') => refused(id, 'no-visa-or-travel-authorisation');
const falseDoc = (id = 'P1') => refused(id, 'false-or-falsified-document');
const late = {
  submissions: [
    {
      id: 'm',
      kind: 'manifest' as const,
      listType: 'passenger' as const,
      receivedAt: new Date(ARR).toISOString(),
      declaredCount: 3,
      travellerIds: ['P1', 'P2'],
      missingElements: [],
    },
  ],
};

type Row = [
  profile: string,
  scenario: string,
  facts: CarrierFacts,
  context: PenaltyContext,
  totalMinor: number,
  exemptions: string[],
];
const rows: Row[] = [
  // EU Directive 2001/51/EC, per person
  [
    'eu-2001-51-per-person',
    'one improperly documented passenger',
    facts({ outcomes: [noVisa()] }),
    {},
    500000,
    [],
  ],
  [
    'eu-2001-51-per-person',
    'two improperly documented passengers',
    facts({ outcomes: [noVisa('P1'), noVisa('P2')] }),
    {},
    1000000,
    [],
  ],
  [
    'eu-2001-51-per-person',
    'protection claim: no penalty (art. 4(2))',
    facts({ outcomes: [noVisa(), claimed('P1')] }),
    {},
    0,
    ['PROTECTION_CLAIM'],
  ],
  [
    'eu-2001-51-per-person',
    'OK to board relied on',
    facts({ outcomes: [noVisa()], answers: [answer('P1', 'board', -60)] }),
    {},
    0,
    ['OK_TO_BOARD_RELIED'],
  ],
  [
    'eu-2001-51-per-person',
    'OK to board given on data contradicted at arrival is no defence',
    facts({
      outcomes: [
        {
          ...noVisa(),
          apiDiscrepancies: [{ element: 'document number', reported: 'A1', observed: 'B2' }],
        },
      ],
      answers: [answer('P1', 'board', -60)],
    }),
    {},
    500000,
    [],
  ],
  [
    'eu-2001-51-per-person',
    'insufficient-data answer is no defence',
    facts({ outcomes: [noVisa()], answers: [answer('P1', 'insufficient-data', -60)] }),
    {},
    500000,
    [],
  ],
  [
    'eu-2001-51-per-person',
    'falsity not reasonably apparent',
    facts({ outcomes: [falseDoc()], documentVerdicts: [verdict('P1', false)] }),
    {},
    0,
    ['DOCUMENT_FALSITY_NOT_APPARENT'],
  ],
  [
    'eu-2001-51-per-person',
    'adequate precautions accepted',
    facts({ outcomes: [noVisa()] }),
    {
      assessments: [
        {
          exemption: 'ADEQUATE_PRECAUTIONS',
          infringementKey: '*',
          accepted: true,
          reason: 'document check logged with scan',
          by: 'reg-1',
        },
      ],
    },
    0,
    ['ADEQUATE_PRECAUTIONS'],
  ],
  [
    'eu-2001-51-per-person',
    'adequate precautions rejected',
    facts({ outcomes: [noVisa()] }),
    {
      assessments: [
        {
          exemption: 'ADEQUATE_PRECAUTIONS',
          infringementKey: '*',
          accepted: false,
          reason: 'no check recorded',
          by: 'reg-1',
        },
      ],
    },
    500000,
    [],
  ],
  [
    'eu-2001-51-per-person',
    'return costs borne by the State',
    facts({ outcomes: [refused('P1', 'other'), removed('P1', 'ZZ', 123456)] }),
    {},
    123456,
    [],
  ],
  ['eu-2001-51-per-person', 'late API has no schedule here', facts({ ...late }), {}, 0, []],
  // EU 2001/51 lump sum
  [
    'eu-2001-51-lump-sum',
    'three passengers on one journey: one lump sum',
    facts({ outcomes: [noVisa('P1'), noVisa('P2'), noVisa('P3')] }, ['P1', 'P2', 'P3']),
    {},
    50000000,
    [],
  ],
  [
    'eu-2001-51-lump-sum',
    'protection claim exempts',
    facts({ outcomes: [noVisa(), claimed('P1')] }),
    {},
    0,
    ['PROTECTION_CLAIM'],
  ],
  // EU API
  [
    'eu-api',
    'late and incomplete on one journey: capped per journey',
    facts({ ...late }),
    {},
    500000,
    [],
  ],
  [
    'eu-api',
    'not transmitted',
    facts({ submissions: [], outcomes: [admitted('P1')] }),
    {},
    500000,
    [],
  ],
  [
    'eu-api',
    'two contradicted travellers: one journey',
    facts({
      outcomes: [
        admitted('P1', { apiDiscrepancies: [{ element: 'name', reported: 'A', observed: 'B' }] }),
        admitted('P2', { apiDiscrepancies: [{ element: 'name', reported: 'C', observed: 'D' }] }),
      ],
    }),
    {},
    500000,
    [],
  ],
  [
    'eu-api',
    'adequate precautions on API',
    facts({ submissions: [], outcomes: [admitted('P1')] }),
    {
      assessments: [
        {
          exemption: 'ADEQUATE_PRECAUTIONS',
          infringementKey: '*',
          accepted: true,
          reason: 'outage of the State router',
          by: 'reg',
        },
      ],
    },
    0,
    ['ADEQUATE_PRECAUTIONS'],
  ],
  [
    'eu-api',
    'improperly documented has no schedule in API rules',
    facts({ outcomes: [noVisa()] }),
    {},
    0,
    [],
  ],
  // UK s.40
  ['uk-iaa-1999-s40', 'one passenger', facts({ outcomes: [noVisa()] }), {}, 200000, []],
  [
    'uk-iaa-1999-s40',
    'false document, falsity not apparent: no charge',
    facts({ outcomes: [falseDoc()], documentVerdicts: [verdict('P1', false)] }),
    {},
    0,
    ['DOCUMENT_FALSITY_NOT_APPARENT'],
  ],
  [
    'uk-iaa-1999-s40',
    'false document not produced at boarding: charged',
    facts({ outcomes: [falseDoc()], documentVerdicts: [verdict('P1', false, false)] }),
    {},
    200000,
    [],
  ],
  [
    'uk-iaa-1999-s40',
    'OK to board (authority to carry) relied on',
    facts({ outcomes: [noVisa()], answers: [answer('P1', 'board', -60)] }),
    {},
    0,
    ['OK_TO_BOARD_RELIED'],
  ],
  [
    'uk-iaa-1999-s40',
    'no-board ignored',
    facts({ outcomes: [admitted('P1')], answers: [answer('P1', 'no-board', -60)] }),
    {},
    1000000,
    [],
  ],
  [
    'uk-iaa-1999-s40',
    'protection claim',
    facts({ outcomes: [noVisa(), claimed('P1')] }),
    {},
    0,
    ['PROTECTION_CLAIM'],
  ],
  [
    'uk-iaa-1999-s40',
    'documents produced at embarkation, arrived without them: no charge (s.40(4))',
    facts({
      outcomes: [refused('P1', 'no-valid-travel-document')],
      documentVerdicts: [{ ...verdict('P1', false), verdict: 'valid' }],
    }),
    {},
    0,
    ['DOCUMENT_FALSITY_NOT_APPARENT'],
  ],
  [
    'uk-iaa-1999-s40',
    'no visa and no document check at boarding: charged',
    facts({
      outcomes: [noVisa()],
      documentVerdicts: [{ ...verdict('P1', false), verdict: 'not-checked' }],
    }),
    {},
    200000,
    [],
  ],
  [
    'ca-irpr',
    'directed not to carry: full fee even in the best MOU tier (s.280(2)(a))',
    facts({ outcomes: [admitted('P1'), noVisa('P2')], answers: [answer('P1', 'no-board', -60)] }),
    { performanceTierId: 'mou-4' },
    320000,
    [],
  ],
  // US INA §273
  ['us-ina-273', 'one alien', facts({ outcomes: [noVisa()] }), {}, 300000, []],
  [
    'us-ina-273',
    'reasonable diligence accepted for this traveller',
    facts({ outcomes: [noVisa()] }),
    {
      assessments: [
        {
          exemption: 'REASONABLE_DILIGENCE',
          infringementKey: infringementKey(
            'IMPROPERLY_DOCUMENTED_CARRIED',
            'XY101/2026-03-01',
            'P1',
          ),
          accepted: true,
          reason: 'visa verified against the State database',
          by: 'cbp-1',
        },
      ],
    },
    0,
    ['REASONABLE_DILIGENCE'],
  ],
  [
    'us-ina-273',
    'falsity not apparent is not a US exemption in this profile',
    facts({ outcomes: [falseDoc()], documentVerdicts: [verdict('P1', false)] }),
    {},
    300000,
    [],
  ],
  [
    'us-ina-273',
    'OK to board relied on',
    facts({ outcomes: [noVisa()], answers: [answer('P1', 'board', -60)] }),
    {},
    0,
    ['OK_TO_BOARD_RELIED'],
  ],
  [
    'us-ina-273',
    'protection claim',
    facts({ outcomes: [noVisa(), claimed('P1')] }),
    {},
    0,
    ['PROTECTION_CLAIM'],
  ],
  // Canada IRPR
  ['ca-irpr', 'no MOU: full fee', facts({ outcomes: [noVisa()] }), {}, 320000, []],
  [
    'ca-irpr',
    'MOU tier 1',
    facts({ outcomes: [noVisa()] }),
    { performanceTierId: 'mou-1' },
    240000,
    [],
  ],
  [
    'ca-irpr',
    'MOU tier 2',
    facts({ outcomes: [noVisa()] }),
    { performanceTierId: 'mou-2' },
    160000,
    [],
  ],
  [
    'ca-irpr',
    'MOU tier 3',
    facts({ outcomes: [noVisa()] }),
    { performanceTierId: 'mou-3' },
    80000,
    [],
  ],
  ['ca-irpr', 'MOU tier 4', facts({ outcomes: [noVisa()] }), { performanceTierId: 'mou-4' }, 0, []],
  [
    'ca-irpr',
    'protection claim',
    facts({ outcomes: [noVisa(), claimed('P1')] }),
    {},
    0,
    ['PROTECTION_CLAIM'],
  ],
  [
    'ca-irpr',
    'OK to board',
    facts({ outcomes: [noVisa()], answers: [answer('P1', 'board', -60)] }),
    {},
    0,
    ['OK_TO_BOARD_RELIED'],
  ],
  // Australia
  [
    'au-migration-act',
    'one non-citizen without visa evidence: 100 penalty units',
    facts({ outcomes: [noVisa()] }),
    {},
    3300000,
    [],
  ],
  [
    'au-migration-act',
    'APP not reported for 3 passengers: 3 × 60 units',
    facts({ submissions: [] }, ['P1', 'P2', 'P3']),
    {},
    5940000,
    [],
  ],
  [
    'au-migration-act',
    'APP OK to board is visa evidence',
    facts({ outcomes: [noVisa()], answers: [answer('P1', 'board', -60)] }),
    {},
    0,
    ['OK_TO_BOARD_RELIED'],
  ],
  [
    'au-migration-act',
    'protection claim',
    facts({ outcomes: [noVisa(), claimed('P1')] }),
    {},
    0,
    ['PROTECTION_CLAIM'],
  ],
];

describe('computePenalty, per jurisdiction, infringement and exemption', () => {
  it.each(rows)('%s: %s', (id, _scenario, f, context, totalMinor, exemptions) => {
    const profile = loadProfile(id);
    const r = computePenalty(detectInfringements(f, { profile, asOf }), profile, context);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.value.total).toEqual({ minor: totalMinor, currency: profile.currency });
    expect(r.value.exemptions.map((e) => e.code)).toEqual(exemptions);
    expect(r.value.profile).toEqual({ id: profile.id, version: profile.version });
    expect(r.value.lines.at(-1)?.runningTotalMinor ?? 0).toBe(totalMinor);
  });
});

describe('the explanation', () => {
  const profile = loadProfile('eu-api');
  const infs = detectInfringements(facts({ ...late }), { profile, asOf });

  it('lists each charge with its basis and a running total, then the cap', () => {
    const r = computePenalty(infs, profile);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.lines.map((l) => [l.kind, l.code, l.amountMinor, l.runningTotalMinor])).toEqual([
      ['charge', 'API_INCOMPLETE', 500000, 500000],
      ['charge', 'API_LATE', 500000, 1000000],
      ['cap', undefined, -500000, 500000],
    ]);
    expect(r.value.lines[0]?.basis).toMatch(/2004\/82\/EC art\. 4/);
    expect(r.value.capsApplied).toEqual([
      expect.objectContaining({
        capId: 'api-per-journey',
        beforeMinor: 1000000,
        afterMinor: 500000,
      }),
    ]);
    expect(r.value.unconfirmed.length).toBeGreaterThan(0);
  });

  it('counts a duplicated infringement once', () => {
    const once = computePenalty(infs, profile);
    const twice = computePenalty([...infs, ...infs], profile);
    expect(twice).toEqual(once);
  });

  it('names the unconfirmed penalty-unit value used', () => {
    const au = loadProfile('au-migration-act');
    const r = computePenalty(
      detectInfringements(facts({ outcomes: [noVisa()] }), { profile: au, asOf }),
      au,
    );
    expect(r.ok && r.value.unconfirmed.some((u) => /penalty unit/.test(u))).toBe(true);
  });

  it('refuses an unknown performance tier and a cost in a foreign currency', () => {
    const ca = loadProfile('ca-irpr');
    const r1 = computePenalty([], ca, { performanceTierId: 'mou-9' });
    expect(r1.ok ? [] : r1.problems.map((p) => p.code)).toEqual(['UNKNOWN_TIER']);
    const eu = loadProfile('eu-2001-51-per-person');
    const r2 = computePenalty(
      detectInfringements(
        facts({ outcomes: [refused('P1', 'other'), removed('P1', 'ZZ', 5000, 'USD')] }),
        { profile: eu, asOf },
      ),
      eu,
    );
    expect(r2.ok ? [] : r2.problems.map((p) => p.code)).toEqual(['CURRENCY_NOT_JURISDICTION']);
  });
});

// ---- properties ----------------------------------------------------------------------------

const PROFILES = [
  'eu-2001-51-per-person',
  'eu-2001-51-lump-sum',
  'eu-api',
  'uk-iaa-1999-s40',
  'us-ina-273',
  'ca-irpr',
  'au-migration-act',
].map(loadProfile);

const arbInfringement = fc
  .record({
    code: fc.constantFrom(...Codes.options),
    flight: fc.constantFrom('F1', 'F2', 'F3'),
    traveller: fc.option(fc.constantFrom('T1', 'T2', 'T3', 'T4'), { nil: undefined }),
    persons: fc.integer({ min: 1, max: 400 }),
    claim: fc.boolean(),
    ok2b: fc.boolean(),
    cost: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  })
  .map((r): Infringement => ({
    key: infringementKey(r.code as InfringementCode, r.flight, r.traveller),
    code: r.code as InfringementCode,
    carrier: 'XY',
    flightKey: r.flight,
    occurredAt: '2026-03-01T10:00:00Z',
    travellerId: r.traveller,
    persons: r.persons,
    evidence: ['e'],
    message: 'm',
    circumstances: {
      protectionClaimId: r.claim ? 'c' : undefined,
      okToBoardAnswerId: r.ok2b ? 'a' : undefined,
    },
  }));

const arbCaps = fc.array(
  fc.record({
    id: fc.constantFrom('c1', 'c2', 'c3'),
    scope: fc.constantFrom('per-person', 'per-journey', 'per-case') as fc.Arbitrary<
      'per-person' | 'per-journey' | 'per-case'
    >,
    infringements: fc.subarray([...Codes.options]),
    amountMinor: fc.integer({ min: 0, max: 5_000_000 }),
  }),
  { maxLength: 3 },
);

function withCaps(
  p: JurisdictionProfile,
  caps: {
    id: string;
    scope: 'per-person' | 'per-journey' | 'per-case';
    infringements: InfringementCode[];
    amountMinor: number;
  }[],
): JurisdictionProfile {
  return {
    ...p,
    caps: [
      ...p.caps,
      ...caps.map((c) => ({
        ...c,
        basis: 'test cap',
        source: p.sources[0]?.id ?? '',
        confirmed: true,
      })),
    ],
  };
}

describe('amount properties (fast-check)', () => {
  it('never negative, lines add up, never above a per-case cap', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILES),
        fc.array(arbInfringement, { maxLength: 25 }),
        arbCaps,
        fc.option(fc.constantFrom('mou-1', 'mou-2', 'mou-3', 'mou-4'), { nil: undefined }),
        (base, infs, caps, tier) => {
          const p = withCaps(base, caps);
          const r = computePenalty(
            infs.map((i) => ({
              ...i,
              circumstances: {
                ...i.circumstances,
                costsIncurred: { minor: 1000, currency: p.currency },
              },
            })),
            p,
            { performanceTierId: p.performanceTiers ? tier : undefined },
          );
          if (!r.ok) throw new Error(JSON.stringify(r.problems));
          const total = r.value.total.minor;
          expect(total).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(total)).toBe(true);
          expect(r.value.lines.at(-1)?.runningTotalMinor ?? 0).toBe(total);
          for (const l of r.value.lines)
            if (l.kind !== 'cap') expect(l.amountMinor).toBeGreaterThanOrEqual(0);
          for (const c of p.caps) {
            if (c.scope === 'per-case' && c.infringements.length === 0)
              expect(total).toBeLessThanOrEqual(c.amountMinor);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never above a per-journey or per-person cap: each group computed alone respects it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILES),
        fc.array(arbInfringement, { maxLength: 25 }),
        arbCaps,
        (base, infs, caps) => {
          const p = withCaps(base, caps);
          for (const flight of ['F1', 'F2', 'F3']) {
            const covered = (c: (typeof p.caps)[number]) =>
              infs.filter(
                (i) =>
                  i.flightKey === flight &&
                  (c.infringements.length === 0 || c.infringements.includes(i.code)),
              );
            for (const c of p.caps.filter((x) => x.scope === 'per-journey')) {
              const r = computePenalty(covered(c), p);
              if (r.ok) expect(r.value.total.minor).toBeLessThanOrEqual(c.amountMinor);
            }
            for (const c of p.caps.filter((x) => x.scope === 'per-person'))
              for (const t of ['T1', 'T2', 'T3', 'T4']) {
                const r = computePenalty(
                  covered(c).filter((i) => i.travellerId === t),
                  p,
                );
                if (r.ok) expect(r.value.total.minor).toBeLessThanOrEqual(c.amountMinor);
              }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an exempt infringement never adds to the total', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILES),
        fc.uniqueArray(arbInfringement, { maxLength: 15, selector: (i) => i.key }),
        (p, infs) => {
          const without = computePenalty(
            infs.filter(
              (i) =>
                !i.circumstances.protectionClaimId || i.code !== 'IMPROPERLY_DOCUMENTED_CARRIED',
            ),
            p,
          );
          const withAll = computePenalty(infs, p);
          if (without.ok && withAll.ok && p.exemptions.some((e) => e.code === 'PROTECTION_CLAIM'))
            expect(withAll.value.total.minor).toBe(without.value.total.minor);
        },
      ),
      { numRuns: 200 },
    );
  });
});
