import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../test-support/profiles.ts';
import {
  DOCUMENTED_PATHS,
  demoCaseInEveryState,
  demoCommand,
  demoFacts,
  walkPath,
} from './case-demo.ts';
import { draftCases, evidenceBundle } from './case-drafting.ts';
import { TRANSITIONS, transition } from './case-machine.ts';
import type { Actor, CaseCommand, CaseState, CommandType, SanctionCase } from './case-model.ts';
import { CaseState as States } from './case-model.ts';
import { detectInfringements } from './infringement-rules.ts';

const START = new Date('2026-03-10T12:00:00Z');
const profile = loadProfile('eu-2001-51-per-person');
const regulator: Actor = { role: 'regulator', id: 'reg-1' };
const supervisor: Actor = { role: 'supervisor', id: 'sup-1' };
const carrier: Actor = { role: 'carrier', id: 'agent-1', carrier: 'XY' };
const actors = { regulator, supervisor, carrier };
const DAY = 86_400_000;

function draft(): SanctionCase {
  const infs = detectInfringements(demoFacts(START), { profile, asOf: START });
  const r = draftCases(infs, {
    grouping: 'flight',
    profile,
    newId: () => 'case-1',
    at: START,
    actor: regulator,
  });
  if (!r.ok || !r.value[0]) throw new Error('no draft');
  return r.value[0];
}
function reach(state: CaseState): SanctionCase {
  const r = walkPath(draft(), DOCUMENTED_PATHS[state], START, actors);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
const iso = (t: number) => new Date(t).toISOString();
const problemCodes = (r: { ok: boolean; problems?: { code: string }[] }) =>
  r.ok ? [] : (r.problems ?? []).map((p) => p.code);

describe('drafting', () => {
  it('groups a flight’s infringements into one draft with the proposed amount and all evidence', () => {
    const c = draft();
    expect(c).toMatchObject({
      state: 'draft',
      version: 0,
      carrier: 'XY',
      key: `XY|flight|${c.flightKeys[0]}`,
    });
    expect(c.proposed).toEqual({ minor: 500000, currency: 'EUR' });
    expect(c.evidenceIds).toEqual(expect.arrayContaining(['out-P1', 'out-P2-claim', 'ans-P3']));
    expect(c.history).toHaveLength(1);
  });

  it('never drafts an infringement twice; a late finding gets a supplementary case', () => {
    const infs = detectInfringements(demoFacts(START), { profile, asOf: START });
    const first = draft();
    const cased = draftCases(infs, {
      grouping: 'flight',
      profile,
      newId: () => 'x',
      at: START,
      actor: regulator,
      existingCaseKeys: new Set([first.key]),
      casedInfringementKeys: new Set(infs.map((i) => i.key)),
    });
    expect(cased.ok && cased.value).toEqual([]);
    const late = { ...infs[0]!, key: 'IMPROPERLY_DOCUMENTED_CARRIED|late|P9', travellerId: 'P9' };
    const supplementary = draftCases([...infs, late], {
      grouping: 'flight',
      profile,
      newId: () => 'y',
      at: START,
      actor: regulator,
      existingCaseKeys: new Set([first.key, `${first.key}#2`]),
      casedInfringementKeys: new Set(first.infringementKeys),
    });
    expect(supplementary.ok && supplementary.value.map((c) => [c.key, c.infringementKeys])).toEqual(
      [[`${first.key}#3`, [late.key]]],
    );
  });

  it('groups per carrier and month', () => {
    const infs = detectInfringements(demoFacts(START), { profile, asOf: START });
    const r = draftCases(infs, {
      grouping: 'month',
      profile,
      newId: () => 'm',
      at: START,
      actor: regulator,
    });
    expect(r.ok && r.value.map((c) => [c.key, c.period])).toEqual([
      ['XY|month|2026-03', '2026-03'],
    ]);
  });
});

describe('the documented path to every state', () => {
  it.each(States.options)('%s', (state) => {
    const c = reach(state);
    expect(c.state).toBe(state);
    expect(c.version).toBe(DOCUMENTED_PATHS[state].length);
    expect(c.history.map((h) => h.command)).toEqual(['draft', ...DOCUMENTED_PATHS[state]]);
    for (const h of c.history) expect(h.reason.length).toBeGreaterThan(0);
  });

  it('every state is reachable from draft in the transition table, and each has a documented path', () => {
    const seen = new Set<CaseState>(['draft']);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of TRANSITIONS)
        if (seen.has(t.from) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
    }
    expect([...seen].sort()).toEqual([...States.options].sort());
    expect(Object.keys(DOCUMENTED_PATHS).sort()).toEqual([...States.options].sort());
  });

  it('demoCaseInEveryState gives one case per state for every shipped profile', () => {
    for (const id of [
      'eu-2001-51-per-person',
      'eu-api',
      'uk-iaa-1999-s40',
      'us-ina-273',
      'ca-irpr',
      'au-migration-act',
    ]) {
      const r = demoCaseInEveryState({ profile: loadProfile(id), start: START });
      expect(r.ok, id).toBe(true);
      if (r.ok) for (const s of States.options) expect(r.value[s].state).toBe(s);
    }
  });
});

