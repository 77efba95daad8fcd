// The sanction case: its states, the commands that move it, and its audited history.
// Nothing is ever removed from a case; each transition appends to the history and bumps the version.
import { z } from 'zod';
import { Role } from './codes.ts';
import { Instant } from './instant.ts';
import { Money } from './money.ts';
import { PenaltyComputation } from './penalty-computation.ts';

export const CaseState = z.enum([
  'draft',
  'under-review',
  'notice-issued',
  'carrier-answered',
  'deadline-passed',
  'decided',
  'appealed',
  'appeal-decided',
  'paid',
  'closed',
]);
export type CaseState = z.infer<typeof CaseState>;

export const Actor = z.object({
  role: Role,
  /** The person or system account acting. */
  id: z.string().min(1),
  /** For the carrier role: which carrier the account belongs to. */
  carrier: z.string().optional(),
});
export type Actor = z.infer<typeof Actor>;

export const EvidenceRef = z.object({
  kind: z.enum([
    'raw-message',
    'directive',
    'arrival-outcome',
    'document-verdict',
    'return-request',
    'computation',
    'other',
  ]),
  id: z.string().min(1),
});
export type EvidenceRef = z.infer<typeof EvidenceRef>;

const common = {
  actor: Actor,
  /** When it happens, from the caller's clock. */
  at: Instant,
  /** Why: shown in the audit trail. */
  reason: z.string().min(1, 'every transition needs a reason'),
  /** The version the caller read: the transition is refused if the case moved since. */
  expectedVersion: z.number().int().nonnegative(),
};

export const CaseCommand = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('submit-for-review') }),
  z.object({
    ...common,
    type: z.literal('issue-notice'),
    noticeId: z.string().min(1),
    evidence: z.array(EvidenceRef).min(1),
  }),
  z.object({
    ...common,
    type: z.literal('record-answer'),
    text: z.string().min(1, 'a written answer cannot be empty'),
    attachments: z.array(z.string().min(1)).default([]),
  }),
  z.object({ ...common, type: z.literal('mark-deadline-passed') }),
  z.object({
    ...common,
    type: z.literal('decide'),
    outcome: z.enum(['confirmed', 'reduced', 'waived']),
    /** Decimal-free: minor units in the case currency. Ignored for confirmed (proposed) and waived (0). */
    amountMinor: z.number().int().nonnegative().optional(),
    /** A fresh computation (e.g. after new evidence) that may raise the proposed amount. */
    recomputed: z
      .custom<PenaltyComputation>((v) => typeof v === 'object' && v !== null && 'total' in v)
      .optional(),
  }),
  z.object({
    ...common,
    type: z.literal('appeal'),
    grounds: z.string().min(1),
    attachments: z.array(z.string().min(1)).default([]),
  }),
  z.object({
    ...common,
    type: z.literal('decide-appeal'),
    outcome: z.enum(['upheld', 'reduced', 'annulled']),
    amountMinor: z.number().int().nonnegative().optional(),
  }),
  z.object({
    ...common,
    type: z.literal('record-payment'),
    paymentRef: z.string().min(1),
    amountMinor: z.number().int().positive(),
  }),
  z.object({ ...common, type: z.literal('close') }),
]);
export type CaseCommand = z.input<typeof CaseCommand>;
export type ParsedCaseCommand = z.infer<typeof CaseCommand>;
export type CommandType = ParsedCaseCommand['type'];
export const CaseCommandType = z.enum([
  'submit-for-review',
  'issue-notice',
  'record-answer',
  'mark-deadline-passed',
  'decide',
  'appeal',
  'decide-appeal',
  'record-payment',
  'close',
]);

export const HistoryEntry = z.object({
  seq: z.number().int().positive(),
  from: CaseState.nullable(),
  to: CaseState,
  command: z.union([CaseCommandType, z.literal('draft')]),
  actor: Actor,
  at: z.string(),
  reason: z.string(),
  /** Version of the case after this entry. */
  version: z.number().int().nonnegative(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** The stored case; validate JSON read back from a database with `SanctionCase.parse`. */
export const SanctionCase = z.object({
  id: z.string().min(1),
  /** Grouping key (carrier + flight, or carrier + period): a regenerated draft never duplicates a case. */
  key: z.string().min(1),
  carrier: z.string().min(1),
  flightKeys: z.array(z.string()),
  period: z.string().optional(),
  state: CaseState,
  version: z.number().int().nonnegative(),
  infringementKeys: z.array(z.string()),
  /** Every evidence id the infringements rest on: a notice must disclose them all. */
  evidenceIds: z.array(z.string()),
  computation: PenaltyComputation,
  proposed: Money,
  deadlines: z.object({
    answerDays: z.number().int().positive(),
    appealDays: z.number().int().positive(),
  }),
  createdAt: z.string(),
  notice: z
    .object({
      id: z.string(),
      issuedAt: z.string(),
      answerDueBy: z.string(),
      evidence: z.array(EvidenceRef),
    })
    .optional(),
  answer: z
    .object({ at: z.string(), text: z.string(), attachments: z.array(z.string()), by: z.string() })
    .optional(),
  decision: z
    .object({
      outcome: z.enum(['confirmed', 'reduced', 'waived']),
      amount: Money,
      reasons: z.string(),
      at: z.string(),
      by: z.string(),
      appealDueBy: z.string(),
    })
    .optional(),
  appeal: z
    .object({
      at: z.string(),
      grounds: z.string(),
      attachments: z.array(z.string()),
      by: z.string(),
    })
    .optional(),
  appealDecision: z
    .object({
      outcome: z.enum(['upheld', 'reduced', 'annulled']),
      amount: Money,
      reasons: z.string(),
      at: z.string(),
      by: z.string(),
    })
    .optional(),
  payment: z.object({ at: z.string(), ref: z.string(), amount: Money }).optional(),
  /** Append-only: nothing is ever removed from a case. */
  history: z.array(HistoryEntry).min(1),
});
export type SanctionCase = z.infer<typeof SanctionCase>;

/** The amount currently owed: the appeal decision's if any, else the decision's. */
export function decidedAmount(c: SanctionCase): Money | undefined {
  return c.appealDecision?.amount ?? c.decision?.amount;
}
