// The entry rules and visa matrix shipped in packages/documents/data/: the fallback when no
// entry-rules version is stored, and the visa matrix every snapshot carries (never stored).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface EntryRulesFiles {
  visaMatrixCsv?: string;
  rulesFiles: string[];
}

let cached: { visaMatrixCsv: string; rulesFile: string } | undefined;

function dataDir(): string {
  // The package's entry point is src/index.ts; its data sits next to src.
  const entry = createRequire(import.meta.url).resolve('@paxguard/documents');
  return path.join(path.dirname(entry), '..', 'data');
}

/** Reads the shipped files once per process. */
export function readShippedEntryRules(): { visaMatrixCsv: string; rulesFile: string } {
  if (!cached) {
    const dir = dataDir();
    cached = {
      visaMatrixCsv: readFileSync(
        path.join(dir, 'visa-requirements', 'passport-index-tidy-iso3.csv'),
        'utf8',
      ),
      rulesFile: readFileSync(path.join(dir, 'entry-rules.json'), 'utf8'),
    };
  }
  return cached;
}
