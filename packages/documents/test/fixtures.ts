// Test support: loads the shipped data files once and builds travellers and MRZs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Traveller, TravelDocument } from '@paxguard/domain';
import { checkDigit } from '../src/check-digit.ts';
import { loadEntryReference, type EntryReference } from '../src/reference-data.ts';

const data = (p: string): string =>
  readFileSync(fileURLToPath(new URL(`../data/${p}`, import.meta.url)), 'utf8');

export const visaCsv = (): string => data('visa-requirements/passport-index-tidy-iso3.csv');
export const rulesText = (): string => data('entry-rules.json');

let cached: EntryReference | undefined;
export function reference(): EntryReference {
  if (!cached) {
    const r = loadEntryReference({ visaMatrixCsv: visaCsv(), rulesFiles: [rulesText()] });
    if (!r.ok) throw new Error(`reference data does not load: ${JSON.stringify(r)}`);
    cached = r.reference;
  }
  return cached;
}

export function traveller(
  over: Partial<Traveller> & { documents?: TravelDocument[] } = {},
): Traveller {
  return {
    role: 'passenger',
    name: { surname: 'MUSTERMANN', given: ['ERIKA'] },
    sex: 'F',
    birthDate: '1984-08-12',
    nationality: 'DEU',
    references: {},
    documents: [],
    ...over,
  };
}

export function passport(over: Partial<TravelDocument> = {}): TravelDocument {
  return {
    type: 'P',
    number: 'C01X00T47',
    issuingState: 'DEU',
    expiryDate: '2031-10-31',
    issueDate: '2021-11-01',
    ...over,
  };
}

const pad = (s: string, n: number): string => (s + '<'.repeat(n)).slice(0, n);
const withCd = (s: string): string => s + String(checkDigit(s));

/** A TD3 (passport) MRZ with correct check digits. Dates as YYMMDD. */
export function td3(f: {
  code?: string;
  state: string;
  surname: string;
  given: string;
  number: string;
  nationality: string;
  birth: string;
  sex: string;
  expiry: string;
}): string[] {
  const line1 = pad(
    `${pad(f.code ?? 'P', 2)}${pad(f.state, 3)}${f.surname}<<${f.given.replace(/ /g, '<')}`,
    44,
  );
  const num = withCd(pad(f.number, 9));
  const birth = withCd(f.birth);
  const expiry = withCd(f.expiry);
  const personal = withCd(pad('', 14));
  const composite = checkDigit(num + birth + expiry + personal);
  return [line1, `${num}${pad(f.nationality, 3)}${birth}${f.sex}${expiry}${personal}${composite}`];
}
