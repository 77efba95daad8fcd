// Draft cases from infringements: grouped per carrier and flight, or per carrier and period,
// with the proposed computation. A group whose key already has a case is not drafted again.
import type { Actor, EvidenceRef, SanctionCase } from './case-model.ts';
import type { Infringement } from './infringement.ts';
import type { JurisdictionProfile } from './jurisdiction-schema.ts';
import type { PenaltyContext } from './penalty-calculator.ts';
import { computePenalty } from './penalty-calculator.ts';
import type { Problem, Result } from './problem.ts';
import { ok } from './problem.ts';

export interface DraftOptions {
  readonly grouping: 'flight' | 'month';
  readonly profile: JurisdictionProfile;
  /** Per-carrier computation context (performance tier, assessments). */
  readonly contextFor?: (carrier: string) => PenaltyContext;
  /** Infringements already in a case: never drafted twice (this is what makes drafting idempotent). */
  readonly casedInfringementKeys?: ReadonlySet<string>;
  /**
   * Keys of existing cases. A late finding for a group that already has a case gets a
   * supplementary case (`…#2`), so it is neither lost nor merged into a case already notified.
   */
  readonly existingCaseKeys?: ReadonlySet<string>;
  readonly newId: () => string;
  readonly at: Date;
  readonly actor: Actor;
}

export function caseKey(
  grouping: 'flight' | 'month',
  inf: Pick<Infringement, 'carrier' | 'flightKey' | 'occurredAt'>,
): string {
  return grouping === 'flight'
    ? `${inf.carrier}|flight|${inf.flightKey}`
    : `${inf.carrier}|month|${inf.occurredAt.slice(0, 7)}`;
}

function freeKey(key: string, taken: ReadonlySet<string> | undefined): string {
  if (!taken?.has(key)) return key;
  let n = 2;
  while (taken.has(`${key}#${n}`)) n++;
  return `${key}#${n}`;
}

export function draftCases(
  infringements: readonly Infringement[],
  opts: DraftOptions,
): Result<SanctionCase[]> {
  const groups = new Map<string, Infringement[]>();
  for (const inf of infringements) {
    if (opts.casedInfringementKeys?.has(inf.key)) continue;
    const k = freeKey(caseKey(opts.grouping, inf), opts.existingCaseKeys);
    const g = groups.get(k) ?? [];
    if (!g.some((x) => x.key === inf.key)) g.push(inf);
    groups.set(k, g);
  }
  const cases: SanctionCase[] = [];
  const problems: Problem[] = [];
  const at = opts.at.toISOString();
  for (const [key, infs] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const first = infs[0];
    if (!first) continue;
    const computed = computePenalty(infs, opts.profile, opts.contextFor?.(first.carrier) ?? {});
    if (!computed.ok) {
      problems.push(...computed.problems.map((p) => ({ ...p, where: `${key}: ${p.where}` })));
      continue;
    }
    cases.push({
      id: opts.newId(),
      key,
      carrier: first.carrier,
      flightKeys: [...new Set(infs.map((i) => i.flightKey))].sort(),
      period: opts.grouping === 'month' ? first.occurredAt.slice(0, 7) : undefined,
      state: 'draft',
      version: 0,
      infringementKeys: infs.map((i) => i.key).sort(),
      evidenceIds: [...new Set(infs.flatMap((i) => i.evidence))].sort(),
      computation: computed.value,
      proposed: computed.value.total,
      deadlines: {
        answerDays: opts.profile.deadlines.carrierAnswer.days,
        appealDays: opts.profile.deadlines.appeal.days,
      },
      createdAt: at,
      history: [
        {
          seq: 1,
          from: null,
          to: 'draft',
          command: 'draft',
          actor: opts.actor,
          at,
          reason: `drafted from ${infs.length} infringement(s)`,
          version: 0,
        },
      ],
    });
  }
  return problems.length ? { ok: false, problems } : ok(cases);
}

/**
 * The evidence bundle a notice discloses: every id the infringements rest on, typed by the
 * caller's lookup (raw message, directive, outcome…), plus the computation itself.
 */
export function evidenceBundle(
  c: Pick<SanctionCase, 'id' | 'evidenceIds' | 'version'>,
  kindOf: (id: string) => EvidenceRef['kind'] = () => 'other',
): EvidenceRef[] {
  return [
    ...c.evidenceIds.map((id) => ({ kind: kindOf(id), id })),
    { kind: 'computation', id: `${c.id}/computation/v${c.version}` },
  ];
}
