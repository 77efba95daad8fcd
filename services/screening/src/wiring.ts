// Builds the screening components; used by main.ts and by the embedded pipeline.
import { hostname } from 'node:os';
import {
  createAssessmentRepository,
  createNetworkAlertRepository,
  createSmugglingRoutesRepository,
  ReferenceChanged,
  type Database,
} from '@paxguard/db';
import { SubmissionAccepted, Topics, type Clock } from '@paxguard/domain';
import { decodeEvent, type Bus, type Logger, type Subscription } from '@paxguard/platform';
import type { ReferenceInputs } from '@paxguard/screening';
import {
  createNetworkAnalysis,
  createScreeningWorker,
  loadScreeningInputs,
} from '@paxguard/pipeline';

export function createScreeningComponents(deps: {
  db: Database;
  bus: Bus;
  logger: Logger;
  clock?: Clock;
  loadReference?: () => Promise<ReferenceInputs>;
  reconcileIntervalMs?: number;
}) {
  const logger = deps.logger.child({ component: 'screening' });
  const assessments = createAssessmentRepository(deps.db);
  const worker = createScreeningWorker({
    assessments,
    // Reference data as managed in the database (falling back to the shipped entry rules).
    loadReference: deps.loadReference ?? (() => loadScreeningInputs(deps.db)),
    clock: deps.clock ?? { now: () => new Date() },
    logger,
  });
  const smugglingRoutes = createSmugglingRoutesRepository(deps.db.prisma);
  const network = createNetworkAnalysis({
    alerts: createNetworkAlertRepository(deps.db.prisma),
    clock: deps.clock ?? { now: () => new Date() },
    logger,
    loadRoutes: async () => (await smugglingRoutes.current()).routes,
  });
  const subs: Subscription[] = [];
  let timer: NodeJS.Timeout | undefined;
  let reconciling: Promise<unknown> | undefined;

  return {
    worker,
    network,
    assessments,
    async start() {
      await worker.refresh();
      const r = await worker.reconcile();
      if (r.assessed > 0) logger.warn(r, 'assessed travellers left unassessed earlier');
      subs.push(
        await deps.bus.subscribe({
          groupId: 'paxguard-screening',
          topics: [SubmissionAccepted.topic],
          handler: async (msg) => {
            const { payload } = decodeEvent(SubmissionAccepted, msg);
            const report = await worker.assessTravellers(payload.travellerIds);
            // New bookings: look across the traffic for the networks behind them.
            if (payload.kind === 'pnr') {
              const alerts = await network.analyseFlight(payload.flightKey);
              if (alerts > 0)
                logger.info({ flightKey: payload.flightKey, alerts }, 'facilitator patterns found');
            }
            logger.info(
              { flightKey: payload.flightKey, submissionId: payload.submissionId, ...report },
              'assessed',
            );
          },
        }),
      );
      // Every replica holds reference data in memory, so each one hears every change.
      subs.push(
        await deps.bus.subscribe({
          groupId: `paxguard-screening-reference-${hostname()}-${process.pid}`,
          topics: [Topics.referenceChanged],
          handler: async (msg) => {
            const { payload } = decodeEvent(ReferenceChanged, msg);
            // Routes feed link analysis only: no traveller's assessment depends on them.
            if (payload.area === 'smuggling-routes') {
              const report = await network.analyseWindow();
              logger.info(report, 'smuggling routes changed: link analysis run again');
              return;
            }
            const report = await worker.rescreenNotYetArrived();
            logger.info(report, 'reference data changed: re-screened flights not yet arrived');
          },
        }),
      );
      const tick = () => {
        reconciling = worker
          .reconcile()
          .catch((err) => logger.error({ err }, 'reconcile failed'))
          .finally(() => (timer = setTimeout(tick, deps.reconcileIntervalMs ?? 30_000)));
      };
      timer = setTimeout(tick, deps.reconcileIntervalMs ?? 30_000);
    },
    async stop() {
      if (timer) clearTimeout(timer);
      await Promise.all(subs.map((s) => s.close()));
      await reconciling;
    },
  };
}
export type ScreeningComponents = ReturnType<typeof createScreeningComponents>;
