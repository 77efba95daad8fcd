export { createRng, type Rng } from './random.ts';
export { generateManifest, generateTraveller, type ManifestSpec } from './manifest-generator.ts';
export { demoFlights, demoDestinationState } from './demo-flights.ts';
export { generatePnrPush, type PnrSpec } from './pnr-generator.ts';
