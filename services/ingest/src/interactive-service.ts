// The interactive API (iAPI): a check-in request for one or a few travellers is archived,
// stored like any manifest, screened at once and answered per traveller — OK to board, do not
// board, contact the authority, insufficient data — and every answer is recorded as a directive.
// If the answer cannot be ready in time, the State's configured safe default is given instead,
// the carrier is told so, and the real assessment is still stored.
import {
  SubmissionAccepted,
  envelope,
  flightKey,
  travellerHash,
  travellerKey,
  type BoardingAnswer,
  type Clock,
  type IdGenerator,
  type Manifest,
} from '@paxguard/domain';
import {
  storableInteractively,
  storeDirective,
  type AssessmentRepository,
  type CarrierIdentity,
  type InteractiveRepository,
  type InteractiveStoreInput,
  type Prisma,
  type PrismaTypes,
  type SubmissionRepository,
} from '@paxguard/db';
import { encodeCusres, sniffFormat, type CodecIssue } from '@paxguard/edifact';
import { UnavailableError, type Logger } from '@paxguard/platform';
import { ANSWER_TEXT, carrierMessage, type Screener } from '@paxguard/screening';
import { decodeText, Rejection, type IngestService } from './ingest-service.ts';

export interface InteractiveAnswer {
  travellerId: string;
  passenger?: string;
  booking?: string;
  name: string;
  answer: BoardingAnswer;
  basis: 'iapi' | 'iapi-timeout-default';
  text: string;
}

export interface InteractiveResult {
  submissionId: string;
  status: 'answered' | 'rejected';
  format: string;
  flightKey?: string;
  answers: InteractiveAnswer[];
  errors: CodecIssue[];
  /** The same answers as a UN/EDIFACT CUSRES, for carriers that sent EDIFACT. */
  cusres?: string;
}

type Deps = {
  prisma: Prisma;
  ingest: IngestService;
  submissions: SubmissionRepository;
  assessments: AssessmentRepository;
  /** The hot path: archive in one round trip, store everything in a second. */
  interactive: InteractiveRepository;
  screener: () => Promise<Screener>;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  timeoutMs: number;
  timeoutAnswer: BoardingAnswer;
};

type ManifestTraveller = Manifest['travellers'][number];

function who(t: ManifestTraveller) {
  return {
    passenger: t.references?.passenger,
    booking: t.references?.booking,
    name: `${t.name.surname}/${t.name.given.join(' ')}`,
  };
}

/** The screener, unless loading it (reference data on a cold start) outlasts the deadline. */
function screenerBy(deps: Deps, deadline: number): Promise<Screener | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    deps.screener(),
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - performance.now()));
    }),
  ]).finally(() => clearTimeout(timer));
}

function timeoutText(answer: BoardingAnswer): string {
  return `${ANSWER_TEXT[answer]} (DEFAULT ANSWER: SCREENING NOT COMPLETE IN TIME)`;
}

/**
 * An original or change request: screen first (nothing screening needs comes from the
 * database), then store travellers, assessments and directives in one transaction.
 */
