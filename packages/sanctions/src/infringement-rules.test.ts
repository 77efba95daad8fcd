import { describe, expect, it } from 'vitest';
import {
  ARR,
  DEP,
  KEY,
  admitted,
  answer,
  at,
  claimed,
  facts,
  refused,
  removed,
  verdict,
} from '../test-support/facts-builder.ts';
import type { CarrierFacts } from './carrier-facts.ts';
import { parseCarrierFacts } from './carrier-facts.ts';
import { mergeInfringements } from './infringement.ts';
import { detectInfringements } from './infringement-rules.ts';

const profile = (minutes = 0) => ({
  deadlines: {
    api: { minutesBeforeDeparture: minutes, basis: 'b', source: 's', confirmed: true },
    carrierAnswer: { days: 30, basis: 'b', source: 's', confirmed: true },
    appeal: { days: 30, basis: 'b', source: 's', confirmed: true },
  },
});
const LATER = new Date(ARR + 10 * 86_400_000);
const detect = (f: CarrierFacts, minutes = 0, asOf = LATER) =>
  detectInfringements(f, { profile: profile(minutes), asOf });
const codes = (f: CarrierFacts, minutes = 0, asOf = LATER) =>
  detect(f, minutes, asOf).map((i) => `${i.code}:${i.travellerId ?? '*'}`);

