// Which exemption of a profile takes an infringement out of the penalty, and why. Factual
// exemptions read the infringement's circumstances; assessed ones need a person's recorded decision.
import { z } from 'zod';
import { ExemptionCode } from './codes.ts';
import type { Infringement } from './infringement.ts';
import type { Exemption } from './jurisdiction-schema.ts';
import type { AppliedExemption } from './penalty-computation.ts';

/** A regulator's or officer's assessment of an exemption that facts alone cannot settle. */
export const ExemptionAssessment = z.object({
  exemption: ExemptionCode,
  /** The infringement key it concerns, or `*` for every infringement in the computation. */
  infringementKey: z.string().min(1),
  accepted: z.boolean(),
  reason: z.string().min(1),
  by: z.string().min(1),
});
export type ExemptionAssessment = z.infer<typeof ExemptionAssessment>;

function factualReason(e: Exemption, inf: Infringement): string | undefined {
  const c = inf.circumstances;
  switch (e.code) {
    case 'PROTECTION_CLAIM':
      return c.protectionClaimId
        ? `traveller ${inf.travellerId ?? '?'} claimed international protection (outcome ${c.protectionClaimId})`
        : undefined;
    case 'OK_TO_BOARD_RELIED':
      return c.okToBoardAnswerId
        ? `the carrier was told it may board traveller ${inf.travellerId ?? '?'} (answer ${c.okToBoardAnswerId}) and relied on it`
        : undefined;
    case 'DOCUMENT_FALSITY_NOT_APPARENT':
      return c.falsityNotApparentVerdictId
        ? `the document was produced at boarding and, if false, its falsity was not reasonably apparent (verdict ${c.falsityNotApparentVerdictId})`
        : undefined;
    default:
      return undefined;
  }
}

/** The first exemption of the profile that applies to this infringement, or undefined. */
export function findExemption(
  inf: Infringement,
  exemptions: readonly Exemption[],
  assessments: readonly ExemptionAssessment[],
): AppliedExemption | undefined {
  for (const e of exemptions) {
    if (!e.appliesTo.includes(inf.code)) continue;
    let reason = factualReason(e, inf);
    if (!reason) {
      const a = assessments.find(
        (x) =>
          x.exemption === e.code &&
          x.accepted &&
          (x.infringementKey === inf.key || x.infringementKey === '*'),
      );
      if (a) reason = `assessed by ${a.by}: ${a.reason}`;
    }
    if (reason)
      return {
        code: e.code,
        infringementKey: inf.key,
        basis: e.basis,
        confirmed: e.confirmed,
        reason,
      };
  }
  return undefined;
}
