// The zod schema of the editable entry-rules file (data/entry-rules.json): per-destination
// rules that the visa matrix lacks, each with its source and effective dates.
import { z } from 'zod';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** A state code (ICAO/ISO) or a reference to a group defined in the file (`@SCHENGEN`). */
export const StateRef = z
  .string()
  .regex(
    /^(@[A-Z][A-Z0-9_]*|[A-Z]{1,3})$/,
    'expected a state code such as DEU or a group such as @EU',
  );

export const MatrixKind = z.enum([
  'visa-free',
  'visa-on-arrival',
  'e-visa',
  'eta',
  'visa-required',
  'no-admission',
]);

/**
 * Who a rule concerns, by nationality (as the visa matrix knows it). `all`: everyone;
 * `states`: these nationalities; `matrix`: those whose matrix entry for the destination is one
 * of these; `except` removes nationalities from whatever the others selected.
 */
export const Selector = z
  .object({
    all: z.boolean().optional(),
    states: z.array(StateRef).optional(),
    matrix: z.array(MatrixKind).optional(),
    except: z.array(StateRef).optional(),
  })
  .strict()
  .refine((s) => s.all === true || s.states !== undefined || s.matrix !== undefined, {
    message: 'a selector needs "all": true, "states" or "matrix"',
  });
export type Selector = z.infer<typeof Selector>;

const RuleBase = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]*$/, 'expected a lower-case id such as schengen.validity'),
  /** Where the rule comes from: a legal text, an official page. */
  source: z.string().min(1),
  /** False when the rule could not be checked against a primary source. */
  confirmed: z.boolean(),
  note: z.string().optional(),
  effectiveFrom: IsoDay.optional(),
  /** Last day on which the rule applies (inclusive). */
  effectiveTo: IsoDay.optional(),
  /** False for an announced rule whose start date is not yet fixed (ETIAS): never applied. */
  inForce: z.boolean().default(true),
};

export const PassportValidityRule = z
  .object({
    ...RuleBase,
    kind: z.literal('passport-validity'),
    holders: Selector,
    /** Months the document must still be valid after `from`. */
    minMonthsBeyond: z.number().int().min(0).max(24),
    from: z.enum(['arrival', 'departure']),
    /** Longest stay allowed, used to bound the departure date when the manifest lacks it. */
    maxStayDays: z.number().int().positive().optional(),
    /** The document must have been issued within this many years before arrival. */
    maxIssueAgeYears: z.number().int().positive().optional(),
  })
  .strict();

export const AcceptedDocumentsRule = z
  .object({
    ...RuleBase,
    kind: z.literal('accepted-documents'),
    holders: Selector,
    /** Document type codes accepted as the entry document, besides passports. */
    documentTypes: z.array(z.string().regex(/^[A-Z]{1,3}$/)).min(1),
  })
  .strict();

export const TravelAuthorisationRule = z
  .object({
    ...RuleBase,
    kind: z.literal('travel-authorisation'),
    /** ESTA, eTA, ETA, ETIAS… */
    name: z.string().min(1),
    holders: Selector,
    /** Also required for passengers who only transit. */
    requiredInTransit: z.boolean(),
  })
  .strict();

export const TransitRule = z
  .object({
    ...RuleBase,
    kind: z.literal('transit'),
    /** Passengers who stay airside need no visa, unless listed below. */
    airsideWithoutVisa: z.boolean(),
    /** Nationalities that need an airport transit visa even airside. */
    airportTransitVisa: Selector.optional(),
  })
  .strict();

export const CrewRule = z
  .object({
    ...RuleBase,
    kind: z.literal('crew'),
    /** A crew member certificate (document type AC) is accepted for crew on duty. */
    crewCertificateAccepted: z.boolean(),
    /** Crew on duty need no visa or travel authorisation. */
    visaWaivedOnDuty: z.boolean(),
  })
  .strict();

export const MinorsRule = z
  .object({
    ...RuleBase,
    kind: z.literal('minors'),
    ageBelow: z.number().int().min(1).max(21),
    advice: z.string().min(1),
  })
  .strict();

export const EntryRule = z.discriminatedUnion('kind', [
  PassportValidityRule,
  AcceptedDocumentsRule,
  TravelAuthorisationRule,
  TransitRule,
  CrewRule,
  MinorsRule,
]);
export type EntryRule = z.infer<typeof EntryRule>;

export const DestinationRules = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    name: z.string().min(1),
    /** The arrival States these rules govern. */
    states: z.array(StateRef).min(1),
    rules: z.array(EntryRule),
  })
  .strict();
export type DestinationRules = z.infer<typeof DestinationRules>;

export const EntryRulesFile = z
  .object({
    schema: z.literal('paxguard.entry-rules/1'),
    /** `entry-rules@YYYY-MM-DD.N`: named on every verdict decided with this file. */
    version: z
      .string()
      .regex(/^entry-rules@\d{4}-\d{2}-\d{2}\.\d+$/, 'expected entry-rules@YYYY-MM-DD.N'),
    /** First arrival date this version governs; older arrivals use an older version. */
    effectiveFrom: IsoDay,
    description: z.string().optional(),
    visaMatrix: z
      .object({ dataset: z.string(), updated: IsoDay, source: z.string(), licence: z.string() })
      .strict(),
    groups: z.record(
      z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'group names are upper case'),
      z.array(z.string().regex(/^[A-Z]{1,3}$/)),
    ),
    baseline: z
      .object({
        /** Passport types every destination accepts. */
        passportTypes: z.array(z.string().regex(/^[A-Z]{1,3}$/)).min(1),
        /** Document types that are authorisations rather than entry documents. */
        visaTypes: z.array(z.string().regex(/^[A-Z]{1,4}$/)),
        etaTypes: z.array(z.string().regex(/^[A-Z]{1,4}$/)),
        crewCertificateTypes: z.array(z.string().regex(/^[A-Z]{1,3}$/)),
        /** Normalised document numbers shorter than this are treated as truncated. */
        minDocumentNumberLength: z.number().int().min(1).max(9),
        source: z.string().min(1),
      })
      .strict(),
    destinations: z.array(DestinationRules),
  })
  .strict();
export type EntryRulesFile = z.infer<typeof EntryRulesFile>;
