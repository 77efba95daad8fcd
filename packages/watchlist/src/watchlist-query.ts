// What is screened: a traveller's names, birth date, nationality and documents, validated
// once so that the index only ever sees well-formed queries.
import type { Traveller } from '@paxguard/domain';
import { documentKey, plainDocumentNumber } from './document-number.ts';
import { normaliseName, type NameInput, type NormalisedName } from './name-normaliser.ts';
import { birthDateProblem, parsePartialDate, type PartialDate } from './partial-date.ts';
import { fail, ok, type Result, type WatchlistIssue } from './watchlist-issues.ts';

export interface QueryDocument {
  number: string;
  key: string;
  issuingState?: string;
}

declare const validated: unique symbol;

/** Built only by makeWatchlistQuery / queryFromTraveller. */
export interface WatchlistQuery {
  readonly names: readonly NormalisedName[];
  readonly birthDate?: PartialDate;
  readonly nationality?: string;
  readonly documents: readonly QueryDocument[];
  readonly [validated]: true;
}

export interface WatchlistQueryInput {
  names: NameInput[];
  birthDate?: string;
  nationality?: string;
  documents?: { number: string; issuingState?: string }[];
}

export function makeWatchlistQuery(input: WatchlistQueryInput): Result<WatchlistQuery> {
  const issues: WatchlistIssue[] = [];
  const names: NormalisedName[] = [];
  input.names.forEach((n, i) => {
    const norm = normaliseName(n);
    if (norm.tokens.length === 0)
      issues.push({ code: 'EMPTY_NAME', message: 'the name has no letters', path: `names.${i}` });
    else names.push(norm);
  });
  let birthDate: PartialDate | undefined;
  if (input.birthDate !== undefined) {
    const problem = birthDateProblem(input.birthDate);
    if (problem) issues.push({ code: 'ABSURD_DATE', message: problem, path: 'birthDate' });
    birthDate = parsePartialDate(input.birthDate);
  }
  const documents: QueryDocument[] = [];
  for (const d of input.documents ?? []) {
    const key = documentKey(d.number);
    if (key)
      documents.push({
        number: plainDocumentNumber(d.number),
        key,
        ...(d.issuingState ? { issuingState: d.issuingState } : {}),
      });
  }
  if (names.length === 0 && documents.length === 0 && issues.length === 0)
    issues.push({
      code: 'EMPTY_NAME',
      message: 'a query needs a name with letters or a document number',
      path: 'names',
    });
  if (issues.length > 0) return { ok: false, issues };
  const query = {
    names,
    documents,
    ...(birthDate ? { birthDate } : {}),
    ...(input.nationality ? { nationality: input.nationality.toUpperCase() } : {}),
  };
  return ok(query as unknown as WatchlistQuery);
}

/** The name in an MRZ: TD3/TD2 line 1 after position 5, TD1 line 3. */
function mrzName(lines: readonly string[]): string | undefined {
  const l1 = lines[0];
  if (lines.length === 3) return lines[2];
  if (l1 && l1.length >= 36) return l1.slice(5);
  return undefined;
}

/** The query for one traveller of a manifest: the reported name plus any MRZ name. */
export function queryFromTraveller(traveller: Traveller): Result<WatchlistQuery> {
  if (!traveller?.name) return fail('INVALID_QUERY', 'the traveller has no name', 'name');
  const names: NameInput[] = [traveller.name];
  for (const d of traveller.documents ?? []) {
    const m = d.mrz ? mrzName(d.mrz) : undefined;
    if (m && /[A-Z]{2}/.test(m)) names.push(m);
  }
  const nationality =
    traveller.nationality ??
    traveller.documents?.find((d) => d.holderNationality)?.holderNationality;
  return makeWatchlistQuery({
    names,
    ...(traveller.birthDate ? { birthDate: traveller.birthDate } : {}),
    ...(nationality ? { nationality } : {}),
    documents: (traveller.documents ?? []).map((d) => ({
      number: d.number,
      ...(d.issuingState ? { issuingState: d.issuingState } : {}),
    })),
  });
}
