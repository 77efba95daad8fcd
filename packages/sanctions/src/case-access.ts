// Who may see which case: regulators and supervisors see all; a carrier sees only its own
// cases, notices and evidence. The HTTP layer filters with this, never with its own rule.
import type { Actor, SanctionCase } from './case-model.ts';

export function canSeeCase(actor: Actor, c: Pick<SanctionCase, 'carrier'>): boolean {
  if (actor.role !== 'carrier') return true;
  return actor.carrier !== undefined && actor.carrier === c.carrier;
}

export function casesVisibleTo<T extends Pick<SanctionCase, 'carrier'>>(
  actor: Actor,
  cases: readonly T[],
): T[] {
  return cases.filter((c) => canSeeCase(actor, c));
}