describe('refusals with precise reasons', () => {
  const cmd = (c: SanctionCase, step: CommandType, at: number, patch: Partial<CaseCommand> = {}) =>
    ({ ...demoCommand(c, step, at, actors), ...patch }) as CaseCommand;
  const T = START.getTime() + DAY;

  it('out of order: decide on a draft', () => {
    const r = transition(draft(), cmd(draft(), 'decide', T));
    expect(problemCodes(r)).toEqual(['ILLEGAL_TRANSITION']);
    expect(r.ok ? '' : r.problems[0]?.message).toMatch(/allowed: submit-for-review/);
  });

  it('nothing leaves closed', () => {
    const c = reach('closed');
    expect(problemCodes(transition(c, cmd(c, 'appeal', T + 90 * DAY)))).toEqual([
      'ILLEGAL_TRANSITION',
    ]);
  });

  it('wrong role and wrong carrier', () => {
    const d = draft();
    expect(problemCodes(transition(d, cmd(d, 'submit-for-review', T, { actor: carrier })))).toEqual(
      ['ROLE_NOT_ALLOWED'],
    );
    const n = reach('notice-issued');
    const t = Date.parse(n.notice?.issuedAt ?? '') + DAY;
    expect(
      problemCodes(
        transition(
          n,
          cmd(n, 'record-answer', t, { actor: { role: 'carrier', id: 'other', carrier: 'ZZ' } }),
        ),
      ),
    ).toEqual(['NOT_YOUR_CASE']);
  });

  it('an answer after the deadline', () => {
    const n = reach('notice-issued');
    const due = Date.parse(n.notice?.answerDueBy ?? '');
    expect(Date.parse(n.notice?.answerDueBy ?? '') - Date.parse(n.notice?.issuedAt ?? '')).toBe(
      30 * DAY,
    );
    const r = transition(n, cmd(n, 'record-answer', due + 60_000));
    expect(problemCodes(r)).toEqual(['ANSWER_AFTER_DEADLINE']);
    expect(transition(n, cmd(n, 'record-answer', due)).ok).toBe(true);
  });

  it('the deadline cannot be marked passed early', () => {
    const n = reach('notice-issued');
    expect(
      problemCodes(
        transition(n, cmd(n, 'mark-deadline-passed', Date.parse(n.notice?.issuedAt ?? '') + DAY)),
      ),
    ).toEqual(['DEADLINE_NOT_PASSED']);
  });

  it('a notice must disclose every piece of evidence and the computation', () => {
    const u = reach('under-review');
    const t = T + 5 * DAY;
    const partial = evidenceBundle(u).slice(1);
    expect(
      problemCodes(
        transition(u, cmd(u, 'issue-notice', t, { evidence: partial } as Partial<CaseCommand>)),
      ),
    ).toEqual(['EVIDENCE_INCOMPLETE']);
    const noComputation = evidenceBundle(u).filter((e) => e.kind !== 'computation');
    expect(
      problemCodes(
        transition(
          u,
          cmd(u, 'issue-notice', t, { evidence: noComputation } as Partial<CaseCommand>),
        ),
      ),
    ).toEqual(['EVIDENCE_INCOMPLETE']);
  });

  it('no adverse decision without notice; a waiver at review is allowed', () => {
    const u = reach('under-review');
    const t = T + 5 * DAY;
    expect(
      problemCodes(
        transition(u, {
          type: 'decide',
          outcome: 'confirmed',
          actor: regulator,
          at: iso(t),
          reason: 'r',
          expectedVersion: u.version,
        }),
      ),
    ).toEqual(['NOTICE_REQUIRED']);
    const w = transition(u, {
      type: 'decide',
      outcome: 'waived',
      actor: regulator,
      at: iso(t),
      reason: 'evidence too thin',
      expectedVersion: u.version,
    });
    expect(w.ok && w.value.decision?.amount.minor).toBe(0);
  });

  it('a decision never exceeds the proposal unless recomputed', () => {
    const a = reach('carrier-answered');
    const t = T + 10 * DAY;
    const base = {
      type: 'decide' as const,
      actor: regulator,
      at: iso(t),
      reason: 'r',
      expectedVersion: a.version,
    };
    expect(
      problemCodes(transition(a, { ...base, outcome: 'reduced', amountMinor: 600000 })),
    ).toEqual(['NOT_A_REDUCTION']);
    expect(
      problemCodes(transition(a, { ...base, outcome: 'confirmed', amountMinor: 600000 })),
    ).toEqual(['AMOUNT_EXCEEDS_PROPOSED']);
    expect(problemCodes(transition(a, { ...base, outcome: 'reduced' }))).toEqual([
      'AMOUNT_REQUIRED',
    ]);
    const higher = { ...a.computation, total: { minor: 1000000, currency: 'EUR' } };
    const r = transition(a, { ...base, outcome: 'confirmed', recomputed: higher });
    expect(r.ok && r.value.decision?.amount.minor).toBe(1000000);
    expect(
      problemCodes(
        transition(a, {
          ...base,
          outcome: 'confirmed',
          recomputed: { ...higher, total: { minor: 1, currency: 'USD' } },
        }),
      ),
    ).toEqual(['CURRENCY_MISMATCH']);
  });

  it('an appeal after its deadline, an appeal of a waiver, the same person deciding the appeal', () => {
    const d = reach('decided');
    const due = Date.parse(d.decision?.appealDueBy ?? '');
    expect(problemCodes(transition(d, cmd(d, 'appeal', due + 1000)))).toEqual([
      'APPEAL_AFTER_DEADLINE',
    ]);
    const ap = reach('appealed');
    const t = Date.parse(ap.appeal?.at ?? '') + DAY;
    expect(
      problemCodes(
        transition(ap, {
          type: 'decide-appeal',
          outcome: 'upheld',
          actor: { role: 'supervisor', id: 'reg-1' },
          at: iso(t),
          reason: 'r',
          expectedVersion: ap.version,
        }),
      ),
    ).toEqual(['SAME_PERSON']);
  });

  it('payments must match what is owed; an unpaid case cannot close', () => {
    const d = reach('decided');
    const t = Date.parse(d.decision?.at ?? '') + DAY;
    expect(
      problemCodes(
        transition(d, {
          type: 'record-payment',
          actor: regulator,
          at: iso(t),
          reason: 'r',
          paymentRef: 'p',
          amountMinor: 1,
          expectedVersion: d.version,
        }),
      ),
    ).toEqual(['PAYMENT_MISMATCH']);
    expect(
      problemCodes(
        transition(d, {
          type: 'close',
          actor: regulator,
          at: iso(t),
          reason: 'r',
          expectedVersion: d.version,
        }),
      ),
    ).toEqual(['UNPAID']);
  });

  it('time cannot run backwards, and every transition needs a reason', () => {
    const u = reach('under-review');
    expect(problemCodes(transition(u, cmd(u, 'issue-notice', START.getTime() - DAY)))).toEqual([
      'TIME_BEFORE_LAST_TRANSITION',
    ]);
    expect(
      problemCodes(transition(u, cmd(u, 'issue-notice', T + 5 * DAY, { reason: '' }))),
    ).toEqual(['COMMAND_INVALID']);
  });
});

