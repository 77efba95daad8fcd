export { createScreeningComponents, type ScreeningComponents } from './wiring.ts';
export { ScreeningConfig } from './config.ts';
