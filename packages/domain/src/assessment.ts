// What screening concludes about a traveller, and what the carrier is told.
import { z } from 'zod';

/**
 * cleared: nothing found. advisory: something the carrier or officer should know, not adverse.
 * no-board: an objective document failure (automatic). refer: a watchlist, profile or network
 * hit: a person decides before anything adverse happens.
 */
export const Outcome = z.enum(['cleared', 'advisory', 'no-board', 'refer']);
export type Outcome = z.infer<typeof Outcome>;

export const FindingSource = z.enum(['documents', 'watchlist', 'profile', 'network', 'directive']);
export type FindingSource = z.infer<typeof FindingSource>;

export const Finding = z.object({
  source: FindingSource,
  /** Stable machine code, e.g. `DOC_EXPIRED`, `WATCHLIST_MATCH`. */
  code: z.string().min(1),
  /** What this finding alone would make of the traveller. */
  severity: Outcome,
  /** One human sentence: what was found and why it matters. */
  message: z.string().min(1),
  /** The rule, list or profile that decided, with the version of the reference data used. */
  rule: z.object({ id: z.string(), version: z.string() }),
  evidence: z.record(z.string(), z.unknown()).optional(),
});
export type Finding = z.infer<typeof Finding>;

/** The severity order: the outcome of an assessment is its most severe finding. */
const RANK: Record<Outcome, number> = { cleared: 0, advisory: 1, refer: 2, 'no-board': 3 };

export function worstOutcome(findings: readonly Pick<Finding, 'severity'>[]): Outcome {
  let worst: Outcome = 'cleared';
  for (const f of findings) if (RANK[f.severity] > RANK[worst]) worst = f.severity;
  return worst;
}

/** The interactive answer to the carrier (CUSRES ERC / JSON). */
export const BoardingAnswer = z.enum([
  'board',
  'no-board',
  'contact-authority',
  'insufficient-data',
]);
export type BoardingAnswer = z.infer<typeof BoardingAnswer>;
