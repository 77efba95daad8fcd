// The watchlist model as lists arrive from files or the database: zod schemas, the types
// inferred from them, and the parsers that turn untrusted JSON into typed results.
import { z } from 'zod';
import { StateCode, UtcInstant } from '@paxguard/domain';
import { birthDateProblem } from './partial-date.ts';
import { issuesFromZod, ok, type Result } from './watchlist-issues.ts';

const nonBlank = z.string().refine((s) => /[\p{L}\p{N}]/u.test(s), {
  message: 'a name needs at least one letter',
  params: { code: 'EMPTY_NAME' },
});

/** A name as listed: free text in any script ("SURNAME, Given", "Given Surname", MRZ) or split. */
export const WatchlistName = z.union([
  nonBlank,
  z.object({ surname: nonBlank, given: z.array(z.string()).default([]) }),
]);
export type WatchlistName = z.infer<typeof WatchlistName>;

/** `YYYY-MM-DD` or `YYYY` (year only). */
export const WatchlistBirthDate = z.string().superRefine((s, ctx) => {
  const problem = birthDateProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'ABSURD_DATE' } });
});

export const ListedDocument = z.object({
  number: z.string().refine((s) => /[A-Za-z0-9]/.test(s), 'a document number needs a character'),
  type: z.string().optional(),
  issuingState: StateCode.optional(),
});
export type ListedDocument = z.infer<typeof ListedDocument>;

export const WatchlistSeverity = z.enum(['low', 'medium', 'high', 'critical']);
export type WatchlistSeverity = z.infer<typeof WatchlistSeverity>;

export const WatchlistEntry = z.object({
  id: z.string().min(1),
  /** The first name is the primary one; the rest are aliases (any script). */
  names: z.array(WatchlistName).default([]),
  birthDates: z.array(WatchlistBirthDate).default([]),
  nationalities: z.array(StateCode).default([]),
  documents: z.array(ListedDocument).default([]),
  /** e.g. `immigration`, `lost-stolen-document`, `smuggling-facilitator`. */
  category: z.string().min(1),
  severity: WatchlistSeverity,
  remarks: z.string().optional(),
});
export type WatchlistEntry = z.infer<typeof WatchlistEntry>;
export type WatchlistEntryInput = z.input<typeof WatchlistEntry>;

export const WatchlistThresholds = z.object({
  /**
   * A hit is reported at or above this score. Above the birth-date mismatch factor (0.55)
   * so that a listed year more than one off rules a namesake out, which the index relies on.
   */
  alert: z.number().min(0.6).max(1).default(0.8),
});

export const Watchlist = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    version: z.string().min(1),
    /** persons: matched by name, birth date, nationality and document; documents: by number. */
    kind: z.enum(['persons', 'documents']),
    thresholds: WatchlistThresholds.default({ alert: 0.8 }),
    entries: z.array(WatchlistEntry),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.entries.forEach((e, i) => {
      if (seen.has(e.id))
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'id'],
          message: `entry id ${e.id} appears twice in list ${list.id}`,
          params: { code: 'DUPLICATE_ENTRY' },
        });
      seen.add(e.id);
      if (list.kind === 'persons' && e.names.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'names'],
          message: `entry ${e.id} of a persons list has no name`,
          params: { code: 'EMPTY_NAME' },
        });
      if (list.kind === 'documents' && e.documents.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'documents'],
          message: `entry ${e.id} of a documents list has no document number`,
        });
    });
  });
export type Watchlist = z.infer<typeof Watchlist>;
export type WatchlistInput = z.input<typeof Watchlist>;

/**
 * A known false positive: this traveller identity is not that entry, for a stated period.
 * Identity is the document number, or the name and birth date, of the cleared person.
 */
export const ClearedTraveller = z
  .object({
    entryId: z.string().min(1),
    listId: z.string().min(1).optional(),
    identity: z.object({
      name: WatchlistName.optional(),
      birthDate: WatchlistBirthDate.optional(),
      documentNumber: z.string().min(1).optional(),
    }),
    validFrom: UtcInstant,
    validUntil: UtcInstant,
    reason: z.string().min(1),
    clearedBy: z.string().min(1),
  })
  .refine((c) => c.identity.documentNumber !== undefined || c.identity.name !== undefined, {
    message: 'a cleared identity needs a document number or a name',
    path: ['identity'],
  })
  .refine((c) => c.validFrom < c.validUntil, {
    message: 'validUntil must be after validFrom',
    path: ['validUntil'],
  });
export type ClearedTraveller = z.infer<typeof ClearedTraveller>;

export function parseWatchlist(json: unknown): Result<Watchlist> {
  const r = Watchlist.safeParse(json);
  return r.success ? ok(r.data) : { ok: false, issues: issuesFromZod(r.error, 'INVALID_LIST') };
}

export function parseWatchlistEntry(json: unknown): Result<WatchlistEntry> {
  const r = WatchlistEntry.safeParse(json);
  return r.success ? ok(r.data) : { ok: false, issues: issuesFromZod(r.error, 'INVALID_ENTRY') };
}

export function parseClearedList(json: unknown): Result<ClearedTraveller[]> {
  const r = z.array(ClearedTraveller).safeParse(json);
  return r.success
    ? ok(r.data)
    : { ok: false, issues: issuesFromZod(r.error, 'INVALID_CLEARED_RECORD') };
}
