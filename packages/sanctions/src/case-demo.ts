// Fixtures for the embedded demo and for tests: one flight's facts with a refused passenger, and
// one case in every workflow state, each reached through the documented path below.
import type { ArrivalOutcome } from './arrival-outcome.ts';
import type { CarrierFacts } from './carrier-facts.ts';
import { draftCases, evidenceBundle } from './case-drafting.ts';
import { transition } from './case-machine.ts';
import type { Actor, CaseCommand, CaseState, CommandType, SanctionCase } from './case-model.ts';
import { detectInfringements } from './infringement-rules.ts';
import { DAY_MS, MINUTE_MS } from './instant.ts';
import type { JurisdictionProfile } from './jurisdiction-schema.ts';
import type { Result } from './problem.ts';
import { fail, ok } from './problem.ts';

/** How each state is reached from draft: the documented path (README, "Case workflow"). */
export const DOCUMENTED_PATHS: Readonly<Record<CaseState, readonly CommandType[]>> = {
  draft: [],
  'under-review': ['submit-for-review'],
  'notice-issued': ['submit-for-review', 'issue-notice'],
  'carrier-answered': ['submit-for-review', 'issue-notice', 'record-answer'],
  'deadline-passed': ['submit-for-review', 'issue-notice', 'mark-deadline-passed'],
  decided: ['submit-for-review', 'issue-notice', 'record-answer', 'decide'],
  appealed: ['submit-for-review', 'issue-notice', 'record-answer', 'decide', 'appeal'],
  'appeal-decided': [
    'submit-for-review',
    'issue-notice',
    'record-answer',
    'decide',
    'appeal',
    'decide-appeal',
  ],
  paid: [
    'submit-for-review',
    'issue-notice',
    'record-answer',
    'decide',
    'appeal',
    'decide-appeal',
    'record-payment',
  ],
  closed: [
    'submit-for-review',
    'issue-notice',
    'record-answer',
    'decide',
    'appeal',
    'decide-appeal',
    'record-payment',
    'close',
  ],
};

const iso = (t: number) => new Date(t).toISOString();

/** A flight with typical failures, scheduled to land `start` minus three days. */
export function demoFacts(start: Date, carrier = 'XY'): CarrierFacts {
  const arr = start.getTime() - 3 * DAY_MS;
  const dep = arr - 6 * 60 * MINUTE_MS;
  const key = `${carrier}101/${iso(dep).slice(0, 10)}`;
  const outcome = (
    id: string,
    travellerId: string,
    extra: Partial<ArrivalOutcome>,
  ): ArrivalOutcome =>
    ({
      id,
      flightKey: key,
      travellerId,
      recordedAt: iso(arr + 30 * MINUTE_MS),
      recordedBy: 'officer-7',
      apiDiscrepancies: [],
      ...extra,
    }) as ArrivalOutcome;
  return {
    flight: { key, carrier, number: '101', departureUtc: iso(dep), arrivalUtc: iso(arr) },
    travellers: ['P1', 'P2', 'P3', 'P4'].map((id) => ({ id, role: 'passenger' as const })),
    submissions: [
      {
        id: 'msg-1',
        kind: 'manifest',
        listType: 'passenger',
        receivedAt: iso(dep + 20 * MINUTE_MS),
        declaredCount: 4,
        travellerIds: ['P1', 'P2', 'P3', 'P4'],
        missingElements: [],
      },
    ],
    answers: [
      {
        id: 'ans-P1',
        travellerId: 'P1',
        answer: 'insufficient-data',
        at: iso(dep - 90 * MINUTE_MS),
      },
      {
        id: 'ans-P2',
        travellerId: 'P2',
        answer: 'insufficient-data',
        at: iso(dep - 90 * MINUTE_MS),
      },
      { id: 'ans-P3', travellerId: 'P3', answer: 'no-board', at: iso(dep - 80 * MINUTE_MS) },
      { id: 'ans-P4', travellerId: 'P4', answer: 'board', at: iso(dep - 80 * MINUTE_MS) },
    ],
    documentVerdicts: [],
    returnRequests: [],
    outcomes: [
      outcome('out-P1', 'P1', { kind: 'refused-entry', ground: 'no-visa-or-travel-authorisation' }),
      outcome('out-P2', 'P2', { kind: 'refused-entry', ground: 'no-valid-travel-document' }),
      outcome('out-P2-claim', 'P2', { kind: 'protection-claim' }),
      outcome('out-P3', 'P3', { kind: 'admitted' }),
      outcome('out-P4', 'P4', { kind: 'admitted' }),
    ],
  };
}

