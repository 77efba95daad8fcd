export {
  createScreeningWorker,
  type ScreeningWorker,
  type AssessReport,
} from './screening-worker.ts';
export { shippedReference } from './reference-files.ts';
export { loadScreeningInputs, type ScreeningInputs } from './database-reference.ts';
export { createNetworkAnalysis, type NetworkAnalysis } from './network-analysis.ts';
