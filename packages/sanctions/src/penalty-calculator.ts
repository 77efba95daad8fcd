// computePenalty: infringements × a jurisdiction profile → an amount in minor units with a
// line-by-line explanation, exemptions applied with reasons, caps applied, and the profile version.
import { z } from 'zod';
import type { InfringementCode } from './codes.ts';
import { ExemptionAssessment, findExemption } from './exemption-rules.ts';
import type { Infringement } from './infringement.ts';
import type { Cap, JurisdictionProfile, Rate } from './jurisdiction-schema.ts';
import { formatMoney } from './money.ts';
import type {
  AppliedExemption,
  CapApplied,
  PenaltyComputation,
  PenaltyLine,
} from './penalty-computation.ts';
import type { Problem, Result } from './problem.ts';
import { ok, problemsFromZod } from './problem.ts';

export const PenaltyContext = z.object({
  /** The carrier's performance tier (e.g. Canada MOU), from `performanceTier(scorecard, profile)`. */
  performanceTierId: z.string().optional(),
  assessments: z.array(ExemptionAssessment).default([]),
});
export type PenaltyContext = z.input<typeof PenaltyContext>;

interface Charge {
  keys: string[];
  code: InfringementCode;
  flightKey: string;
  travellerIds: string[];
  what: string;
  basis: string;
  confirmed: boolean;
  /** Before caps. */
  gross: number;
  /** After the caps applied so far. */
  net: number;
  alsoUnconfirmed: string[];
}

interface Price {
  minor: number;
  how: string;
  alsoUnconfirmed: string[];
}

function unitPrice(rate: Rate, profile: JurisdictionProfile, tierId: string | undefined): Price {
  const money = (minor: number) => formatMoney({ minor, currency: profile.currency });
  const tiers = profile.performanceTiers;
  if (rate.tiered && tierId && tiers) {
    const tier = tiers.tiers.find((t) => t.id === tierId);
    if (tier)
      return {
        minor: tier.amountMinor,
        how: `performance tier ${tier.id} (${tier.label}) instead of ${money(rate.amountMinor ?? 0)}`,
        alsoUnconfirmed: tiers.confirmed ? [] : [tiers.basis],
      };
  }
  const unit = profile.penaltyUnit;
  if (rate.penaltyUnits !== undefined && unit)
    return {
      minor: rate.penaltyUnits * unit.valueMinor,
      how: `${rate.penaltyUnits} penalty units × ${money(unit.valueMinor)}, statutory ${rate.nature}`,
      alsoUnconfirmed: unit.confirmed ? [] : [unit.basis],
    };
  return {
    minor: rate.amountMinor ?? 0,
    how: rate.nature === 'fixed' ? 'fixed amount' : `statutory ${rate.nature}`,
    alsoUnconfirmed: [],
  };
}

function charges(
  infs: readonly Infringement[],
  profile: JurisdictionProfile,
  tierId: string | undefined,
  problems: Problem[],
): Charge[] {
  const out: Charge[] = [];
  const journeys = new Map<string, Charge>();
  const money = (minor: number) => formatMoney({ minor, currency: profile.currency });
  for (const inf of infs) {
    const rate = profile.rates.find((r) => r.infringement === inf.code);
    if (!rate) continue;
    const who = inf.travellerId ? [inf.travellerId] : [];
    const base = {
      code: inf.code,
      flightKey: inf.flightKey,
      basis: rate.basis,
      confirmed: rate.confirmed,
    };
    if (rate.unit === 'costs-incurred') {
      const cost = inf.circumstances.costsIncurred;
      if (cost && cost.currency !== profile.currency) {
        problems.push({
          code: 'CURRENCY_NOT_JURISDICTION',
          message: `${inf.key}: cost in ${cost.currency}, profile ${profile.id} accounts in ${profile.currency}`,
          where: inf.key,
        });
        continue;
      }
      const minor = cost?.minor ?? 0;
      out.push({
        ...base,
        keys: [inf.key],
        travellerIds: who,
        gross: minor,
        net: minor,
        alsoUnconfirmed: [],
        what: cost
          ? `${inf.code} on ${inf.flightKey}: stay and return costs borne by the State, ${money(minor)}`
          : `${inf.code} on ${inf.flightKey}: costs not yet known, nothing charged yet`,
      });
      continue;
    }
    const price = unitPrice(rate, profile, tierId);
    if (rate.unit === 'per-journey') {
      const k = `${inf.flightKey}|${inf.code}`;
      const j = journeys.get(k);
      if (j) {
        j.keys.push(inf.key);
        j.travellerIds.push(...who);
        continue;
      }
      const c: Charge = {
        ...base,
        keys: [inf.key],
        travellerIds: [...who],
        gross: price.minor,
        net: price.minor,
        alsoUnconfirmed: price.alsoUnconfirmed,
        what: `${inf.code} on ${inf.flightKey}: one journey at ${money(price.minor)} (${price.how})`,
      };
      journeys.set(k, c);
      out.push(c);
      continue;
    }
    const n = rate.unit === 'per-person' ? inf.persons : 1;
    out.push({
      ...base,
      keys: [inf.key],
      travellerIds: who,
      gross: price.minor * n,
      net: price.minor * n,
      alsoUnconfirmed: price.alsoUnconfirmed,
      what: `${inf.code} on ${inf.flightKey}${inf.travellerId ? `, traveller ${inf.travellerId}` : ''}: ${n} person(s) × ${money(price.minor)} (${price.how})`,
    });
  }
  return out;
}

