// Turns profile hits into domain findings. A profile hit is never adverse by itself: the
// severity is always `refer`, so a person decides before anything happens to the traveller.
import type { Finding } from '@paxguard/domain';
import { toFeatureVector } from './feature-catalogue.ts';
import type { FeatureVector, TravellerFeatures } from './feature-catalogue.ts';
import { isActive } from './profile-approval.ts';
import type { CompiledProfile, ProfileEvaluation } from './profile-compiler.ts';

export interface ProfileHit {
  readonly profile: CompiledProfile;
  readonly evaluation: ProfileEvaluation;
}

/** One `PROFILE_HIT` finding per evaluation that reached its threshold; the rest are dropped. */
export function profileHitsToFindings(hits: readonly ProfileHit[]): Finding[] {
  const out: Finding[] = [];
  for (const { profile, evaluation } of hits) {
    if (!evaluation.hit) continue;
    const reasons = evaluation.fired.map((r) => r.explanation).join('; ');
    out.push({
      source: 'profile',
      code: 'PROFILE_HIT',
      severity: 'refer',
      message: `Risk profile "${profile.profile.name}" scored ${evaluation.score} (threshold ${profile.threshold}): ${reasons}. An officer must review; this is not a decision.`,
      rule: { id: profile.id, version: String(profile.version) },
      evidence: {
        score: evaluation.score,
        threshold: profile.threshold,
        fired: evaluation.fired.map((r) => ({
          ruleId: r.ruleId,
          weight: r.weight,
          explanation: r.explanation,
        })),
      },
    });
  }
  return out;
}

/**
 * The profiles that reach their threshold on one traveller. Scores every profile without
 * allocating and builds fired-rule lists only for hits: call it with the active profiles.
 */
export function profileHits(
  profiles: readonly CompiledProfile[],
  vector: FeatureVector,
): ProfileHit[] {
  const hits: ProfileHit[] = [];
  for (let i = 0; i < profiles.length; i++) {
    const profile = profiles[i] as CompiledProfile;
    if (profile.scoreVector(vector) < profile.threshold) continue;
    hits.push({ profile, evaluation: profile.evaluateVector(vector) });
  }
  return hits;
}

/** Runs every profile that is active at `now` (approved, inside its window) and returns the findings. */
export function screenWithProfiles(
  profiles: readonly CompiledProfile[],
  features: TravellerFeatures,
  now: Date,
): Finding[] {
  const active = profiles.filter((p) => isActive(p.profile, now));
  return profileHitsToFindings(profileHits(active, toFeatureVector(features)));
}
