// The case workflow over storage: views (audited), transitions through the pure machine
// persisted by compare-and-set, the evidence bundle a notice discloses, the deadline sweep,
// the register, notices and scorecards.
import type {
  AnswerInput,
  AuditRepository,
  CaseRepository,
  EvidenceInput,
  FlightFactsRepository,
  InfringementRepository,
  OutcomeRepository,
  StoredCase,
} from '@paxguard/db';
import { NotFoundError, ValidationError, type Clock } from '@paxguard/domain';
import type { Logger } from '@paxguard/platform';
import {
  SanctionCase,
  canSeeCase,
  deadlinesPassed,
  evidenceBundle,
  registerCsv,
  renderNotice,
  transition,
  type Actor,
  type CaseCommand,
  type EvidenceRef,
  type Infringement,
} from '@paxguard/sanctions';
import type { ProfileCatalogue } from './profile-catalogue.ts';
import type { ScorecardService } from './scorecard-service.ts';
import { problemsError } from './problems.ts';

/** Who acts, for the machine (role regulator/supervisor/carrier) and for the audit trail. */
export interface Caller {
  actor: Actor;
  /** The console role or "carrier", as recorded in the audit trail. */
  auditRole: string;
}

export interface AttachmentMeta {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** States a carrier sees: from the notice on (or a decision, for a waiver at review). */
const CARRIER_VISIBLE = new Set([
  'notice-issued',
  'carrier-answered',
  'deadline-passed',
  'decided',
  'appealed',
  'appeal-decided',
  'paid',
  'closed',
]);

export const DEADLINE_SWEEPER: Actor = { role: 'regulator', id: 'system:deadline-sweep' };

export function createCaseService(deps: {
  cases: CaseRepository;
  infringements: InfringementRepository;
  outcomes: OutcomeRepository;
  facts: FlightFactsRepository;
  audit: AuditRepository;
  catalogue: ProfileCatalogue;
  scorecards: ScorecardService;
  clock: Clock;
  logger: Logger;
  authority: string;
}) {
  const parse = (c: StoredCase) => SanctionCase.parse(c);

  function visible(caller: Caller, c: StoredCase): boolean {
    if (caller.actor.role !== 'carrier') return true;
    return canSeeCase(caller.actor, c) && CARRIER_VISIBLE.has(c.state);
  }

  async function load(caller: Caller, id: string): Promise<SanctionCase> {
    const c = await deps.cases.get(id);
    // Another carrier's case does not exist, as far as a carrier is concerned.
    if (!c || !visible(caller, c)) throw new NotFoundError('CASE_NOT_FOUND', `no case ${id}`);
    return parse(c);
  }

  const audit = (caller: Caller, action: string, subjectId: string, details?: object) =>
    deps.audit.record({
      actor: caller.actor.id,
      actorRole: caller.auditRole,
      action,
      subjectType: 'sanction-case',
      subjectId,
      details: details as Record<string, unknown> | undefined,
    });

  /** Type each evidence id (raw message with its hash, directive, outcome, verdict). */
  async function bundle(c: SanctionCase): Promise<{ refs: EvidenceRef[]; input: EvidenceInput }> {
    const described = await deps.facts.describeEvidence(c.evidenceIds);
    const outcomes = await deps.outcomes.byIds(c.evidenceIds);
    const subs = new Map(described.submissions.map((s) => [s.id, s] as const));
    const dirs = new Map(described.directives.map((d) => [d.id, d] as const));
    const finds = new Map(described.findings.map((f) => [f.id, f] as const));
    const returns = new Map(described.returnRequests.map((r) => [r.id, r] as const));
    const outs = new Map(outcomes.map((o) => [o.id, o] as const));
    const kindOf = (id: string): EvidenceRef['kind'] =>
      subs.has(id)
        ? 'raw-message'
        : dirs.has(id)
          ? 'directive'
          : outs.has(id)
            ? 'arrival-outcome'
            : finds.has(id)
              ? 'document-verdict'
              : returns.has(id)
                ? 'return-request'
                : 'other';
    const refs = evidenceBundle(c, kindOf);
    const noticeId = `${c.id}/notice`;
    return {
      refs,
      input: {
        noticeId,
        items: refs.map((r) => {
          const s = subs.get(r.id);
          const d = dirs.get(r.id);
          const o = outs.get(r.id);
          const f = finds.get(r.id);
          const rr = returns.get(r.id);
          return {
            kind: r.kind,
            refId: r.id,
            sha256: s?.sha256,
            detail: s
              ? { receivedAt: s.receivedAt.toISOString(), format: s.format }
              : d
                ? { answer: d.answer, issuedAt: d.issuedAt.toISOString(), basis: d.basis }
                : o
                  ? { kind: o.kind, recordedAt: o.recordedAt.toISOString(), flightKey: o.flightKey }
                  : f
                    ? { code: f.code, message: f.message }
                    : rr
                      ? { requestedAt: rr.requestedAt.toISOString(), dueBy: rr.dueBy.toISOString() }
                      : r.kind === 'computation'
                        ? (c.computation as unknown as Record<string, unknown>)
                        : undefined,
          };
        }),
      },
    };
  }

  /**
   * Apply one command: the pure machine decides, storage persists by compare-and-set. `extras`
   * carries what the machine does not keep (attachment metadata); `at` defaults to the clock.
   */
  async function apply(
    caller: Caller,
    id: string,
    body: Record<string, unknown>,
    extras: { attachments?: AttachmentMeta[]; at?: Date } = {},
  ): Promise<SanctionCase> {
    const c = await load(caller, id);
    const at = extras.at ?? deps.clock.now();
    const type = body.type;
    if (type === 'record-answer' && c.state === 'deadline-passed')
      throw new ValidationError(
        'ANSWER_AFTER_DEADLINE',
        `the answer window closed at ${c.notice?.answerDueBy}; the case is awaiting a decision without an answer`,
      );
    let evidence: EvidenceInput | undefined;
    const command: Record<string, unknown> = {
      ...body,
      actor: caller.actor,
      at: at.toISOString(),
    };
    if (type === 'issue-notice') {
      const b = await bundle(c);
      evidence = b.input;
      command.noticeId = b.input.noticeId;
      command.evidence = b.refs;
    }
    const attachments = extras.attachments ?? [];
    if (type === 'record-answer' || type === 'appeal')
      command.attachments = attachments.map((a) => `${a.fileName} (sha256:${a.sha256})`);
    const next = transition(c, command as unknown as CaseCommand);
    if (!next.ok) throw problemsError(next.problems, 'COMMAND_INVALID');
    const n = next.value;
    const answer: AnswerInput | undefined =
      type === 'record-answer' || type === 'appeal'
        ? {
            kind: type === 'appeal' ? 'appeal' : 'answer',
            text: String(type === 'appeal' ? body.grounds : body.text),
            submittedBy: caller.actor.id,
            submittedAt: at,
            attachments,
          }
        : undefined;
    const last = n.history[n.history.length - 1]!;
    await deps.cases.applyTransition({
      next: n as unknown as StoredCase,
      expectedVersion: c.version,
      at,
      answer,
      evidence,
      audit: {
        actor: caller.actor.id,
        actorRole: caller.auditRole,
        action: `sanctions.case.${last.command}`,
        subjectType: 'sanction-case',
        subjectId: n.id,
        details: { from: last.from, to: last.to, reason: last.reason, version: n.version },
        at,
      },
    });
    return n;
  }

  async function infringementsOf(c: SanctionCase): Promise<Infringement[]> {
    return (await deps.infringements.byKeys(c.infringementKeys)) as unknown as Infringement[];
  }

  return {
    apply,
    visible,

    async list(caller: Caller, filter: { state?: string; carrier?: string } = {}) {
      const rows = await deps.cases.list({
        state: filter.state,
        carrier: caller.actor.role === 'carrier' ? caller.actor.carrier : filter.carrier,
      });
      const shown = rows.filter((c) => visible(caller, c));
      await audit(caller, 'sanctions.case.listed', '*', { filter, count: shown.length });
      return shown.map((c) => ({
        id: c.id,
        key: c.key,
        carrier: c.carrier,
        state: c.state,
        version: c.version,
        createdAt: c.createdAt,
        proposed: (c as unknown as SanctionCase).proposed,
        answerDueBy: c.notice?.answerDueBy,
      }));
    },

    /** The whole case: infringements, computation, evidence disclosed, history, answers. */
    async view(caller: Caller, id: string) {
      const c = await load(caller, id);
      const [infringements, evidence, answers, events] = await Promise.all([
        infringementsOf(c),
        deps.cases.evidence(c.id),
        deps.cases.answers(c.id),
        deps.cases.events(c.id),
      ]);
      await audit(caller, 'sanctions.case.viewed', c.id, { state: c.state, version: c.version });
      return { case: c, infringements, evidence, answers, events };
    },

    async notice(caller: Caller, id: string): Promise<string> {
      const c = await load(caller, id);
      await audit(caller, 'sanctions.case.notice-viewed', c.id, { version: c.version });
      return renderNotice(c, await infringementsOf(c), {
        format: 'html',
        authority: deps.authority,
        answerChannel: `POST /v1/carrier/sanctions/cases/${c.id}/answer (carrier API key)`,
      });
    },

    async register(caller: Caller): Promise<string> {
      const all = (await deps.cases.list({ limit: 5000 })).map(parse);
      await audit(caller, 'sanctions.register.exported', '*', {});
      return registerCsv(all);
    },

    async scorecard(caller: Caller, carrier: string, period: { from: string; to: string }) {
      const { profile } = await deps.catalogue.active();
      const card = await deps.scorecards.scorecard(carrier, period, profile, deps.clock.now());
      await audit(caller, 'sanctions.scorecard.viewed', carrier, period);
      return card;
    },

    /** Move every case whose answer window closed without an answer to deadline-passed. */
    async sweepDeadlines(): Promise<string[]> {
      const now = deps.clock.now();
      const due = deadlinesPassed(
        (await deps.cases.answerWindowClosed(now)).map(parse),
        now,
      ).filter((d) => d.next === 'mark-deadline-passed');
      const moved: string[] = [];
      for (const d of due) {
        const c = await deps.cases.get(d.caseId);
        if (!c) continue;
        try {
          await apply(
            { actor: DEADLINE_SWEEPER, auditRole: 'system' },
            d.caseId,
            {
              type: 'mark-deadline-passed',
              expectedVersion: c.version,
              reason: `no answer received by ${d.dueBy}`,
            },
            { at: now },
          );
          moved.push(d.caseId);
        } catch (err) {
          // An answer or another sweeper moved it first; nothing to do.
          deps.logger.info({ err, caseId: d.caseId }, 'deadline sweep skipped a case');
        }
      }
      return moved;
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
