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
  detectInfringements,
  draftCases,
  mergeInfringements,
  parseCarrierFacts,
  type Actor,
  type ArrivalOutcome,
  type Infringement,
  type SanctionCase,
} from '@paxguard/sanctions';
import type { ProfileCatalogue } from './profile-catalogue.ts';

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

  async function draftPending(at: Date): Promise<string[]> {
    const pending = (await deps.infringements.uncased()) as unknown as Infringement[];
    if (pending.length === 0) return [];
    const { profile } = await deps.catalogue.active();
    const drafted = draftCases(pending, {
      grouping: deps.grouping,
      profile,
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
      if (err instanceof ConflictError) return [];
      if ((err as { code?: string }).code === 'P2002') return [];
      throw err;
    }
    return drafted.value.map((c: SanctionCase) => c.id);
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
        returnRequests: [],
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
        const keys = await deps.outcomes.flightsWithOutcomesSince(
          new Date(now.getTime() - windowMs),
        );
        const out: DetectionResult[] = [];
        for (const k of keys) out.push(await detectFlight(k, now));
        return out;
      }),
    draftPending: (at?: Date) => serial(() => draftPending(at ?? deps.clock.now())),
  };
}
export type DetectionService = ReturnType<typeof createDetectionService>;
