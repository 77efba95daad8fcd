// The verdict on one traveller: a decision, and reasons with stable codes, the rule that
// decided each and the reference-data version used.
import type { ReferenceDataVersion } from './reference-data.ts';

export const REASON_CODES = [
  // Objective failures.
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
  'DOC_LOST_STOLEN',
  'MRZ_CHECK_DIGIT',
  'MRZ_MISMATCH',
  // Cannot decide.
  'STATE_CODE_INVALID',
  'DATE_INVALID',
  'DOC_NUMBER_INVALID',
  'FIELDS_CONTRADICTORY',
  'INSUFFICIENT_DATA',
  'MRZ_UNREADABLE',
  'NO_VISA_RULE',
  'AUTHORISATION_NOT_IN_REGISTRY',
  'REFERENCE_DATA_MISSING',
  // Advisories.
  'VALIDITY_DEPENDS_ON_STAY',
  'MINOR_REQUIREMENTS',
  'TRANSIT_RULE_UNKNOWN',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export type ReasonOutcome = 'fail' | 'cannot-decide' | 'advisory';

export interface Reason {
  code: ReasonCode;
  outcome: ReasonOutcome;
  /** One sentence for an officer or a carrier agent. */
  message: string;
  /** The rule that decided: an id from the rules file, `visa-matrix`, or a `baseline.*` rule. */
  ruleId: string;
  /** False when the rule could not be confirmed against a primary source. */
  ruleConfirmed: boolean;
  /** Where in the input the problem is, e.g. `documents[0].expiryDate`. */
  where?: string;
  evidence?: Record<string, unknown>;
}

export interface DocumentVerdict {
  /** True only when the decision is `ok` (advisories may still be present). */
  ok: boolean;
  decision: 'ok' | 'fail' | 'cannot-decide';
  reasons: Reason[];
  referenceVersion: ReferenceDataVersion;
  /** The document the verdict is about (index in traveller.documents), when one was chosen. */
  documentIndex?: number;
  destination: string;
  /** Nationality used to consult the visa matrix, as its country code. */
  nationality?: string;
}

export const OUTCOME_OF: Record<ReasonCode, ReasonOutcome> = {
  DOC_MISSING: 'fail',
  DOC_TYPE_NOT_ACCEPTED: 'fail',
  DOC_EXPIRED: 'fail',
  DOC_VALIDITY_TOO_SHORT: 'fail',
  DOC_ISSUED_TOO_LONG_AGO: 'fail',
  VISA_REQUIRED: 'fail',
  VISA_NOT_VALID_ON_ARRIVAL: 'fail',
  ETA_REQUIRED: 'fail',
  TRANSIT_VISA_REQUIRED: 'fail',
  NO_ADMISSION: 'fail',
  DOC_LOST_STOLEN: 'fail',
  MRZ_CHECK_DIGIT: 'fail',
  MRZ_MISMATCH: 'fail',
  STATE_CODE_INVALID: 'cannot-decide',
  DATE_INVALID: 'cannot-decide',
  DOC_NUMBER_INVALID: 'cannot-decide',
  FIELDS_CONTRADICTORY: 'cannot-decide',
  INSUFFICIENT_DATA: 'cannot-decide',
  MRZ_UNREADABLE: 'cannot-decide',
  NO_VISA_RULE: 'cannot-decide',
  AUTHORISATION_NOT_IN_REGISTRY: 'cannot-decide',
  REFERENCE_DATA_MISSING: 'cannot-decide',
  VALIDITY_DEPENDS_ON_STAY: 'advisory',
  MINOR_REQUIREMENTS: 'advisory',
  TRANSIT_RULE_UNKNOWN: 'advisory',
};
