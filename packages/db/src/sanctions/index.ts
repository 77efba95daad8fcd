// Sanctions storage: repositories over prisma/schema/sanctions.prisma.
export {
  createOutcomeRepository,
  type OutcomeRepository,
  type StoredOutcomeInput,
} from './outcome-repository.ts';
export {
  createFlightFactsRepository,
  type FlightFactsRepository,
  type FlightFactsResult,
  type StoredFlightFacts,
} from './flight-facts-repository.ts';
export {
  createInfringementRepository,
  type InfringementRepository,
  type StoredInfringement,
} from './infringement-repository.ts';
export {
  createCaseRepository,
  type CaseRepository,
  type StoredCase,
  type AnswerInput,
  type EvidenceInput,
} from './case-repository.ts';
export {
  createProfileRepository,
  type ProfileRepository,
  type ProfileVersionInput,
} from './profile-repository.ts';
export {
  createDemoFlightRepository,
  type DemoFlightRepository,
  type DemoFlightSpec,
} from './demo-flight-repository.ts';