describe('infringement rules, one table row per situation', () => {
  const rows: [string, CarrierFacts, string[], number?][] = [
    ['a clean flight', facts({ outcomes: [admitted('P1'), admitted('P2')] }), []],
    [
      'refused for no visa',
      facts({ outcomes: [refused('P1', 'no-visa-or-travel-authorisation')] }),
      ['IMPROPERLY_DOCUMENTED_CARRIED:P1'],
    ],
    [
      'refused for no document',
      facts({ outcomes: [refused('P1', 'no-valid-travel-document')] }),
      ['IMPROPERLY_DOCUMENTED_CARRIED:P1'],
    ],
    [
      'refused for a false document',
      facts({ outcomes: [refused('P1', 'false-or-falsified-document')] }),
      ['IMPROPERLY_DOCUMENTED_CARRIED:P1'],
    ],
    [
      'refused as impostor',
      facts({ outcomes: [refused('P1', 'impostor')] }),
      ['IMPROPERLY_DOCUMENTED_CARRIED:P1'],
    ],
    [
      'refused on another ground is not the carrier’s failure',
      facts({ outcomes: [refused('P1', 'other')] }),
      [],
    ],
    [
      'no-board ignored',
      facts({ answers: [answer('P1', 'no-board', -60)], outcomes: [admitted('P1')] }),
      ['NO_BOARD_IGNORED:P1'],
    ],
    [
      'no-board ignored, seen on the on-board list',
      facts({
        answers: [answer('P1', 'no-board', -60)],
        travellers: [
          { id: 'P1', role: 'passenger', boarded: true, boardedEvidenceId: 'close-1' },
          { id: 'P2', role: 'passenger' },
        ],
      }),
      ['NO_BOARD_IGNORED:P1'],
    ],
    [
      'no-board later overridden by board',
      facts({
        answers: [answer('P1', 'no-board', -60), answer('P1', 'board', -30)],
        outcomes: [admitted('P1')],
      }),
      [],
    ],
    ['no-board respected (did not fly)', facts({ answers: [answer('P1', 'no-board', -60)] }), []],
    [
      'no-board given after departure does not count',
      facts({ answers: [answer('P1', 'no-board', 30)], outcomes: [admitted('P1')] }),
      [],
    ],
    [
      'API not transmitted',
      facts({ submissions: [], outcomes: [admitted('P1')] }),
      ['API_NOT_TRANSMITTED:*'],
    ],
    [
      'API late against a 30-minute deadline',
      facts({
        submissions: [
          {
            id: 'm',
            kind: 'manifest',
            listType: 'passenger',
            receivedAt: at(-10),
            declaredCount: 2,
            travellerIds: ['P1', 'P2'],
            missingElements: [],
          },
        ],
      }),
      ['API_LATE:*'],
      30,
    ],
    [
      'API on time against a 30-minute deadline',
      facts({
        submissions: [
          {
            id: 'm',
            kind: 'manifest',
            listType: 'passenger',
            receivedAt: at(-45),
            declaredCount: 2,
            travellerIds: ['P1', 'P2'],
            missingElements: [],
          },
        ],
      }),
      [],
      30,
    ],
    [
      'a PNR is not API',
      facts({
        submissions: [
          {
            id: 'p',
            kind: 'pnr',
            listType: 'passenger',
            receivedAt: at(-600),
            travellerIds: ['P1', 'P2'],
            missingElements: [],
          },
        ],
      }),
      ['API_NOT_TRANSMITTED:*'],
    ],
    [
      'count mismatch',
      facts({
        submissions: [
          {
            id: 'm',
            kind: 'manifest',
            listType: 'passenger',
            receivedAt: at(-60),
            declaredCount: 3,
            travellerIds: ['P1', 'P2'],
            missingElements: [],
          },
        ],
      }),
      ['API_INCOMPLETE:*'],
    ],
    [
      'missing required elements',
      facts({
        submissions: [
          {
            id: 'm',
            kind: 'manifest',
            listType: 'passenger',
            receivedAt: at(-60),
            declaredCount: 2,
            travellerIds: ['P1', 'P2'],
            missingElements: [{ travellerId: 'P2', element: 'document expiry' }],
          },
        ],
      }),
      ['API_INCOMPLETE:*'],
    ],
    [
      'incomplete list corrected before the deadline',
      facts({
        submissions: [
          {
            id: 'm1',
            kind: 'manifest',
            listType: 'passenger',
            receivedAt: at(-90),
            declaredCount: 2,
            travellerIds: ['P1', 'P2'],
            missingElements: [{ travellerId: 'P2', element: 'nationality' }],
          },
          {
            id: 'm2',
            kind: 'manifest',
            listType: 'passenger',
            receivedAt: at(-50),
            declaredCount: 2,
            travellerIds: ['P1', 'P2'],
            missingElements: [],
          },
        ],
      }),
      [],
    ],
    [
      'a traveller flew but was never listed',
      facts({
        submissions: [
          {
            id: 'm',
            kind: 'manifest',
            listType: 'passenger',
            receivedAt: at(-60),
            declaredCount: 1,
            travellerIds: ['P1'],
            missingElements: [],
          },
        ],
        outcomes: [admitted('P2')],
      }),
      ['API_INCOMPLETE:*'],
    ],
    [
      'data contradicted at arrival',
      facts({
        outcomes: [
          admitted('P1', {
            apiDiscrepancies: [{ element: 'document number', reported: 'X1', observed: 'X2' }],
          }),
        ],
      }),
      ['API_INCORRECT:P1'],
    ],
    [
      'return not performed by its due date',
      facts({
        outcomes: [refused('P1', 'other')],
        returnRequests: [
          {
            id: 'rr',
            travellerId: 'P1',
            requestedAt: at(400),
            dueBy: new Date(ARR + 86_400_000).toISOString(),
          },
        ],
      }),
      ['RETURN_OBLIGATION_NOT_MET:P1'],
    ],
    [
      'return performed by the carrier in time',
      facts({
        outcomes: [refused('P1', 'other'), removed('P1', 'XY', 0, 'EUR', 0.5)],
        returnRequests: [
          {
            id: 'rr',
            travellerId: 'P1',
            requestedAt: at(400),
            dueBy: new Date(ARR + 86_400_000).toISOString(),
          },
        ],
      }),
      [],
    ],
    [
      'returned by another carrier at the State’s cost',
      facts({ outcomes: [refused('P1', 'other'), removed('P1', 'ZZ', 90000)] }),
      ['RETURN_OBLIGATION_NOT_MET:P1'],
    ],
  ];

  it.each(rows)('%s', (_name, f, expected, minutes) => {
    expect(codes(f, minutes ?? 0).sort()).toEqual(expected.sort());
  });

  it('nothing about API before the deadline has passed', () => {
    expect(codes(facts({ submissions: [] }), 0, new Date(DEP - 3_600_000))).toEqual([]);
  });

  it('a return due tomorrow is not yet an infringement', () => {
    const f = facts({
      returnRequests: [
        {
          id: 'rr',
          travellerId: 'P1',
          requestedAt: at(400),
          dueBy: new Date(ARR + 86_400_000).toISOString(),
        },
      ],
    });
    expect(codes(f, 0, new Date(ARR + 3_600_000))).toEqual([]);
  });
});

