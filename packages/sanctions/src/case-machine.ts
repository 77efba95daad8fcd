// The case workflow as a pure state machine: one function takes a case and a command and
// returns the next case or a precise refusal. Persist with compare-and-set on `version`.
import type { CaseCommand, ParsedCaseCommand, SanctionCase } from './case-model.ts';
import { CaseCommand as CaseCommandSchema, decidedAmount } from './case-model.ts';
import { TRANSITIONS } from './case-transitions.ts';
import { DAY_MS, ms } from './instant.ts';

export { TRANSITIONS } from './case-transitions.ts';
import { formatMoney } from './money.ts';
import type { Result } from './problem.ts';
import { fail, ok, problemsFromZod } from './problem.ts';

function addDays(iso: string, days: number): string {
  return new Date(ms(iso) + days * DAY_MS).toISOString();
}

/** Apply one command. Never throws for bad input: every refusal is a problem with a code. */
export function transition(current: SanctionCase, input: CaseCommand): Result<SanctionCase> {
  const parsed = CaseCommandSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: problemsFromZod(parsed.error.issues, 'COMMAND_INVALID') };
  const cmd = parsed.data;
  if (cmd.expectedVersion !== current.version)
    return fail(
      'VERSION_CONFLICT',
      `case ${current.id} is at version ${current.version}, not ${cmd.expectedVersion}: someone else moved it; reload and retry`,
      'expectedVersion',
    );
  const edge = TRANSITIONS.find((t) => t.from === current.state && t.command === cmd.type);
  if (!edge) {
    const allowed = TRANSITIONS.filter((t) => t.from === current.state).map((t) => t.command);
    return fail(
      'ILLEGAL_TRANSITION',
      `a case in state ${current.state} cannot take ${cmd.type}; allowed: ${allowed.join(', ') || 'none (final state)'}`,
      'type',
    );
  }
  if (!edge.roles.includes(cmd.actor.role))
    return fail(
      'ROLE_NOT_ALLOWED',
      `${cmd.type} needs role ${edge.roles.join(' or ')}, not ${cmd.actor.role}`,
      'actor.role',
    );
  if (cmd.actor.role === 'carrier' && cmd.actor.carrier !== current.carrier)
    return fail(
      'NOT_YOUR_CASE',
      `case ${current.id} concerns carrier ${current.carrier}, not ${cmd.actor.carrier ?? 'unknown'}`,
      'actor.carrier',
    );
  const last = current.history[current.history.length - 1];
  if (last && ms(cmd.at) < ms(last.at))
    return fail(
      'TIME_BEFORE_LAST_TRANSITION',
      `${cmd.at} is before the case's last transition at ${last.at}`,
      'at',
    );

  const changes = apply(current, cmd);
  if (!changes.ok) return changes;
  const version = current.version + 1;
  return ok({
    ...current,
    ...changes.value,
    state: edge.to,
    version,
    history: [
      ...current.history,
      {
        seq: current.history.length + 1,
        from: current.state,
        to: edge.to,
        command: cmd.type,
        actor: cmd.actor,
        at: cmd.at,
        reason: cmd.reason,
        version,
      },
    ],
  });
}

