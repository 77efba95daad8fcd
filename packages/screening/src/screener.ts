// One traveller, every engine: document possession (objective, may say no-board), watchlists
// and risk profiles (refer only: a person decides). The outcome is the most severe finding;
// the carrier's answer follows from it. Never throws on a stranger's data: an engine that
// cannot read the traveller becomes a finding that says so.
import { createHash } from 'node:crypto';
import { checkTraveller, journeyFromFlight, toFindings } from '@paxguard/documents';
import {
  canonicalJson,
  worstOutcome,
  type BoardingAnswer,
  type Finding,
  type Manifest,
  type Outcome,
  type Pnr,
  type Traveller,
} from '@paxguard/domain';
import { deriveFeatures, screenWithProfiles, type PastTrip } from '@paxguard/profiles';
import { hitsToFindings, queryFromTraveller } from '@paxguard/watchlist';
import type { ScreeningReference } from './screening-reference.ts';

export interface AssessInput {
  traveller: Traveller;
  /** The manifest (flight legs, list type) the traveller was reported on. */
  manifest: Manifest;
  pnr?: Pnr;
  history?: readonly PastTrip[];
  /** The traveller's content hash as stored (see domain travellerHash). */
  travellerHash: string;
  now: Date;
}

export interface Assessment {
  outcome: Outcome;
  answer: BoardingAnswer;
  findings: Finding[];
  /** Idempotency key: same traveller content and same reference data → same assessment. */
  inputHash: string;
  referenceVersion: string;
  versions: Readonly<Record<string, string>>;
}

/** What the carrier is told: only objective document failures stop boarding automatically. */
export function answerFor(outcome: Outcome, findings: readonly Finding[]): BoardingAnswer {
  if (outcome === 'no-board') return 'no-board';
  if (outcome === 'refer') return 'contact-authority';
  if (
    findings.some(
      (f) =>
        f.source === 'documents' &&
        (f.evidence as { decision?: string } | undefined)?.decision === 'cannot-decide',
    )
  )
    return 'insufficient-data';
  return 'board';
}

function engineFailure(source: Finding['source'], err: unknown): Finding {
  return {
    source,
    code: 'ENGINE_FAILED',
    severity: 'refer',
    message: `the ${source} check could not run on this traveller (${(err as Error)?.message ?? 'unknown error'}); an officer must look`,
    rule: { id: `${source}-engine`, version: 'n/a' },
  };
}

export function createScreener(ref: ScreeningReference) {
  function documentFindings(input: AssessInput): Finding[] {
    const journey = journeyFromFlight(input.manifest.flight, input.traveller, (a) =>
      ref.airportStates.get(a),
    );
    if (!journey.ok)
      return [
        {
          source: 'documents',
          code: journey.code,
          severity: 'advisory',
          message: `cannot decide on documents: ${journey.message}`,
          rule: { id: 'journey', version: ref.versions.entryRules ?? 'n/a' },
          evidence: { decision: 'cannot-decide', where: journey.where },
        },
      ];
    const verdict = checkTraveller(
      { traveller: input.traveller, journey: journey.journey },
      { reference: ref.entry, authorisations: ref.authorisations, lostStolen: ref.lostStolen },
    );
    return toFindings(verdict);
  }

  function watchlistFindings(input: AssessInput): Finding[] {
    const q = queryFromTraveller(input.traveller);
    if (!q.ok) return [];
    return hitsToFindings(ref.watchlist.screen(q.value, input.now), ref.watchlistVersions);
  }

  function profileFindings(input: AssessInput): Finding[] {
    if (ref.profiles.length === 0) return [];
    const features = deriveFeatures({
      traveller: input.traveller,
      manifest: input.manifest,
      pnr: input.pnr,
      history: input.history,
      now: input.now,
      airportCountries: ref.airportStates,
    });
    return screenWithProfiles(ref.profiles, features, input.now);
  }

  function guarded(source: Finding['source'], fn: () => Finding[]): Finding[] {
    try {
      return fn();
    } catch (err) {
      return [engineFailure(source, err)];
    }
  }

  return {
    reference: ref,
    assess(input: AssessInput): Assessment {
      const findings = [
        ...guarded('documents', () => documentFindings(input)),
        ...guarded('watchlist', () => watchlistFindings(input)),
        ...guarded('profile', () => profileFindings(input)),
      ];
      const outcome = worstOutcome(findings);
      const inputHash = createHash('sha256')
        .update(
          `${input.travellerHash}|${ref.version}|${input.pnr ? canonicalJson(input.pnr) : ''}`,
        )
        .digest('hex');
      return {
        outcome,
        answer: answerFor(outcome, findings),
        findings,
        inputHash,
        referenceVersion: ref.version,
        versions: ref.versions,
      };
    },
  };
}
export type Screener = ReturnType<typeof createScreener>;
