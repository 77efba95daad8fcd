// Builds reasons with the outcome their code implies, so a code can never be filed twice
// with two different meanings.
import { OUTCOME_OF, type Reason, type ReasonCode } from './verdict-types.ts';

export function reason(
  code: ReasonCode,
  message: string,
  ruleId: string,
  ruleConfirmed: boolean,
  where?: string,
  evidence?: Record<string, unknown>,
): Reason {
  const r: Reason = { code, outcome: OUTCOME_OF[code], message, ruleId, ruleConfirmed };
  if (where !== undefined) r.where = where;
  if (evidence !== undefined) r.evidence = evidence;
  return r;
}
