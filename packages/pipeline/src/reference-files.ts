// Reference data shipped with the code (the visa matrix and the entry rules in
// packages/documents/data), the base every deployment starts from.
import { readFileSync } from 'node:fs';
import { airportStates } from '@paxguard/geo';
import type { ReferenceInputs } from '@paxguard/screening';

const DOCS = new URL('../../documents/data/', import.meta.url);

export function shippedReference(): ReferenceInputs {
  return {
    visaMatrixCsv: readFileSync(
      new URL('visa-requirements/passport-index-tidy-iso3.csv', DOCS),
      'utf8',
    ),
    entryRulesFiles: [readFileSync(new URL('entry-rules.json', DOCS), 'utf8')],
    airportStates: airportStates(),
  };
}
