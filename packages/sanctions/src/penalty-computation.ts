// The shape of a penalty computation as stored with a case and shown in a notice: lines with
// their legal basis and running total, exemptions, caps, and the profile version used.
import { z } from 'zod';
import { ExemptionCode, InfringementCode } from './codes.ts';
import { Money } from './money.ts';

export const AppliedExemption = z.object({
  code: ExemptionCode,
  infringementKey: z.string(),
  basis: z.string(),
  confirmed: z.boolean(),
  /** Why it applies here, naming the evidence or the assessment. */
  reason: z.string(),
});
export type AppliedExemption = z.infer<typeof AppliedExemption>;

export const PenaltyLine = z.object({
  n: z.number().int().positive(),
  kind: z.enum(['charge', 'exempt', 'cap']),
  infringementKeys: z.array(z.string()),
  code: InfringementCode.optional(),
  /** What this line is, in a sentence. */
  what: z.string(),
  basis: z.string(),
  confirmed: z.boolean(),
  /** Negative only on cap lines, which reduce what came before. */
  amountMinor: z.number().int(),
  runningTotalMinor: z.number().int().nonnegative(),
});
export type PenaltyLine = z.infer<typeof PenaltyLine>;

export const CapApplied = z.object({
  capId: z.string(),
  group: z.string(),
  beforeMinor: z.number().int().nonnegative(),
  afterMinor: z.number().int().nonnegative(),
  basis: z.string(),
});
export type CapApplied = z.infer<typeof CapApplied>;

export const PenaltyComputation = z.object({
  profile: z.object({ id: z.string(), version: z.string() }),
  currency: z.string(),
  lines: z.array(PenaltyLine),
  exemptions: z.array(AppliedExemption),
  capsApplied: z.array(CapApplied),
  /** Infringements the profile has no schedule for: recorded, never charged. */
  notCharged: z.array(z.object({ infringementKey: z.string(), reason: z.string() })),
  total: Money,
  /** Bases of figures the reference data marks as not confirmed against a primary text. */
  unconfirmed: z.array(z.string()),
});
export type PenaltyComputation = z.infer<typeof PenaltyComputation>;
