export { buildApp } from './app.ts';
export {
  createIngestComponents,
  publishOutboxRows,
  type IngestComponents,
  type IngestOptions,
} from './wiring.ts';
export {
  createIngestService,
  type IngestService,
  type SubmissionResult,
} from './ingest-service.ts';
export { SubmissionReply } from './routes/submission-routes.ts';
export { IngestConfig } from './config.ts';
