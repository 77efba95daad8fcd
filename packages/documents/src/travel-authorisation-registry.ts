// Issued visas and electronic travel authorisations, keyed by the travel document they are
// linked to (number + nationality). The check reads through the lookup interface only.
import { z } from 'zod';
import { parseIsoDate } from './calendar-date.ts';
import { isStateCode, lookupStateCode } from './state-codes.ts';
import { normaliseDocumentNumber } from './document-number.ts';

export const TravelAuthorisation = z
  .object({
    kind: z.enum(['visa', 'eta']),
    /** The visa sticker / authorisation number (what a manifest DOC V carries). */
    number: z.string().min(1),
    /** The travel document it is linked to. */
    documentNumber: z.string().min(1),
    nationality: z.string().regex(/^[A-Z]{1,3}$/),
    issuingState: z.string().regex(/^[A-Z]{1,3}$/),
    /** States where it may be used (a Schengen visa lists every Schengen State). */
    validFor: z.array(z.string().regex(/^[A-Z]{1,3}$/)).min(1),
    validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Last valid day (inclusive). */
    validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** null: multiple entries. */
    entriesAllowed: z.number().int().positive().nullable(),
    entriesUsed: z.number().int().nonnegative().default(0),
    /** Airport transit visa only. */
    transitOnly: z.boolean().default(false),
    revoked: z.boolean().default(false),
  })
  .strict();
export type TravelAuthorisation = z.infer<typeof TravelAuthorisation>;

/**
 * What the check needs from a registry. Synchronous, so a verdict never waits on I/O: a
 * database-backed implementation prefetches the authorisations of a manifest's documents
 * (`keysOf` lists them) and answers from that batch.
 */
export interface TravelAuthorisationLookup {
  /** Authorisations linked to this document; the number is compared normalised. */
  find(documentNumber: string, nationality: string): readonly TravelAuthorisation[];
}

export interface RegistryIssue {
  index: number;
  path: string;
  message: string;
}

/** Validates one record beyond its shape: known codes, real dates in order. */
export function checkAuthorisation(
  input: unknown,
  index = 0,
): { ok: true; value: TravelAuthorisation } | { ok: false; issues: RegistryIssue[] } {
  const parsed = TravelAuthorisation.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        index,
        path: i.path.join('.'),
        message: i.message,
      })),
    };
  }
  const a = parsed.data;
  const issues: RegistryIssue[] = [];
  for (const [path, code] of [
    ['nationality', a.nationality],
    ['issuingState', a.issuingState],
    ...a.validFor.map((c, i) => [`validFor.${i}`, c]),
  ] as const) {
    if (!isStateCode(code))
      issues.push({ index, path, message: `${code} is not an ICAO state code` });
  }
  const from = parseIsoDate(a.validFrom);
  const until = parseIsoDate(a.validUntil);
  if (from === null)
    issues.push({ index, path: 'validFrom', message: `${a.validFrom} is not a calendar date` });
  if (until === null)
    issues.push({ index, path: 'validUntil', message: `${a.validUntil} is not a calendar date` });
  if (from !== null && until !== null && until < from)
    issues.push({ index, path: 'validUntil', message: 'validUntil is before validFrom' });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: a };
}

const NONE: readonly TravelAuthorisation[] = [];

/** An in-memory registry, for tests, the embedded demo, or a prefetched batch. */
export class InMemoryAuthorisationRegistry implements TravelAuthorisationLookup {
  // Nationality country → normalised document number → records: no key string is built per lookup.
  private readonly byKey = new Map<string, Map<string, TravelAuthorisation[]>>();

  /** Adds records that pass validation; returns the issues of those that did not. */
  add(records: readonly unknown[]): RegistryIssue[] {
    const issues: RegistryIssue[] = [];
    records.forEach((r, i) => {
      const checked = checkAuthorisation(r, i);
      if (!checked.ok) {
        issues.push(...checked.issues);
        return;
      }
      const a = checked.value;
      const country = lookupStateCode(a.nationality)?.country ?? a.nationality;
      let byNumber = this.byKey.get(country);
      if (!byNumber) this.byKey.set(country, (byNumber = new Map()));
      const number = normaliseDocumentNumber(a.documentNumber);
      const list = byNumber.get(number);
      if (list) list.push(a);
      else byNumber.set(number, [a]);
    });
    return issues;
  }

  find(documentNumber: string, nationality: string): readonly TravelAuthorisation[] {
    const country = lookupStateCode(nationality)?.country ?? nationality;
    return this.byKey.get(country)?.get(normaliseDocumentNumber(documentNumber)) ?? NONE;
  }

  get size(): number {
    let n = 0;
    for (const m of this.byKey.values()) for (const l of m.values()) n += l.length;
    return n;
  }
}

/**
 * Parses an import file (a JSON array of records, as the API or a batch export sends them).
 * Valid records are returned even when others are rejected; each issue names its record index.
 */
export function parseAuthorisationsJson(text: string): {
  records: TravelAuthorisation[];
  issues: RegistryIssue[];
} {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      records: [],
      issues: [{ index: -1, path: '', message: `not JSON: ${(e as Error).message}` }],
    };
  }
  if (!Array.isArray(json))
    return {
      records: [],
      issues: [{ index: -1, path: '', message: 'expected a JSON array of authorisations' }],
    };
  const records: TravelAuthorisation[] = [];
  const issues: RegistryIssue[] = [];
  json.forEach((item, i) => {
    const checked = checkAuthorisation(item, i);
    if (checked.ok) records.push(checked.value);
    else issues.push(...checked.issues);
  });
  return { records, issues };
}