async function answerInOneTransaction(
  deps: Deps,
  req: { carrier: CarrierIdentity; submissionId: string; format: string; manifest: Manifest },
  deadline: number,
): Promise<{ flightKey: string; answers: InteractiveAnswer[] }> {
  const { manifest, submissionId, carrier } = req;
  const screener = await screenerBy(deps, deadline);
  const now = deps.clock.now();
  const answers: Omit<InteractiveAnswer, 'travellerId'>[] = [];
  const travellers: InteractiveStoreInput['travellers'] = [];
  let late = 0;
  for (const t of manifest.travellers) {
    const contentHash = travellerHash(t);
    if (!screener || performance.now() > deadline) {
      const text = timeoutText(deps.timeoutAnswer);
      late++;
      answers.push({ ...who(t), answer: deps.timeoutAnswer, basis: 'iapi-timeout-default', text });
      travellers.push({
        traveller: t,
        contentHash,
        directive: {
          answer: deps.timeoutAnswer,
          basis: 'iapi-timeout-default',
          reasons: [{ code: 'IAPI_TIMEOUT', message: text }],
          issuedAt: now,
        },
      });
      continue;
    }
    const a = screener.assess({ traveller: t, manifest, travellerHash: contentHash, now });
    // Directives are what the carrier may see: document reasons only. The full findings stay
    // with the assessment, for officers.
    const reasons = a.findings
      .filter((f) => f.source === 'documents' && f.severity !== 'cleared')
      .map((f) => ({ code: f.code, message: f.message, rule: f.rule }));
    answers.push({
      ...who(t),
      answer: a.answer,
      basis: 'iapi',
      text: carrierMessage(a.answer, a.findings),
    });
    travellers.push({
      traveller: t,
      contentHash,
      assessment: {
        inputHash: a.inputHash,
        outcome: a.outcome,
        findings: a.findings,
        versions: a.versions,
        directive: { answer: a.answer, basis: 'iapi', reasons, issuedAt: now },
      },
    });
  }
  const key = flightKey(manifest.flight);
  const stored = await deps.interactive.store({
    carrierId: carrier.id,
    submissionId,
    format: `IAPI-${req.format}`,
    processedAt: now,
    manifest,
    travellers,
    // Screened here, so the event names no travellers; the worker's reconciler covers a crash.
    event: {
      topic: SubmissionAccepted.topic,
      ...envelope(SubmissionAccepted, {
        id: deps.ids(),
        key,
        occurredAt: now,
        causationId: submissionId,
        payload: {
          submissionId,
          carrierId: carrier.id,
          kind: 'manifest',
          flightKey: key,
          travellerIds: [],
        },
      }),
    },
  });
  if (late > 0)
    deps.logger.warn(
      { submissionId, late },
      'iAPI answered with the default for travellers not screened in time',
    );
  return {
    flightKey: key,
    answers: answers.map((a, i) => ({ ...a, travellerId: stored.travellers[i]!.id })),
  };
}

