// @paxguard/reference-service: the reference-data API and the embedded demo's reference data.
export { buildApp } from './app.ts';
export { createReferenceComponents, type ReferenceComponents } from './wiring.ts';
export { ReferenceConfig } from './config.ts';
export {
  createBacktestRunner,
  type BacktestRunner,
  type BacktestResult,
} from './backtest-runner.ts';
export { seedReferenceDemo, type ReferenceDemoResult } from './demo/reference-demo-seed.ts';
export { loadScreeningInputs, type ScreeningInputs } from '@paxguard/pipeline';
