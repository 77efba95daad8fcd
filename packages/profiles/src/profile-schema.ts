// The risk profile document (JSON or YAML) and its zod schema: identity, version, author,
// effective window, four-eyes approval, weighted rules over the feature catalogue.
import { z } from 'zod';
import { checkCondition } from './condition-checker.ts';
import { conditionFields } from './condition-checker.ts';
import type { Condition } from './condition-checker.ts';
import type { FeatureName } from './feature-catalogue.ts';
import { parsePath } from './profile-issues.ts';

export const ProfileStatus = z.enum(['draft', 'pending-approval', 'active', 'retired']);
export type ProfileStatus = z.infer<typeof ProfileStatus>;

const Instant = z.iso.datetime({
  offset: true,
  message: 'expected an ISO 8601 instant such as 2026-01-01T00:00:00Z',
});

export const ConditionSchema: z.ZodType<Condition> = z.unknown().transform((raw, ctx) => {
  const checked = checkCondition(raw, [], (i) =>
    ctx.addIssue({
      code: 'custom',
      message: i.message,
      path: i.path.length === 0 ? [] : parsePath(i.path),
      params: { code: i.code, category: i.category, rule: i.rule },
    }),
  );
  return checked ?? z.NEVER;
}) as unknown as z.ZodType<Condition>;

export const ProfileRule = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'rule id: letters, digits, . _ -, at most 64'),
  /** Shown to the officer when the rule fires; generated from the condition when absent. */
  explain: z.string().min(1).max(500).optional(),
  weight: z.number().finite().min(0).max(1000),
  when: ConditionSchema,
});
export type ProfileRule = z.infer<typeof ProfileRule>;

export const Approval = z.strictObject({
  approvedBy: z.string().min(1, 'approvedBy must name the approving supervisor'),
  approvedAt: Instant,
  comment: z.string().max(1000).optional(),
});
export type Approval = z.infer<typeof Approval>;

const ORIGIN_FIELDS: ReadonlySet<FeatureName> = new Set([
  'documentNationality',
  'residenceCountry',
  'documentIssuingState',
]);

export const Profile = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'profile id: letters, digits, . _ -, at most 64'),
    version: z.number().int().positive(),
    name: z.string().min(1).max(200),
    description: z.string().max(4000).default(''),
    author: z.string().min(1),
    effective: z.strictObject({ from: Instant, to: Instant.optional() }),
    status: ProfileStatus.default('draft'),
    approval: Approval.optional(),
    threshold: z.number().finite().positive(),
    rules: z.array(ProfileRule).min(1, 'a profile needs at least one rule'),
  })
  .superRefine((p, ctx) => {
    // Where a person is from is not a risk indicator by itself (C-817/19: criteria must be
    // non-discriminatory): rules on document origin alone may not reach the threshold.
    const originOnly = p.rules.filter((r) =>
      [...conditionFields(r.when)].every((f) => ORIGIN_FIELDS.has(f)),
    );
    const originWeight = originOnly.reduce((s, r) => s + r.weight, 0);
    if (originOnly.length > 0 && originWeight >= p.threshold)
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: `rules on nationality, residence or issuing State alone (${originOnly.map((r) => r.id).join(', ')}) reach the threshold ${p.threshold}: a profile needs behavioural indicators (CJEU C-817/19, non-discriminatory criteria)`,
        params: { code: 'ORIGIN_ONLY' },
      });
    const seen = new Set<string>();
    p.rules.forEach((r, i) => {
      if (seen.has(r.id))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `duplicate rule id '${r.id}'`,
          params: { code: 'INVALID_PROFILE' },
        });
      seen.add(r.id);
    });
    if (p.effective.to !== undefined && Date.parse(p.effective.to) <= Date.parse(p.effective.from))
      ctx.addIssue({
        code: 'custom',
        path: ['effective', 'to'],
        message: `effective window is empty: to (${p.effective.to}) is not after from (${p.effective.from})`,
        params: { code: 'EMPTY_WINDOW' },
      });
    const total = p.rules.reduce((s, r) => s + r.weight, 0);
    if (total < p.threshold)
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: `threshold ${p.threshold} can never be reached: the rule weights add up to ${total}`,
        params: { code: 'INVALID_PROFILE' },
      });
    if (p.status === 'active' || p.status === 'retired') {
      if (!p.approval)
        ctx.addIssue({
          code: 'custom',
          path: ['approval'],
          message: `a profile with status '${p.status}' must carry the supervisor's approval record`,
          params: { code: 'MISSING_APPROVAL' },
        });
      else if (sameActor(p.approval.approvedBy, p.author))
        ctx.addIssue({
          code: 'custom',
          path: ['approval', 'approvedBy'],
          message: `the author '${p.author}' cannot approve their own profile (four eyes)`,
          params: { code: 'SELF_APPROVAL' },
        });
    }
  });
export type Profile = z.infer<typeof Profile>;
/** What an author writes: defaults (status, description) may be left out. */
export type ProfileInput = z.input<typeof Profile>;

export function sameActor(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
