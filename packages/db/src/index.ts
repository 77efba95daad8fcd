export {
  openDatabase,
  parseDatabaseUrl,
  type Database,
  type DatabaseTarget,
  type Prisma,
} from './database.ts';
export { migrate, readMigrations, MigrationError, type SqlRunner } from './migrate.ts';
export * as db from './generated/prisma/client.ts';
export { hashSecret, newSecret } from './repositories/credentials.ts';
export {
  createCarrierRepository,
  type CarrierRepository,
  type CarrierIdentity,
} from './repositories/carrier-repository.ts';
export {
  createUserRepository,
  ROLES,
  type Role,
  type UserRepository,
  type UserIdentity,
} from './repositories/user-repository.ts';
export {
  createAuditRepository,
  recordAudit,
  type AuditRepository,
  type AuditInput,
} from './repositories/audit-repository.ts';
export { sqlOf, sqlSource, type AnyTx, type SqlSource, type SqlTx } from './repositories/sql-tx.ts';
export {
  completeSubmission,
  createSubmissionRepository,
  sha256Hex,
  type SubmissionRepository,
  type SubmissionStatus,
  type SubmissionOutcome,
} from './repositories/submission-repository.ts';
export {
  applyManifest,
  createFlightRepository,
  type FlightRepository,
  type ApplyManifestInput,
  type ApplyManifestResult,
} from './repositories/flight-repository.ts';
export {
  createInteractiveRepository,
  storableInteractively,
  type InteractiveRepository,
  type InteractiveStoreInput,
  type InteractiveStoreResult,
} from './repositories/interactive-repository.ts';
export {
  createOutboxRelay,
  type OutboxRelay,
  type OutboxRow,
} from './repositories/outbox-relay.ts';
export {
  lockMessage,
  recordPart,
  partsOf,
  markAssembled,
  listIncompleteSince,
} from './repositories/message-part-repository.ts';
export type { Prisma as PrismaTypes } from './generated/prisma/client.ts';
export * from './sanctions/index.ts';
export * from './reference/index.ts';
export {
  createAssessmentRepository,
  storeDirective,
  type AssessmentRepository,
  type AssessmentInput,
  type DirectiveInput,
  type ScreeningSubject,
  type StoreItem,
} from './repositories/assessment-repository.ts';
export {
  createReviewRepository,
  DECISIONS,
  type ReviewRepository,
  type DecisionKind,
} from './repositories/review-repository.ts';
export {
  applyPnrPush,
  createPnrRepository,
  type PnrRepository,
  type ApplyPnrPushInput,
} from './repositories/pnr-repository.ts';
export {
  createDeadLetterRepository,
  type DeadLetterRepository,
  type DeadLetterInput,
} from './repositories/dead-letter-repository.ts';
export {
  createNetworkAlertRepository,
  type NetworkAlertRepository,
  type NetworkAlertInput,
} from './repositories/network-alert-repository.ts';
