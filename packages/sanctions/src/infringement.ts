// An infringement finding against a carrier: what rule, on which flight and traveller, resting
// on which evidence, with the circumstances exemptions need. Its key makes detection idempotent.
import { z } from 'zod';
import { InfringementCode } from './codes.ts';
import { Money } from './money.ts';

export const InfringementCircumstances = z.object({
  /** Arrival outcome in which the person claimed international protection. */
  protectionClaimId: z.string().optional(),
  /** The last answer in force at departure, when it was "board". */
  okToBoardAnswerId: z.string().optional(),
  /** A verdict: the document was produced at boarding (valid then, or false but not apparently so). */
  falsityNotApparentVerdictId: z.string().optional(),
  /** Costs of stay and return the State bore, for cost-based rates. */
  costsIncurred: Money.optional(),
});
export type InfringementCircumstances = z.infer<typeof InfringementCircumstances>;

export const Infringement = z.object({
  /** Stable identity of the fact: the same fact detected twice yields the same key. */
  key: z.string().min(1),
  code: InfringementCode,
  carrier: z.string().min(1),
  flightKey: z.string().min(1),
  /** Scheduled departure of the flight (UTC); used to group cases per period. */
  occurredAt: z.string(),
  travellerId: z.string().optional(),
  /** How many travellers the infringement concerns (per-person rates multiply by it). */
  persons: z.number().int().positive(),
  /** Ids of raw messages, directives, outcomes and verdicts the finding rests on. */
  evidence: z.array(z.string()),
  /** One sentence a carrier can read. */
  message: z.string(),
  circumstances: InfringementCircumstances,
});
export type Infringement = z.infer<typeof Infringement>;

export function infringementKey(
  code: InfringementCode,
  flightKey: string,
  travellerId?: string,
): string {
  return `${code}|${flightKey}|${travellerId ?? '*'}`;
}

/**
 * Merge freshly detected findings into what is already stored: a key seen before is never
 * added twice; its evidence is extended instead (a later outcome can strengthen a finding).
 */
export function mergeInfringements(
  stored: readonly Infringement[],
  detected: readonly Infringement[],
): { all: Infringement[]; added: Infringement[]; updated: Infringement[] } {
  const byKey = new Map(stored.map((i) => [i.key, i] as const));
  const added: Infringement[] = [];
  const updated: Infringement[] = [];
  for (const d of detected) {
    const prev = byKey.get(d.key);
    if (!prev) {
      byKey.set(d.key, d);
      added.push(d);
      continue;
    }
    const extra = d.evidence.filter((e) => !prev.evidence.includes(e));
    if (extra.length === 0) continue;
    const next = {
      ...prev,
      evidence: [...prev.evidence, ...extra],
      circumstances: { ...prev.circumstances, ...d.circumstances },
    };
    byKey.set(d.key, next);
    updated.push(next);
  }
  return { all: [...byKey.values()], added, updated };
}