function apply(c: SanctionCase, cmd: ParsedCaseCommand): Result<Partial<SanctionCase>> {
  const money = (minor: number) => formatMoney({ minor, currency: c.proposed.currency });
  switch (cmd.type) {
    case 'submit-for-review':
    case 'close':
      if (cmd.type === 'close') {
        const owed = decidedAmount(c)?.minor ?? 0;
        if (owed > 0 && !c.payment)
          return fail(
            'UNPAID',
            `case ${c.id} owes ${money(owed)} and no payment is recorded; record the payment first`,
            'type',
          );
      }
      return ok({});
    case 'issue-notice': {
      const disclosed = new Set(cmd.evidence.map((e) => e.id));
      const missing = c.evidenceIds.filter((id) => !disclosed.has(id));
      if (missing.length)
        return fail(
          'EVIDENCE_INCOMPLETE',
          `the notice must disclose every piece of evidence; missing: ${missing.join(', ')}`,
          'evidence',
        );
      if (!cmd.evidence.some((e) => e.kind === 'computation'))
        return fail(
          'EVIDENCE_INCOMPLETE',
          'the notice must include the penalty computation',
          'evidence',
        );
      return ok({
        notice: {
          id: cmd.noticeId,
          issuedAt: cmd.at,
          answerDueBy: addDays(cmd.at, c.deadlines.answerDays),
          evidence: cmd.evidence,
        },
      });
    }
    case 'record-answer': {
      const due = c.notice?.answerDueBy ?? cmd.at;
      if (ms(cmd.at) > ms(due))
        return fail(
          'ANSWER_AFTER_DEADLINE',
          `the answer arrived at ${cmd.at}, after the deadline ${due}`,
          'at',
        );
      return ok({
        answer: { at: cmd.at, text: cmd.text, attachments: cmd.attachments, by: cmd.actor.id },
      });
    }
    case 'mark-deadline-passed': {
      const due = c.notice?.answerDueBy ?? cmd.at;
      if (ms(cmd.at) <= ms(due))
        return fail(
          'DEADLINE_NOT_PASSED',
          `the carrier may answer until ${due}; it is only ${cmd.at}`,
          'at',
        );
      return ok({});
    }
    case 'decide':
      return decide(c, cmd);
    case 'appeal': {
      const d = c.decision;
      if (!d || d.amount.minor === 0)
        return fail(
          'NOTHING_TO_APPEAL',
          'the decision imposes no amount; there is nothing to appeal',
          'type',
        );
      if (ms(cmd.at) > ms(d.appealDueBy))
        return fail(
          'APPEAL_AFTER_DEADLINE',
          `the appeal arrived at ${cmd.at}, after the deadline ${d.appealDueBy}`,
          'at',
        );
      return ok({
        appeal: {
          at: cmd.at,
          grounds: cmd.grounds,
          attachments: cmd.attachments,
          by: cmd.actor.id,
        },
      });
    }
    case 'decide-appeal': {
      const d = c.decision;
      if (!d) return fail('NO_DECISION', 'there is no decision to review', 'type');
      if (d.by === cmd.actor.id)
        return fail(
          'SAME_PERSON',
          `${cmd.actor.id} took the decision under appeal and cannot also decide the appeal`,
          'actor.id',
        );
      const amount =
        cmd.outcome === 'upheld'
          ? d.amount.minor
          : cmd.outcome === 'annulled'
            ? 0
            : cmd.amountMinor;
      if (amount === undefined)
        return fail(
          'AMOUNT_REQUIRED',
          'a reduced appeal decision needs amountMinor',
          'amountMinor',
        );
      if (cmd.outcome === 'reduced' && amount >= d.amount.minor)
        return fail(
          'NOT_A_REDUCTION',
          `${money(amount)} does not reduce ${money(d.amount.minor)}`,
          'amountMinor',
        );
      return ok({
        appealDecision: {
          outcome: cmd.outcome,
          amount: { minor: amount, currency: d.amount.currency },
          reasons: cmd.reason,
          at: cmd.at,
          by: cmd.actor.id,
        },
      });
    }
    case 'record-payment': {
      const owed = decidedAmount(c)?.minor ?? 0;
      if (owed === 0)
        return fail('NOTHING_OWED', `case ${c.id} owes nothing; close it instead`, 'type');
      if (cmd.amountMinor !== owed)
        return fail(
          'PAYMENT_MISMATCH',
          `payment of ${money(cmd.amountMinor)} does not match ${money(owed)} owed`,
          'amountMinor',
        );
      return ok({
        payment: {
          at: cmd.at,
          ref: cmd.paymentRef,
          amount: { minor: owed, currency: c.proposed.currency },
        },
      });
    }
  }
}

function decide(
  c: SanctionCase,
  cmd: Extract<ParsedCaseCommand, { type: 'decide' }>,
): Result<Partial<SanctionCase>> {
  const money = (minor: number) => formatMoney({ minor, currency: c.proposed.currency });
  if (c.state === 'under-review' && cmd.outcome !== 'waived')
    return fail(
      'NOTICE_REQUIRED',
      'a sanction can only be confirmed or reduced after the carrier was notified and could answer; only a waiver may be decided at review',
      'outcome',
    );
  let proposed = c.proposed;
  let computation = c.computation;
  if (cmd.recomputed) {
    if (cmd.recomputed.total.currency !== c.proposed.currency)
      return fail(
        'CURRENCY_MISMATCH',
        `recomputation is in ${cmd.recomputed.total.currency}, case in ${c.proposed.currency}`,
        'recomputed',
      );
    proposed = cmd.recomputed.total;
    computation = cmd.recomputed;
  }
  const amount =
    cmd.outcome === 'confirmed' ? proposed.minor : cmd.outcome === 'waived' ? 0 : cmd.amountMinor;
  if (amount === undefined)
    return fail('AMOUNT_REQUIRED', 'a reduced decision needs amountMinor', 'amountMinor');
  if (cmd.outcome === 'reduced' && amount >= proposed.minor)
    return fail(
      'NOT_A_REDUCTION',
      `${money(amount)} does not reduce the proposed ${money(proposed.minor)}`,
      'amountMinor',
    );
  if (
    cmd.outcome === 'confirmed' &&
    cmd.amountMinor !== undefined &&
    cmd.amountMinor !== proposed.minor
  )
    return fail(
      'AMOUNT_EXCEEDS_PROPOSED',
      `a confirmed decision is the proposed ${money(proposed.minor)}; use reduced or recompute`,
      'amountMinor',
    );
  return ok({
    proposed,
    computation,
    decision: {
      outcome: cmd.outcome,
      amount: { minor: amount, currency: proposed.currency },
      reasons: cmd.reason,
      at: cmd.at,
      by: cmd.actor.id,
      appealDueBy: addDays(cmd.at, c.deadlines.appealDays),
    },
  });
}