export function createInteractiveService(deps: Deps) {
  /** The same answers as a UN/EDIFACT CUSRES, for carriers that sent EDIFACT. */
  function cusresFor(
    format: string,
    manifest: Manifest,
    answers: InteractiveAnswer[],
    submissionId: string,
    designator: string,
  ): string | undefined {
    if (format !== 'PAXLST') return undefined;
    const ref = submissionId.replace(/-/g, '').slice(0, 14);
    const r = encodeCusres(
      {
        requestRef: manifest.messageRef ?? submissionId.slice(0, 14),
        flight: `${manifest.flight.carrier}${manifest.flight.number}`,
        departureLocal: manifest.flight.legs[0]!.departure.local,
        answers: answers.map((a) => ({
          passenger: a.passenger,
          booking: a.booking,
          answer: a.answer,
          text: a.text,
        })),
      },
      {
        sender: 'PAXGUARD',
        recipient: designator,
        interchangeRef: ref,
        messageRef: ref,
        preparedAt: deps.clock.now(),
      },
    );
    return r.ok ? r.value : undefined;
  }

  return {
    async answer(input: {
      carrier: CarrierIdentity;
      contentType?: string;
      raw: Buffer;
    }): Promise<InteractiveResult> {
      const started = performance.now();
      const deadline = started + deps.timeoutMs;
      const { id: submissionId } = await deps.interactive
        .archive({
          carrierId: input.carrier.id,
          channel: 'http',
          receivedAt: deps.clock.now(),
          contentType: input.contentType,
          raw: input.raw,
        })
        .catch(() => {
          throw new UnavailableError(
            'the archive is unavailable; nothing was recorded, retry or use the fallback procedure',
            5,
          );
        });
      const text = decodeText(input.raw);
      const sniffed = sniffFormat(text);
      const format =
        sniffed === 'unknown' && input.contentType?.includes('json') ? 'JSON-MANIFEST' : sniffed;
      const reject = async (errors: CodecIssue[]): Promise<InteractiveResult> => {
        await deps.submissions.complete(submissionId, {
          status: 'rejected',
          format,
          errors,
          processedAt: deps.clock.now(),
        });
        return { submissionId, status: 'rejected', format, answers: [], errors };
      };
      if (format !== 'PAXLST' && format !== 'JSON-MANIFEST')
        return reject([
          {
            code: 'UNKNOWN_FORMAT',
            message:
              'an interactive request is a PAXLST or a JSON manifest for one or a few travellers',
          },
        ]);
      let manifest: Manifest;
      try {
        const decoded = deps.ingest.decodeManifests(text, format);
        if (decoded.messages.length !== 1 || decoded.messages[0]!.part)
          throw new Rejection([
            {
              code: 'IAPI_ONE_MESSAGE',
              message: 'an interactive request carries exactly one message (no multi-part)',
            },
          ]);
        manifest = decoded.messages[0]!.manifest;
        deps.ingest.checkCarrier(input.carrier, manifest, 0);
        if (manifest.travellers.length === 0 || manifest.travellers.length > 50)
          throw new Rejection([
            {
              code: 'IAPI_TRAVELLER_COUNT',
              message: `an interactive request holds 1 to 50 travellers (got ${manifest.travellers.length})`,
            },
          ]);
      } catch (err) {
        if (err instanceof Rejection) return reject(err.errors);
        throw err;
      }

      if (storableInteractively(manifest)) {
        const r = await answerInOneTransaction(
          deps,
          { carrier: input.carrier, submissionId, format, manifest },
          deadline,
        );
        return {
          submissionId,
          status: 'answered',
          format,
          flightKey: r.flightKey,
          answers: r.answers,
          errors: [],
          cusres: cusresFor(format, manifest, r.answers, submissionId, input.carrier.designator),
        };
      }

      // Any other function code (a cancellation, a close…): the general manifest path.
      const stored = await deps.prisma.$transaction(async (tx: PrismaTypes.TransactionClient) => {
        const r = await deps.ingest.apply(tx, input.carrier.id, submissionId, manifest, {
          screenedHere: true,
        });
        const keys = manifest.travellers.map((t) => travellerKey(t));
        const rows = await tx.traveller.findMany({
          where: { flightId: r.flightId, key: { in: keys } },
          select: { id: true, key: true, contentHash: true },
        });
        await tx.submission.updateMany({
          where: { id: submissionId, status: 'received' },
          data: {
            status: 'accepted',
            format: `IAPI-${format}`,
            flightKey: r.flightKey,
            processedAt: deps.clock.now(),
          },
        });
        return { flight: r, byKey: new Map(rows.map((row) => [row.key, row])) };
      });

      const screener = await screenerBy(deps, deadline);
      const answers: InteractiveAnswer[] = [];
      const late: {
        travellerId: string;
        contentHash: string;
        t: Manifest['travellers'][number];
      }[] = [];
      for (const t of manifest.travellers) {
        const row = stored.byKey.get(travellerKey(t))!;
        const base = { travellerId: row.id, ...who(t) };
        if (!screener || performance.now() > deadline) {
          late.push({ travellerId: row.id, contentHash: row.contentHash, t });
          answers.push({
            ...base,
            answer: deps.timeoutAnswer,
            basis: 'iapi-timeout-default',
            text: timeoutText(deps.timeoutAnswer),
          });
          continue;
        }
        const a = screener.assess({
          traveller: t,
          manifest,
          travellerHash: row.contentHash,
          now: deps.clock.now(),
        });
        // Directives are what the carrier may see: document reasons only. The full findings stay
        // with the assessment, for officers.
        const reasons = a.findings
          .filter((f) => f.source === 'documents' && f.severity !== 'cleared')
          .map((f) => ({ code: f.code, message: f.message, rule: f.rule }));
        const text = carrierMessage(a.answer, a.findings);
        await deps.assessments.store(
          {
            travellerId: row.id,
            outcome: a.outcome,
            findings: a.findings,
            inputHash: a.inputHash,
            versions: a.versions,
          },
          {
            carrierId: input.carrier.id,
            flightId: stored.flight.flightId,
            answer: a.answer,
            basis: 'iapi',
            reasons,
            submissionId,
            issuedAt: deps.clock.now(),
          },
        );
        answers.push({ ...base, answer: a.answer, basis: 'iapi', text });
      }
      for (const l of late) {
        const a = answers.find((x) => x.travellerId === l.travellerId)!;
        await deps.prisma.$transaction(async (tx) => {
          await storeDirective(tx, {
            carrierId: input.carrier.id,
            flightId: stored.flight.flightId,
            travellerId: l.travellerId,
            answer: a.answer,
            basis: 'iapi-timeout-default',
            reasons: [{ code: 'IAPI_TIMEOUT', message: a.text }],
            submissionId,
            issuedAt: deps.clock.now(),
          });
        });
      }
      if (late.length > 0)
        deps.logger.warn(
          { submissionId, late: late.length },
          'iAPI answered with the default for travellers not screened in time',
        );

      return {
        submissionId,
        status: 'answered',
        format,
        flightKey: stored.flight.flightKey,
        answers,
        errors: [],
        cusres: cusresFor(format, manifest, answers, submissionId, input.carrier.designator),
      };
    },
  };
}
export type InteractiveService = ReturnType<typeof createInteractiveService>;
