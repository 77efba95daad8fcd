export { createRng, type Rng } from './random.ts';
export { generateManifest, generateTraveller, type ManifestSpec } from './manifest-generator.ts';