describe('what an infringement carries', () => {
  it('evidence ids, a sentence, carrier and flight', () => {
    const [inf] = detect(
      facts({
        outcomes: [refused('P1', 'no-visa-or-travel-authorisation')],
        answers: [answer('P1', 'insufficient-data', -90)],
      }),
    );
    expect(inf).toMatchObject({
      carrier: 'XY',
      flightKey: KEY,
      travellerId: 'P1',
      persons: 1,
      key: `IMPROPERLY_DOCUMENTED_CARRIED|${KEY}|P1`,
    });
    expect(inf?.evidence).toEqual(['out-P1', 'ans-P1--90']);
    expect(inf?.message).toMatch(/no visa or travel authorisation/);
  });

  it('the circumstances exemptions need: protection claim, OK to board, falsity not apparent', () => {
    const [inf] = detect(
      facts({
        outcomes: [refused('P1', 'false-or-falsified-document'), claimed('P1')],
        answers: [answer('P1', 'board', -90)],
        documentVerdicts: [verdict('P1', false)],
      }),
    );
    expect(inf?.circumstances).toEqual({
      protectionClaimId: 'claim-P1',
      okToBoardAnswerId: 'ans-P1--90',
      falsityNotApparentVerdictId: 'ver-P1',
    });
  });

  it('a falsity that was apparent gives no defence', () => {
    const [inf] = detect(
      facts({
        outcomes: [refused('P1', 'false-or-falsified-document')],
        documentVerdicts: [verdict('P1', true)],
      }),
    );
    expect(inf?.circumstances.falsityNotApparentVerdictId).toBeUndefined();
  });

  it('the cost the State bore on a return by another carrier', () => {
    const [inf] = detect(facts({ outcomes: [refused('P1', 'other'), removed('P1', 'ZZ', 90000)] }));
    expect(inf?.circumstances.costsIncurred).toEqual({ minor: 90000, currency: 'EUR' });
  });

  it('API not transmitted counts the travellers known', () => {
    const [inf] = detect(facts({ submissions: [] }, ['A', 'B', 'C']));
    expect(inf?.persons).toBe(3);
  });
});

describe('idempotence', () => {
  const f = facts({
    submissions: [],
    outcomes: [
      refused('P1', 'impostor'),
      refused('P1', 'impostor', 'out-P1-again'),
      admitted('P2', { apiDiscrepancies: [{ element: 'name', reported: 'A', observed: 'B' }] }),
    ],
  });

  it('running detection twice gives the same findings', () => {
    expect(detect(f)).toEqual(detect(f));
  });

  it('one finding per fact even when the fact was reported twice', () => {
    expect(codes(f).filter((c) => c.startsWith('IMPROPERLY'))).toHaveLength(1);
  });

  it('merging a re-run adds nothing; a new outcome extends evidence without a second finding', () => {
    const first = detect(f);
    expect(mergeInfringements(first, detect(f)).added).toEqual([]);
    const more = { ...f, outcomes: [...f.outcomes, claimed('P1')] };
    const merged = mergeInfringements(first, detect(more));
    expect(merged.added).toEqual([]);
    expect(merged.all).toHaveLength(first.length);
    const improper = merged.updated.find((i) => i.code === 'IMPROPERLY_DOCUMENTED_CARRIED');
    expect(improper?.circumstances.protectionClaimId).toBe('claim-P1');
    expect(improper?.evidence).toContain('claim-P1');
  });
});

describe('parseCarrierFacts', () => {
  it('accepts a coherent bundle', () => {
    const { outcomes, ...rest } = facts({ outcomes: [admitted('P1')] });
    expect(parseCarrierFacts(rest, outcomes).ok).toBe(true);
  });
  it.each([
    [
      'an answer for an unknown traveller',
      { answers: [answer('P9', 'board', -10)] },
      'UNKNOWN_TRAVELLER',
      'answers.0.travellerId',
    ],
    [
      'arrival before departure',
      {
        flight: {
          key: KEY,
          carrier: 'XY',
          number: '101',
          departureUtc: at(0),
          arrivalUtc: at(-10),
        },
      },
      'FLIGHT_ARRIVES_BEFORE_DEPARTURE',
      'flight.arrivalUtc',
    ],
    [
      'an impossible date',
      {
        flight: {
          key: KEY,
          carrier: 'XY',
          number: '101',
          departureUtc: '2026-02-30T10:00:00Z',
          arrivalUtc: at(10),
        },
      },
      'FACTS_INVALID',
      'flight.departureUtc',
    ],
  ])('refuses %s', (_n, patch, code, where) => {
    const { outcomes: _o, ...rest } = facts(patch as Partial<CarrierFacts>);
    const r = parseCarrierFacts(rest);
    expect(r.ok ? [] : r.problems).toContainEqual(expect.objectContaining({ code, where }));
  });
  it('refuses an outcome for another flight', () => {
    const { outcomes: _o, ...rest } = facts();
    const r = parseCarrierFacts(rest, [{ ...admitted('P1'), flightKey: 'OTHER/2026-03-01' }]);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toContain('UNKNOWN_FLIGHT');
  });
});
