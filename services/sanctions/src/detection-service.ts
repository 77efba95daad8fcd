// Detection and drafting: build one flight's facts from the stores, run the pure rules, store
// the findings by their stable key (never twice), and draft cases for findings not yet in one.
import { randomUUID } from 'node:crypto';
import type {
  CaseRepository,
  FlightFactsRepository,
  InfringementRepository,
  OutcomeRepository,
  StoredCase,
} from '@paxguard/db';
import { ConflictError, type Clock } from '@paxguard/domain';
import type { Logger } from '@paxguard/platform';
import {
  caseKey,
  detectInfringements,
  draftCases,
  mergeInfringements,
  parseCarrierFacts,
  type Actor,
  type ArrivalOutcome,
  type Infringement,
  type PenaltyContext,
  type SanctionCase,
} from '@paxguard/sanctions';
import type { ProfileCatalogue } from './profile-catalogue.ts';
import type { ScorecardService } from './scorecard-service.ts';

export const DETECTOR: Actor = { role: 'regulator', id: 'system:sanctions-detector' };

export interface DetectionResult {
  flightKey: string;
  detected: number;
  added: number;
  updated: number;
  drafted: string[];
  skipped?: string;
}

export function createDetectionService(deps: {
  facts: FlightFactsRepository;
  outcomes: OutcomeRepository;
  infringements: InfringementRepository;
  cases: CaseRepository;
  catalogue: ProfileCatalogue;
  scorecards: ScorecardService;
  grouping: 'flight' | 'month';
  clock: Clock;
  logger: Logger;
}) {
  // One detection at a time in this process: the API and the consumer may both trigger it.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };

  /**
   * A case still in draft has not been shown to anyone outside the authority: findings for its
   * group join it (re-drafted, recomputed, version bumped) instead of opening a second case.
   */
  async function redraft(
    d: StoredCase,
    add: Infringement[],
    profile: Awaited<ReturnType<ProfileCatalogue['active']>>['profile'],
    at: Date,
    contextFor: (carrier: string) => PenaltyContext,
  ): Promise<boolean> {
    const current = (await deps.infringements.byKeys(
      d.infringementKeys,
    )) as unknown as Infringement[];
    const r = draftCases([...current, ...add], {
      grouping: deps.grouping,
      profile,
      contextFor,
      newId: () => d.id,
      at,
      actor: DETECTOR,
    });
    const fresh = r.ok ? r.value[0] : undefined;
    if (!r.ok || !fresh || r.value.length !== 1) {
      deps.logger.error({ caseId: d.id, problems: r.ok ? [] : r.problems }, 're-drafting failed');
      return false;
    }
    const prev = d as unknown as SanctionCase;
    const version = prev.version + 1;
    const next: SanctionCase = {
      ...fresh,
      key: prev.key,
      createdAt: prev.createdAt,
      version,
      history: [
        ...prev.history,
        {
          seq: prev.history.length + 1,
          from: 'draft',
          to: 'draft',
          command: 'draft',
          actor: DETECTOR,
          at: at.toISOString(),
          reason: `re-drafted with ${add.length} new infringement(s)`,
          version,
        },
      ],
    };
    try {
      await deps.cases.applyTransition({
        next: next as unknown as StoredCase,
        expectedVersion: prev.version,
        at,
        claimKeys: add.map((i) => i.key),
        audit: {
          actor: DETECTOR.id,
          actorRole: DETECTOR.role,
          action: 'sanctions.case.redrafted',
          subjectType: 'sanction-case',
          subjectId: d.id,
          details: { added: add.map((i) => i.key), version },
          at,
        },
      });
      return true;
    } catch (err) {
      // The draft moved on meanwhile: the findings stay uncased and get their own case next pass.
      if (err instanceof ConflictError) return false;
      throw err;
    }
  }

  async function draftPending(at: Date): Promise<string[]> {
    const uncased = (await deps.infringements.uncased()) as unknown as Infringement[];
    if (uncased.length === 0) return [];
    const { profile } = await deps.catalogue.active();
    const openDrafts = new Map<string, StoredCase>();
    for (const c of await deps.cases.list({ state: 'draft', limit: 5000 })) {
      const base = c.key.replace(/#\d+$/, '');
      if (!openDrafts.has(base)) openDrafts.set(base, c);
    }
    const joining = new Map<string, { draft: StoredCase; add: Infringement[] }>();
    const pending: Infringement[] = [];
    for (const inf of uncased) {
      const d = openDrafts.get(caseKey(deps.grouping, inf));
      if (!d) {
        pending.push(inf);
        continue;
      }
      const j = joining.get(d.id) ?? { draft: d, add: [] };
      j.add.push(inf);
      joining.set(d.id, j);
    }
    // The carrier's performance tier (Canada's MOU) sets the per-person amount where tiered.
    const tiers = new Map<string, string | undefined>();
    for (const carrier of new Set(uncased.map((i) => i.carrier)))
      tiers.set(carrier, await deps.scorecards.tierFor(carrier, profile, at));
    const contextFor = (carrier: string): PenaltyContext => ({
      performanceTierId: tiers.get(carrier),
    });
    const touched: string[] = [];
    for (const j of joining.values())
      if (await redraft(j.draft, j.add, profile, at, contextFor)) touched.push(j.draft.id);
    if (pending.length === 0) return touched;
    const drafted = draftCases(pending, {
      grouping: deps.grouping,
      profile,
      contextFor,
      existingCaseKeys: await deps.cases.keys(),
      newId: randomUUID,
      at,
      actor: DETECTOR,
    });
    if (!drafted.ok) {
      deps.logger.error({ problems: drafted.problems }, 'drafting failed');
      return [];
    }
    try {
      await deps.cases.insertDrafts(drafted.value as unknown as StoredCase[], {
        actor: DETECTOR.id,
        actorRole: DETECTOR.role,
        action: 'sanctions.case.drafted',
        subjectType: 'sanction-case',
        at,
      });
    } catch (err) {
      // Another process drafted the same findings first: they are in a case, which is the goal.
      if (err instanceof ConflictError) return touched;
      if ((err as { code?: string }).code === 'P2002') return touched;
      throw err;
    }
    return [...touched, ...drafted.value.map((c: SanctionCase) => c.id)];
  }

  async function detectFlight(flightKey: string, at: Date): Promise<DetectionResult> {
    const empty = { flightKey, detected: 0, added: 0, updated: 0, drafted: [] };
    const loaded = await deps.facts.load(flightKey);
    if (!loaded.ok) return { ...empty, skipped: loaded.message };
    const { profile } = await deps.catalogue.active();
    const outcomes = (await deps.outcomes.listForFlight(flightKey)).map(
      (r) => r.outcome as unknown as ArrivalOutcome,
    );
    const f = loaded.facts;
    const parsed = parseCarrierFacts(
      {
        flight: {
          key: f.flight.key,
          carrier: f.flight.carrier,
          number: f.flight.number,
          departureUtc: f.flight.departureUtc,
          arrivalUtc: f.flight.arrivalUtc,
        },
        travellers: f.travellers,
        submissions: f.submissions,
        answers: f.answers,
        documentVerdicts: f.documentVerdicts,
        returnRequests: f.returnRequests,
      },
      outcomes,
    );
    if (!parsed.ok) {
      deps.logger.warn({ flightKey, problems: parsed.problems }, 'flight facts do not validate');
      return { ...empty, skipped: parsed.problems.map((p) => p.message).join('; ') };
    }
    const detected = detectInfringements(parsed.value, { profile, asOf: at });
    const stored = (await deps.infringements.forFlight(flightKey)) as unknown as Infringement[];
    const merged = mergeInfringements(stored, detected);
    const saved = await deps.infringements.save(merged.added, merged.updated, at);
    const drafted = await draftPending(at);
    return {
      flightKey,
      detected: detected.length,
      added: saved.inserted,
      updated: saved.updated,
      drafted,
    };
  }

  return {
    /** Detect on one flight and draft what is new; `at` defaults to the clock (demo seeds pass one). */
    detectFlight: (flightKey: string, at?: Date) =>
      serial(() => detectFlight(flightKey, at ?? deps.clock.now())),
    /** The periodic pass: every flight with outcomes recorded in the window. */
    detectRecent: (windowMs: number) =>
      serial(async () => {
        const now = deps.clock.now();
        const since = new Date(now.getTime() - windowMs);
        const keys = [
          ...new Set([
            ...(await deps.outcomes.flightsWithOutcomesSince(since)),
            ...(await deps.outcomes.flightsWithReturnsDue(since, now)),
          ]),
        ].sort();
        const out: DetectionResult[] = [];
        for (const k of keys) out.push(await detectFlight(k, now));
        return out;
      }),
    draftPending: (at?: Date) => serial(() => draftPending(at ?? deps.clock.now())),
  };
}
export type DetectionService = ReturnType<typeof createDetectionService>;