export interface DemoActors {
  readonly regulator: Actor;
  readonly supervisor: Actor;
  readonly carrier: Actor;
}

/** The command a documented step takes, at a given time. */
export function demoCommand(
  c: SanctionCase,
  step: CommandType,
  at: number,
  actors: DemoActors,
): CaseCommand {
  const base = { at: iso(at), expectedVersion: c.version };
  const owed = c.appealDecision?.amount.minor ?? c.decision?.amount.minor ?? 0;
  switch (step) {
    case 'submit-for-review':
      return {
        ...base,
        type: step,
        actor: actors.regulator,
        reason: 'infringements checked against the evidence',
      };
    case 'issue-notice':
      return {
        ...base,
        type: step,
        actor: actors.regulator,
        reason: 'evidence sufficient for a notice',
        noticeId: `${c.id}-notice`,
        evidence: evidenceBundle(c),
      };
    case 'record-answer':
      return {
        ...base,
        type: step,
        actor: actors.carrier,
        reason: 'carrier answer',
        text: 'We checked the documents presented at check-in.',
        attachments: ['att-1'],
      };
    case 'mark-deadline-passed':
      return {
        ...base,
        type: step,
        actor: actors.regulator,
        reason: 'no answer received by the deadline',
      };
    case 'decide':
      return c.proposed.minor > 0
        ? {
            ...base,
            type: step,
            actor: actors.regulator,
            outcome: 'reduced',
            amountMinor: Math.floor(c.proposed.minor / 2),
            reason: 'first infringement this year; cooperation shown',
          }
        : {
            ...base,
            type: step,
            actor: actors.regulator,
            outcome: 'waived',
            reason: 'nothing chargeable',
          };
    case 'appeal':
      return {
        ...base,
        type: step,
        actor: actors.carrier,
        reason: 'carrier appeal',
        grounds: 'The visa requirement changed a week before the flight.',
      };
    case 'decide-appeal':
      return {
        ...base,
        type: step,
        actor: actors.supervisor,
        outcome: 'reduced',
        amountMinor: Math.floor((c.decision?.amount.minor ?? 0) / 2),
        reason: 'the change of visa rules was recent',
      };
    case 'record-payment':
      return {
        ...base,
        type: step,
        actor: actors.regulator,
        reason: 'payment received',
        paymentRef: `PAY-${c.id}`,
        amountMinor: owed,
      };
    case 'close':
      return { ...base, type: step, actor: actors.regulator, reason: 'paid in full' };
  }
}

/** Walk a documented path from a draft; each step a day apart, the deadline step after the deadline. */
export function walkPath(
  draft: SanctionCase,
  path: readonly CommandType[],
  start: Date,
  actors: DemoActors,
): Result<SanctionCase> {
  let c = draft;
  let t = start.getTime();
  for (const step of path) {
    t += step === 'mark-deadline-passed' ? (c.deadlines.answerDays + 1) * DAY_MS : DAY_MS;
    const next = transition(c, demoCommand(c, step, t, actors));
    if (!next.ok) return next;
    c = next.value;
  }
  return ok(c);
}

/** One case in every state, for the embedded demo: detect → draft → documented path. */
export function demoCaseInEveryState(args: {
  profile: JurisdictionProfile;
  start: Date;
  carrier?: string;
}): Result<Record<CaseState, SanctionCase>> {
  const carrier = args.carrier ?? 'XY';
  const actors: DemoActors = {
    regulator: { role: 'regulator', id: 'regulator-1' },
    supervisor: { role: 'supervisor', id: 'supervisor-1' },
    carrier: { role: 'carrier', id: 'carrier-agent-1', carrier },
  };
  const facts = demoFacts(args.start, carrier);
  const infs = detectInfringements(facts, { profile: args.profile, asOf: args.start });
  const out: Partial<Record<CaseState, SanctionCase>> = {};
  let n = 0;
  for (const [state, path] of Object.entries(DOCUMENTED_PATHS) as [CaseState, CommandType[]][]) {
    const drafted = draftCases(infs, {
      grouping: 'flight',
      profile: args.profile,
      newId: () => `demo-${state}-${++n}`,
      at: args.start,
      actor: actors.regulator,
    });
    if (!drafted.ok) return drafted;
    const draft = drafted.value[0];
    if (!draft)
      return fail('DEMO_EMPTY', `profile ${args.profile.id} produced no case from the demo facts`);
    const walked = walkPath(draft, path, args.start, actors);
    if (!walked.ok) return walked;
    out[state] = walked.value;
  }
  return ok(out as Record<CaseState, SanctionCase>);
}
