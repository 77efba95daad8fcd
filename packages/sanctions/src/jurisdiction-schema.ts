// The schema of a jurisdiction profile: fine schedule, caps, deadlines and exemptions as
// versioned reference data (data/jurisdictions/*.json), and the pure parser for it.
import { z } from 'zod';
import { ExemptionCode, InfringementCode } from './codes.ts';
import { CurrencyCode } from './money.ts';
import type { Result } from './problem.ts';
import { fail, ok, problemsFromZod } from './problem.ts';

const MinorUnits = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Every legal statement carries its basis, its source and whether a primary text confirmed it. */
const Cited = {
  basis: z.string().min(1),
  source: z.string().min(1),
  confirmed: z.boolean(),
  note: z.string().optional(),
};

export const LegalSource = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  url: z.url().optional(),
});

export const RateUnit = z.enum(['per-person', 'per-journey', 'per-infringement', 'costs-incurred']);
export type RateUnit = z.infer<typeof RateUnit>;

export const Rate = z.object({
  infringement: InfringementCode,
  unit: RateUnit,
  /** In the profile's currency, minor units. Absent for penalty-unit and cost-based rates. */
  amountMinor: MinorUnits.optional(),
  penaltyUnits: z.number().int().positive().optional(),
  /** fixed: the law sets the amount; maximum / minimum: the law sets a bound, we propose it. */
  nature: z.enum(['fixed', 'maximum', 'minimum']),
  /** Replaced by the carrier's performance-tier amount when the caller knows the tier. */
  tiered: z.boolean().default(false),
  ...Cited,
});
export type Rate = z.infer<typeof Rate>;

export const Cap = z.object({
  id: z.string().min(1),
  scope: z.enum(['per-person', 'per-journey', 'per-case']),
  /** Which infringements the cap covers; empty means all. */
  infringements: z.array(InfringementCode).default([]),
  amountMinor: MinorUnits,
  ...Cited,
});
export type Cap = z.infer<typeof Cap>;

export const Exemption = z.object({
  code: ExemptionCode,
  appliesTo: z.array(InfringementCode).min(1),
  ...Cited,
});
export type Exemption = z.infer<typeof Exemption>;

export const Deadline = z.object({ ...Cited });

export const Deadlines = z.object({
  /** Passenger data due this many minutes before scheduled departure (0 = by departure). */
  api: Deadline.extend({
    minutesBeforeDeparture: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
  }),
  /** Days the carrier has to answer a notice of intended sanction. */
  carrierAnswer: Deadline.extend({ days: z.number().int().positive().max(365) }),
  /** Days to appeal a decision. */
  appeal: Deadline.extend({ days: z.number().int().positive().max(365) }),
});

export const PerformanceTier = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** The tier applies when improperly documented arrivals per 10 000 passengers are at most this… */
  maxImproperlyDocumentedPer10k: z.number().nonnegative().optional(),
  /** …and their count in the period is at most this (IRPR s.280(2): a number set in the MOU)… */
  maxImproperlyDocumented: z.number().int().nonnegative().optional(),
  /** …and API completeness is at least this rate (0–1). */
  minApiCompleteness: z.number().min(0).max(1).default(0),
  amountMinor: MinorUnits,
});
export type PerformanceTier = z.infer<typeof PerformanceTier>;

export const PerformanceTiers = z.object({
  /** Best tier first; a carrier meeting none pays the rate's own amount. */
  tiers: z.array(PerformanceTier).min(1),
  ...Cited,
});

export const PenaltyUnit = z.object({
  valueMinor: MinorUnits,
  effectiveFrom: z.iso.date(),
  ...Cited,
});

export const JurisdictionProfile = z
  .object({
    schema: z.literal('paxguard.jurisdiction/1'),
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lower-case kebab-case id'),
    /** Bumped on every edit; recorded on every computation that used the profile. */
    version: z.string().min(1),
    title: z.string().min(1),
    currency: CurrencyCode,
    effectiveFrom: z.iso.date(),
    sources: z.array(LegalSource).min(1),
    rates: z.array(Rate),
    caps: z.array(Cap).default([]),
    exemptions: z.array(Exemption).default([]),
    deadlines: Deadlines,
    performanceTiers: PerformanceTiers.optional(),
    penaltyUnit: PenaltyUnit.optional(),
    notes: z.array(z.string()).default([]),
  })
  .superRefine((p, ctx) => {
    const sourceIds = new Set(p.sources.map((s) => s.id));
    const cite = (source: string, path: PropertyKey[]) => {
      if (!sourceIds.has(source))
        ctx.addIssue({ code: 'custom', message: `unknown source "${source}"`, path });
    };
    const seen = new Set<string>();
    p.rates.forEach((r, i) => {
      cite(r.source, ['rates', i, 'source']);
      if (seen.has(r.infringement))
        ctx.addIssue({
          code: 'custom',
          message: `${r.infringement} has more than one rate`,
          path: ['rates', i, 'infringement'],
        });
      seen.add(r.infringement);
      const priced = (r.amountMinor !== undefined ? 1 : 0) + (r.penaltyUnits !== undefined ? 1 : 0);
      if (r.unit === 'costs-incurred' ? priced !== 0 : priced !== 1)
        ctx.addIssue({
          code: 'custom',
          message:
            r.unit === 'costs-incurred'
              ? 'a costs-incurred rate takes no amount: the cost comes from the evidence'
              : 'a rate needs exactly one of amountMinor or penaltyUnits',
          path: ['rates', i],
        });
      if (r.penaltyUnits !== undefined && !p.penaltyUnit)
        ctx.addIssue({
          code: 'custom',
          message: 'penaltyUnits used but the profile defines no penaltyUnit value',
          path: ['rates', i, 'penaltyUnits'],
        });
      if (r.tiered && !p.performanceTiers)
        ctx.addIssue({
          code: 'custom',
          message: 'a tiered rate needs performanceTiers',
          path: ['rates', i, 'tiered'],
        });
    });
    p.caps.forEach((c, i) => cite(c.source, ['caps', i, 'source']));
    p.exemptions.forEach((e, i) => cite(e.source, ['exemptions', i, 'source']));
    cite(p.deadlines.api.source, ['deadlines', 'api', 'source']);
    cite(p.deadlines.carrierAnswer.source, ['deadlines', 'carrierAnswer', 'source']);
    cite(p.deadlines.appeal.source, ['deadlines', 'appeal', 'source']);
    if (p.performanceTiers) cite(p.performanceTiers.source, ['performanceTiers', 'source']);
    if (p.penaltyUnit) cite(p.penaltyUnit.source, ['penaltyUnit', 'source']);
  });
export type JurisdictionProfile = z.infer<typeof JurisdictionProfile>;

/** Parse a profile file's text; every problem says where (`rates.0.amountMinor`). */
export function parseJurisdiction(text: string): Result<JurisdictionProfile> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail('PROFILE_NOT_JSON', `profile is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = JurisdictionProfile.safeParse(raw);
  if (!parsed.success)
    return { ok: false, problems: problemsFromZod(parsed.error.issues, 'PROFILE_INVALID') };
  return ok(parsed.data);
}
