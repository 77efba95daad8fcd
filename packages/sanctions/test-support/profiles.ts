// Test and benchmark helper: load the shipped jurisdiction profiles from data/ (fs allowed here).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JurisdictionProfile } from '../src/jurisdiction-schema.ts';
import { parseJurisdiction } from '../src/jurisdiction-schema.ts';

export const JURISDICTIONS_DIR = fileURLToPath(new URL('../data/jurisdictions/', import.meta.url));

export function profileFiles(): string[] {
  return readdirSync(JURISDICTIONS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function profileText(id: string): string {
  return readFileSync(`${JURISDICTIONS_DIR}${id}.json`, 'utf8');
}

export function loadProfile(id: string): JurisdictionProfile {
  const r = parseJurisdiction(profileText(id));
  if (!r.ok)
    throw new Error(`${id}: ${r.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`);
  return r.value;
}

export function loadAllProfiles(): JurisdictionProfile[] {
  return profileFiles().map((f) => loadProfile(f.replace(/\.json$/, '')));
}
