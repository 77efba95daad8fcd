// The closed vocabularies sanctions speak: infringement codes, exemption codes, roles.
// Which of them a jurisdiction uses, and with what amounts, lives in data/jurisdictions.
import { z } from 'zod';

export const InfringementCode = z.enum([
  /** Refused entry for a missing or invalid document the carrier should have checked. */
  'IMPROPERLY_DOCUMENTED_CARRIED',
  /** A do-not-board directive was in force and the traveller flew anyway. */
  'NO_BOARD_IGNORED',
  /** No passenger data was received for the flight. */
  'API_NOT_TRANSMITTED',
  /** Passenger data arrived after the jurisdiction's deadline. */
  'API_LATE',
  /** Required elements missing, declared count not matching, or travellers left out. */
  'API_INCOMPLETE',
  /** Data contradicted by what the border officer saw at arrival. */
  'API_INCORRECT',
  /** The carrier did not take back a refused traveller, so the State bore the cost. */
  'RETURN_OBLIGATION_NOT_MET',
]);
export type InfringementCode = z.infer<typeof InfringementCode>;

export const ExemptionCode = z.enum([
  /** The person claimed international protection (Directive 2001/51/EC art. 4(2)). */
  'PROTECTION_CLAIM',
  /** The carrier asked and relied on an "OK to board" answer. */
  'OK_TO_BOARD_RELIED',
  /** The document was produced at boarding and its falsity was not reasonably apparent. */
  'DOCUMENT_FALSITY_NOT_APPARENT',
  /** Adequate precautions taken (ICAO Annex 9): a person decides, the system records. */
  'ADEQUATE_PRECAUTIONS',
  /** Reasonable diligence (INA §273): a person decides, the system records. */
  'REASONABLE_DILIGENCE',
]);
export type ExemptionCode = z.infer<typeof ExemptionCode>;

/** Exemptions that rest on an officer's or regulator's assessment rather than on recorded facts. */
export const ASSESSED_EXEMPTIONS: readonly ExemptionCode[] = [
  'ADEQUATE_PRECAUTIONS',
  'REASONABLE_DILIGENCE',
];

export const Role = z.enum(['regulator', 'supervisor', 'carrier']);
export type Role = z.infer<typeof Role>;
