// The embedded demo: one full case in every workflow state for a demo carrier, created through
// the same paths as real traffic (stored flight, recorded outcomes, detection, drafting, the
// documented transitions). Running it again leaves existing demo cases alone.
import { createHash } from 'node:crypto';
import type { CaseRepository, DemoFlightRepository } from '@paxguard/db';
import {
  DOCUMENTED_PATHS,
  demoCommand,
  type CaseState,
  type CommandType,
  type DemoActors,
  type SanctionCase,
} from '@paxguard/sanctions';
import type { CaseService, Caller } from './case-service.ts';
import type { DetectionService } from './detection-service.ts';
import type { OutcomeService } from './outcome-service.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** States a demo keeps open: reached recently, so their windows have not closed. */
const RECENT: readonly CaseState[] = ['draft', 'under-review', 'notice-issued'];

export function createDemoSeeder(deps: {
  flights: DemoFlightRepository;
  outcomes: OutcomeService;
  detection: DetectionService;
  cases: CaseService;
  caseRepo: CaseRepository;
}) {
  return async function seedDemo(args: {
    now: Date;
    carrier?: string;
  }): Promise<Record<CaseState, string>> {
    const carrier = args.carrier ?? 'PG';
    const actors: DemoActors = {
      regulator: { role: 'regulator', id: 'demo-regulator' },
      supervisor: { role: 'supervisor', id: 'demo-supervisor' },
      carrier: { role: 'carrier', id: `carrier:${carrier}`, carrier },
    };
    const callerFor = (role: string): Caller => {
      const actor =
        role === 'carrier'
          ? actors.carrier
          : role === 'supervisor'
            ? actors.supervisor
            : actors.regulator;
      return { actor, auditRole: actor.role };
    };
    const out: Partial<Record<CaseState, string>> = {};
    const states = Object.keys(DOCUMENTED_PATHS) as CaseState[];
    for (const [i, state] of states.entries()) {
      const recent = RECENT.includes(state);
      const dep = args.now.getTime() - (recent ? 2 * DAY : 120 * DAY) + i * HOUR;
      const arr = dep + 6 * HOUR;
      const draftAt = new Date(arr + HOUR);
      const flight = await deps.flights.ensure({
        carrier,
        number: String(9100 + i),
        date: new Date(dep).toISOString().slice(0, 10),
        origin: 'LOS',
        destination: 'CDG',
        departureUtc: new Date(dep),
        arrivalUtc: new Date(arr),
        listReceivedAt: new Date(dep - 2 * HOUR),
        travellers: (
          [
            { key: 'P1', surname: 'ADEYEMI', givenNames: 'TOLU', answer: 'insufficient-data' },
            { key: 'P2', surname: 'OKAFOR', givenNames: 'CHIDI', answer: 'insufficient-data' },
            { key: 'P3', surname: 'BELLO', givenNames: 'AMINA', answer: 'no-board' },
            { key: 'P4', surname: 'EZE', givenNames: 'NGOZI', answer: 'board' },
          ] as const
        ).map((t) => ({ ...t, answeredAt: new Date(dep - 90 * 60_000) })),
      });
      const tid = (k: string) => flight.travellerIds[k]!;
      const base = {
        flightKey: flight.flightKey,
        recordedAt: new Date(arr + 30 * 60_000).toISOString(),
        recordedBy: 'demo-officer',
      };
      const reports = [
        {
          id: `demo:${flight.flightKey}:P1`,
          travellerId: tid('P1'),
          kind: 'refused-entry',
          ground: 'no-visa-or-travel-authorisation',
        },
        {
          id: `demo:${flight.flightKey}:P2`,
          travellerId: tid('P2'),
          kind: 'refused-entry',
          ground: 'no-valid-travel-document',
        },
        {
          id: `demo:${flight.flightKey}:P2-claim`,
          travellerId: tid('P2'),
          kind: 'protection-claim',
        },
        { id: `demo:${flight.flightKey}:P3`, travellerId: tid('P3'), kind: 'admitted' },
        { id: `demo:${flight.flightKey}:P4`, travellerId: tid('P4'), kind: 'admitted' },
      ];
      // Detect once, after all reports: one case per flight, as an officer's batch would give.
      for (const r of reports)
        await deps.outcomes.record({ ...base, ...r }, 'demo', { detect: false });
      await deps.detection.detectFlight(flight.flightKey, draftAt);
      const stored = await deps.caseRepo.getByKey(`${carrier}|flight|${flight.flightKey}`);
      if (!stored) throw new Error(`demo flight ${flight.flightKey} produced no case`);
      out[state] = stored.id;
      if (stored.state !== 'draft') continue;
      let c = stored as unknown as SanctionCase;
      let t = draftAt.getTime();
      for (const step of DOCUMENTED_PATHS[state] as readonly CommandType[]) {
        t =
          step === 'mark-deadline-passed' && c.notice
            ? Date.parse(c.notice.answerDueBy) + DAY
            : t + (recent ? HOUR : DAY);
        const { actor, at: _at, ...body } = demoCommand(c, step, t, actors);
        const attachments =
          step === 'record-answer' || step === 'appeal'
            ? [
                {
                  fileName: step === 'appeal' ? 'visa-rule-change.pdf' : 'check-in-log.pdf',
                  mediaType: 'application/pdf',
                  sizeBytes: 48_213,
                  sha256: createHash('sha256').update(`${c.id}:${step}`).digest('hex'),
                },
              ]
            : undefined;
        c = await deps.cases.apply(callerFor(actor.role), c.id, body, {
          at: new Date(t),
          attachments,
        });
      }
    }
    return out as Record<CaseState, string>;
  };
}
