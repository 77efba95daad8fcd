export {
  createScreeningWorker,
  type ScreeningWorker,
  type AssessReport,
} from './screening-worker.ts';
export { shippedReference } from './reference-files.ts';