describe('concurrency: compare-and-set on version', () => {
  it('two transitions read at the same version cannot both win', () => {
    const store = new Map<string, SanctionCase>();
    const n = reach('notice-issued');
    store.set(n.id, n);
    const cas = (next: SanctionCase, expected: number) => {
      const cur = store.get(next.id);
      if (cur?.version !== expected) return false;
      store.set(next.id, next);
      return true;
    };
    const due = Date.parse(n.notice?.answerDueBy ?? '');
    const answer = transition(n, {
      type: 'record-answer',
      actor: carrier,
      at: iso(due - DAY),
      reason: 'answer',
      text: 't',
      expectedVersion: n.version,
    });
    const lapse = transition(n, {
      type: 'mark-deadline-passed',
      actor: regulator,
      at: iso(due + DAY),
      reason: 'late',
      expectedVersion: n.version,
    });
    expect(answer.ok && lapse.ok).toBe(true);
    if (!answer.ok || !lapse.ok) return;
    expect(cas(answer.value, n.version)).toBe(true);
    expect(cas(lapse.value, n.version)).toBe(false);
    // The loser reloads and the machine now refuses its stale command.
    const stale = transition(store.get(n.id) as SanctionCase, {
      type: 'mark-deadline-passed',
      actor: regulator,
      at: iso(due + DAY),
      reason: 'late',
      expectedVersion: n.version,
    });
    expect(problemCodes(stale)).toEqual(['VERSION_CONFLICT']);
  });
});

