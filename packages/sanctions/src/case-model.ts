// The sanction case: its states, the commands that move it, and its audited history.
// Nothing is ever removed from a case; each transition appends to the history and bumps the version.
import { z } from 'zod';
import { Role } from './codes.ts';
import { Instant } from './instant.ts';
import type { Money } from './money.ts';
import type { PenaltyComputation } from './penalty-calculator.ts';

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

export interface HistoryEntry {
  readonly seq: number;
  readonly from: CaseState | null;
  readonly to: CaseState;
  readonly command: CommandType | 'draft';
  readonly actor: Actor;
  readonly at: string;
  readonly reason: string;
  /** Version of the case after this entry. */
  readonly version: number;
}

export interface SanctionCase {
  readonly id: string;
  /** Grouping key (carrier + flight, or carrier + period): a regenerated draft never duplicates a case. */
  readonly key: string;
  readonly carrier: string;
  readonly flightKeys: readonly string[];
  readonly period?: string;
  readonly state: CaseState;
  readonly version: number;
  readonly infringementKeys: readonly string[];
  /** Every evidence id the infringements rest on: a notice must disclose them all. */
  readonly evidenceIds: readonly string[];
  readonly computation: PenaltyComputation;
  readonly proposed: Money;
  readonly deadlines: { readonly answerDays: number; readonly appealDays: number };
  readonly createdAt: string;
  readonly notice?: {
    id: string;
    issuedAt: string;
    answerDueBy: string;
    evidence: readonly EvidenceRef[];
  };
  readonly answer?: { at: string; text: string; attachments: readonly string[]; by: string };
  readonly decision?: {
    outcome: 'confirmed' | 'reduced' | 'waived';
    amount: Money;
    reasons: string;
    at: string;
    by: string;
    appealDueBy: string;
  };
  readonly appeal?: { at: string; grounds: string; attachments: readonly string[]; by: string };
  readonly appealDecision?: {
    outcome: 'upheld' | 'reduced' | 'annulled';
    amount: Money;
    reasons: string;
    at: string;
    by: string;
  };
  readonly payment?: { at: string; ref: string; amount: Money };
  readonly history: readonly HistoryEntry[];
}

/** The amount currently owed: the appeal decision's if any, else the decision's. */
export function decidedAmount(c: SanctionCase): Money | undefined {
  return c.appealDecision?.amount ?? c.decision?.amount;
}