/** The groups a cap limits: the whole case, each journey, or each (journey, traveller). */
export function capGroupKey(
  cap: Cap,
  c: { code: InfringementCode; flightKey: string; travellerIds: readonly string[] },
): string | undefined {
  if (cap.infringements.length && !cap.infringements.includes(c.code)) return undefined;
  if (cap.scope === 'per-case') return 'case';
  if (cap.scope === 'per-journey') return c.flightKey;
  return c.travellerIds.length === 1 ? `${c.flightKey}|${c.travellerIds[0]}` : undefined;
}

/** Compute the proposed penalty. Duplicate infringements (same key) count once. */
export function computePenalty(
  infringements: readonly Infringement[],
  profile: JurisdictionProfile,
  context: PenaltyContext = {},
): Result<PenaltyComputation> {
  const ctx = PenaltyContext.safeParse(context);
  if (!ctx.success)
    return { ok: false, problems: problemsFromZod(ctx.error.issues, 'CONTEXT_INVALID') };
  const { performanceTierId, assessments } = ctx.data;
  const problems: Problem[] = [];
  if (performanceTierId && !profile.performanceTiers?.tiers.some((t) => t.id === performanceTierId))
    problems.push({
      code: 'UNKNOWN_TIER',
      message: `profile ${profile.id} has no performance tier ${performanceTierId}`,
      where: 'performanceTierId',
    });

  const unique = [...new Map(infringements.map((i) => [i.key, i] as const)).values()];
  const exemptions: AppliedExemption[] = [];
  const notCharged: { infringementKey: string; reason: string }[] = [];
  const chargeable: Infringement[] = [];
  for (const inf of unique) {
    if (!profile.rates.some((r) => r.infringement === inf.code)) {
      notCharged.push({
        infringementKey: inf.key,
        reason: `profile ${profile.id} ${profile.version} has no fine schedule for ${inf.code}`,
      });
      continue;
    }
    const ex = findExemption(inf, profile.exemptions, assessments);
    if (ex) exemptions.push(ex);
    else chargeable.push(inf);
  }
  const list = charges(chargeable, profile, performanceTierId, problems);
  if (problems.length) return { ok: false, problems };

  // Caps in profile order; a cap trims its group's last lines first, so later caps see net amounts.
  const capsApplied: CapApplied[] = [];
  for (const cap of profile.caps) {
    const groups = new Map<string, Charge[]>();
    for (const c of list) {
      const g = capGroupKey(cap, c);
      if (g !== undefined) groups.set(g, [...(groups.get(g) ?? []), c]);
    }
    for (const [group, members] of groups) {
      const before = members.reduce((s, c) => s + c.net, 0);
      if (before <= cap.amountMinor) continue;
      let excess = before - cap.amountMinor;
      for (const c of [...members].reverse()) {
        const cut = Math.min(c.net, excess);
        c.net -= cut;
        excess -= cut;
      }
      capsApplied.push({
        capId: cap.id,
        group,
        beforeMinor: before,
        afterMinor: cap.amountMinor,
        basis: cap.basis,
      });
    }
  }

  const money = (minor: number) => formatMoney({ minor, currency: profile.currency });
  const lines: PenaltyLine[] = [];
  let running = 0;
  const push = (line: Omit<PenaltyLine, 'n' | 'runningTotalMinor'>) => {
    running += line.amountMinor;
    lines.push({ ...line, n: lines.length + 1, runningTotalMinor: running });
  };
  for (const e of exemptions)
    push({
      kind: 'exempt',
      infringementKeys: [e.infringementKey],
      code: unique.find((i) => i.key === e.infringementKey)?.code,
      what: `${e.infringementKey} not charged (${e.code}): ${e.reason}`,
      basis: e.basis,
      confirmed: e.confirmed,
      amountMinor: 0,
    });
  for (const c of list)
    push({
      kind: 'charge',
      infringementKeys: c.keys,
      code: c.code,
      what: c.what,
      basis: c.basis,
      confirmed: c.confirmed,
      amountMinor: c.gross,
    });
  for (const a of capsApplied) {
    const cap = profile.caps.find((c) => c.id === a.capId);
    push({
      kind: 'cap',
      infringementKeys: [],
      what: `cap ${a.capId} (${cap?.scope ?? ''}, ${a.group}) limits ${money(a.beforeMinor)} to ${money(a.afterMinor)}`,
      basis: a.basis,
      confirmed: cap?.confirmed ?? false,
      amountMinor: a.afterMinor - a.beforeMinor,
    });
  }

  const total = list.reduce((s, c) => s + c.net, 0);
  const unconfirmed = [
    ...new Set([
      ...lines.filter((l) => !l.confirmed && l.kind !== 'exempt').map((l) => l.basis),
      ...list.flatMap((c) => c.alsoUnconfirmed),
    ]),
  ];
  return ok({
    profile: { id: profile.id, version: profile.version },
    currency: profile.currency,
    lines,
    exemptions,
    capsApplied,
    notCharged,
    total: { minor: total, currency: profile.currency },
    unconfirmed,
  });
}