describe('state machine properties (fast-check)', () => {
  const ALL = [
    'submit-for-review',
    'issue-notice',
    'record-answer',
    'mark-deadline-passed',
    'decide',
    'appeal',
    'decide-appeal',
    'record-payment',
    'close',
  ] as const;
  const arbStep = fc.record({
    pick: fc.nat(),
    /** Mostly a move the table allows from the current state, sometimes any command at all. */
    anyCommand: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    wrongActor: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    who: fc.constantFrom(regulator, supervisor, carrier, {
      role: 'carrier' as const,
      id: 'x',
      carrier: 'ZZ',
    }),
    dt: fc.integer({ min: 0, max: 40 * DAY }),
    outcome: fc.constantFrom('confirmed', 'reduced', 'waived', 'upheld', 'annulled'),
    amount: fc.integer({ min: 0, max: 2_000_000 }),
    staleVersion: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  });
  const reached = new Set<CaseState>();

  it('a case never reaches closed (or paid) without a decision; versions and history only grow', () => {
    fc.assert(
      fc.property(fc.array(arbStep, { maxLength: 14 }), (steps) => {
        let c = draft();
        let t = START.getTime();
        for (const s of steps) {
          t += s.dt;
          const allowed = TRANSITIONS.filter((x) => x.from === c.state);
          const edge = allowed[s.pick % Math.max(allowed.length, 1)];
          const type = s.anyCommand || !edge ? (ALL[s.pick % ALL.length] ?? 'close') : edge.command;
          const base = demoCommand(c, type, t, actors) as Record<string, unknown>;
          const outcome = s.pick % 3 === 0 ? s.outcome : base.outcome;
          const amountMinor =
            s.pick % 2 === 0 || base.amountMinor === undefined ? s.amount : base.amountMinor;
          const command = {
            ...base,
            outcome,
            amountMinor,
            ...(s.wrongActor ? { actor: s.who } : {}),
            expectedVersion: s.staleVersion ? c.version - 1 : c.version,
          } as CaseCommand;
          const r = transition(c, command);
          if (!r.ok) {
            expect(r.problems.length).toBeGreaterThan(0);
            continue;
          }
          expect(r.value.version).toBe(c.version + 1);
          expect(r.value.history.slice(0, c.history.length)).toEqual(c.history);
          c = r.value;
          reached.add(c.state);
          if (
            c.state === 'closed' ||
            c.state === 'paid' ||
            c.state === 'appealed' ||
            c.state === 'appeal-decided'
          ) {
            expect(c.decision).toBeDefined();
            expect(c.history.some((h) => h.command === 'decide')).toBe(true);
          }
          if (c.decision && c.decision.outcome !== 'waived')
            expect(c.history.some((h) => h.command === 'issue-notice')).toBe(true);
          const owed = c.appealDecision?.amount.minor ?? c.decision?.amount.minor;
          if (owed !== undefined) expect(owed).toBeLessThanOrEqual(c.proposed.minor);
        }
      }),
      { numRuns: 400 },
    );
    // The generator must actually explore the workflow, or the property proves little.
    expect([...reached].sort()).toEqual(States.options.filter((x) => x !== 'draft').sort());
  });
});

describe('deadline tracking', () => {
  it('lists answer and appeal windows that have closed', async () => {
    const { deadlinesPassed } = await import('./case-deadlines.ts');
    const n = reach('notice-issued');
    const d = reach('decided');
    const answerDue = Date.parse(n.notice?.answerDueBy ?? '');
    expect(deadlinesPassed([n, d], new Date(answerDue - 1000))).toEqual([]);
    const later = new Date(Date.parse(d.decision?.appealDueBy ?? '') + 1000);
    expect(deadlinesPassed([n, d], later).map((x) => [x.caseId, x.kind])).toEqual([
      [n.id, 'answer'],
      [d.id, 'appeal'],
    ]);
  });
});

describe('stored shapes', () => {
  it('every demo case survives a JSON round trip through the SanctionCase schema', async () => {
    const { SanctionCase: Schema, CaseCommandType } = await import('./case-model.ts');
    const demo = demoCaseInEveryState({ profile, start: START });
    if (!demo.ok) throw new Error('demo');
    for (const c of Object.values(demo.value))
      expect(Schema.parse(JSON.parse(JSON.stringify(c)))).toEqual(c);
    expect([...new Set(TRANSITIONS.map((t) => t.command))].sort()).toEqual(
      [...CaseCommandType.options].sort(),
    );
  });

  it('detected infringements match the Infringement schema', async () => {
    const { Infringement } = await import('./infringement.ts');
    for (const i of detectInfringements(demoFacts(START), { profile, asOf: START }))
      expect(Infringement.parse(i)).toEqual(i);
  });
});
