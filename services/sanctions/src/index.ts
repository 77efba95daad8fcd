// @paxguard/sanctions-service: carrier sanctions over storage, HTTP and the bus.
export { buildApp } from './app.ts';
export {
  createSanctionsComponents,
  type SanctionsComponents,
  type SanctionsOptions,
} from './wiring.ts';
export { SanctionsConfig } from './config.ts';
export type { Caller, AttachmentMeta } from './case-service.ts';
