// An infringement finding against a carrier: what rule, on which flight and traveller, resting
// on which evidence, with the circumstances exemptions need. Its key makes detection idempotent.
import type { InfringementCode } from './codes.ts';
import type { Money } from './money.ts';

export interface InfringementCircumstances {
  /** Arrival outcome in which the person claimed international protection. */
  readonly protectionClaimId?: string;
  /** The last answer in force at departure, when it was "board". */
  readonly okToBoardAnswerId?: string;
  /** A verdict: the document was produced at boarding (valid then, or false but not apparently so). */
  readonly falsityNotApparentVerdictId?: string;
  /** Costs of stay and return the State bore, for cost-based rates. */
  readonly costsIncurred?: Money;
}

export interface Infringement {
  /** Stable identity of the fact: the same fact detected twice yields the same key. */
  readonly key: string;
  readonly code: InfringementCode;
  readonly carrier: string;
  readonly flightKey: string;
  /** Scheduled departure of the flight (UTC); used to group cases per period. */
  readonly occurredAt: string;
  readonly travellerId?: string;
  /** How many travellers the infringement concerns (per-person rates multiply by it). */
  readonly persons: number;
  /** Ids of raw messages, directives, outcomes and verdicts the finding rests on. */
  readonly evidence: readonly string[];
  /** One sentence a carrier can read. */
  readonly message: string;
  readonly circumstances: InfringementCircumstances;
}

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
