// Test helper: reads the GTAS sample messages shipped under test-fixtures/ (tests only).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, 'gtas');

export function fixture(kind: 'paxlst' | 'pnrgov', name: string): string {
  return readFileSync(join(ROOT, kind, name), 'utf8');
}

export function fixtureNames(kind: 'paxlst' | 'pnrgov'): string[] {
  return readdirSync(join(ROOT, kind)).sort();
}
