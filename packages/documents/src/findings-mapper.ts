// Turns a verdict into domain Findings. Only confirmed, objective failures become no-board;
// anything uncertain becomes refer so that "cannot decide" is never read as cleared.
import type { Finding, Outcome } from '@paxguard/domain';
import type { DocumentVerdict, Reason, ReasonCode } from './verdict-types.ts';

/** Failures a machine may act on alone, when the deciding rule is confirmed. */
const OBJECTIVE: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'DOC_MISSING',
  'DOC_TYPE_NOT_ACCEPTED',
  'DOC_EXPIRED',
  'DOC_VALIDITY_TOO_SHORT',
  'DOC_ISSUED_TOO_LONG_AGO',
  'VISA_REQUIRED',
  'VISA_NOT_VALID_ON_ARRIVAL',
  'ETA_REQUIRED',
  'TRANSIT_VISA_REQUIRED',
  'NO_ADMISSION',
]);

export function severityOf(r: Reason): Outcome {
  if (r.outcome === 'advisory') return 'advisory';
  if (r.outcome === 'fail' && OBJECTIVE.has(r.code) && r.ruleConfirmed) return 'no-board';
  // Lost/stolen hits (hash and O/0 folding), MRZ faults (capture errors), unconfirmed rules
  // and every cannot-decide go to a person.
  return 'refer';
}

export function toFindings(verdict: DocumentVerdict): Finding[] {
  const findings: Finding[] = verdict.reasons.map((r) => {
    const evidence: Record<string, unknown> = {
      decision: verdict.decision,
      outcome: r.outcome,
      ruleConfirmed: r.ruleConfirmed,
    };
    if (r.where !== undefined) evidence.where = r.where;
    if (r.evidence !== undefined) Object.assign(evidence, r.evidence);
    return {
      source: 'documents',
      code: r.code,
      severity: severityOf(r),
      message: r.message,
      rule: { id: r.ruleId, version: verdict.referenceVersion },
      evidence,
    };
  });
  if (
    verdict.decision === 'cannot-decide' &&
    !findings.some((f) => f.severity === 'refer' || f.severity === 'no-board')
  ) {
    findings.push({
      source: 'documents',
      code: 'INSUFFICIENT_DATA',
      severity: 'refer',
      message: 'The document check could not reach a decision.',
      rule: { id: 'baseline.input', version: verdict.referenceVersion },
    });
  }
  return findings;
}
