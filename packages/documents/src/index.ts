// @paxguard/documents: document-possession verdicts and the reference data they run on. Pure:
// the caller reads the data files and passes their text in.
export { checkTraveller, type CheckInput, type CheckContext } from './traveller-check.ts';
export { toFindings, severityOf } from './findings-mapper.ts';
export {
  REASON_CODES,
  OUTCOME_OF,
  type ReasonCode,
  type ReasonOutcome,
  type Reason,
  type DocumentVerdict,
} from './verdict-types.ts';
export { journeyFromFlight, type Journey, type JourneyResult } from './journey.ts';
export {
  loadEntryReference,
  compileReferenceVersion,
  createEntryReference,
  versionFor,
  type EntryReference,
  type ReferenceVersion,
  type ReferenceDataVersion,
  type LoadReferenceResult,
} from './reference-data.ts';
export {
  parseVisaMatrixCsv,
  matrixRequirement,
  type VisaMatrix,
  type MatrixRequirement,
  type CsvIssue,
  type VisaMatrixResult,
} from './visa-matrix.ts';
export { importRules, exportRules, type RulesImport, type RulesIssue } from './entry-rules.ts';
export { EntryRulesFile, EntryRule, DestinationRules, Selector } from './entry-rules-schema.ts';
export {
  TravelAuthorisation,
  InMemoryAuthorisationRegistry,
  checkAuthorisation,
  parseAuthorisationsJson,
  type TravelAuthorisationLookup,
  type RegistryIssue,
} from './travel-authorisation-registry.ts';
export {
  LostStolenIndex,
  LOST_STOLEN_STATUSES,
  type LostStolenHit,
  type LostStolenLookup,
  type LostStolenStatus,
} from './lost-stolen-index.ts';
export {
  LostStolenBuilder,
  type LostStolenBuild,
  type LostStolenIssue,
} from './lost-stolen-builder.ts';
export { normaliseDocumentNumber } from './document-number.ts';
export { keyCountry } from './lost-stolen-index.ts';
export {
  lookupStateCode,
  isStateCode,
  ALL_STATE_CODES,
  type StateCodeInfo,
  type StateCodeKind,
} from './state-codes.ts';
export { readMrz, type MrzData, type MrzRead, type MrzCheckFailure } from './mrz-reader.ts';
export { crossCheckMrz, type MrzMismatch } from './mrz-cross-check.ts';
export { checkDigit } from './check-digit.ts';
export { parseIsoDate, formatDay, addMonths } from './calendar-date.ts';
