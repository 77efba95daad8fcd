// The screening use case: assess travellers with the current reference data and store the
// result idempotently; re-screen what is not yet arrived when reference data changes; and
// reconcile travellers a crash or a lost in-process event left unassessed.
import type { AssessmentRepository, StoreItem } from '@paxguard/db';
import type { Clock } from '@paxguard/domain';
import type { Logger } from '@paxguard/platform';
import {
  buildScreeningReference,
  createScreener,
  type ReferenceInputs,
  type Screener,
} from '@paxguard/screening';

export interface AssessReport {
  assessed: number;
  created: number;
  outcomes: Record<string, number>;
}

/** Travellers loaded, screened and stored together. */
const CHUNK = 500;

export function createScreeningWorker(deps: {
  assessments: AssessmentRepository;
  loadReference: () => Promise<ReferenceInputs>;
  clock: Clock;
  logger: Logger;
}) {
  let screener: Screener | undefined;

  async function refresh(): Promise<Screener> {
    const built = buildScreeningReference(await deps.loadReference());
    for (const p of built.problems)
      deps.logger.warn({ area: p.area, problem: p.message }, 'reference data problem');
    if (!built.reference)
      throw new Error(
        `reference data unusable: ${built.problems.map((p) => p.message).join('; ')}`,
      );
    screener = createScreener(built.reference);
    deps.logger.info({ referenceVersion: built.reference.version }, 'screening reference loaded');
    return screener;
  }

  async function current(): Promise<Screener> {
    return screener ?? refresh();
  }

  async function assessTravellers(ids: readonly string[]): Promise<AssessReport> {
    const s = await current();
    const report: AssessReport = { assessed: 0, created: 0, outcomes: {} };
    const now = deps.clock.now();
    // Subjects are loaded, screened and stored a chunk at a time: a few statements per chunk
    // instead of a transaction per traveller.
    for (let i = 0; i < ids.length; i += CHUNK) {
      const items: StoreItem[] = [];
      for (const subject of await deps.assessments.subjects(ids.slice(i, i + CHUNK))) {
        const a = s.assess({
          traveller: subject.traveller,
          manifest: subject.manifest,
          pnr: subject.pnr,
          travellerHash: subject.contentHash,
          now,
        });
        items.push({
          assessment: {
            travellerId: subject.travellerId,
            outcome: a.outcome,
            findings: a.findings,
            inputHash: a.inputHash,
            versions: a.versions,
          },
          // Only objective document failures answer "do not board" without a person.
          directive:
            a.outcome === 'no-board'
              ? {
                  carrierId: subject.carrierId,
                  flightId: subject.flightId,
                  answer: a.answer,
                  basis: 'screening',
                  reasons: a.findings
                    .filter((f) => f.severity === 'no-board')
                    .map((f) => ({ code: f.code, message: f.message, rule: f.rule })),
                  issuedAt: now,
                }
              : undefined,
        });
        report.outcomes[a.outcome] = (report.outcomes[a.outcome] ?? 0) + 1;
      }
      const stored = await deps.assessments.storeMany(items);
      report.assessed += stored.length;
      report.created += stored.filter((r) => r.created).length;
    }
    return report;
  }

  return {
    refresh,
    current,
    assessTravellers,
    async reconcile(): Promise<AssessReport> {
      return assessTravellers(await deps.assessments.unassessed());
    },
    async rescreenNotYetArrived(): Promise<AssessReport> {
      await refresh();
      return assessTravellers(await deps.assessments.notYetArrived(deps.clock.now()));
    },
  };
}
export type ScreeningWorker = ReturnType<typeof createScreeningWorker>;
