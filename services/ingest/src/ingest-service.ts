// The ingest use case, shared by the HTTP route and the Kafka consumer: archive the raw bytes
// first, then parse, de-duplicate, assemble multi-part messages, apply function codes and store
// — one transaction per submission, with the event screening listens to in the same commit.
import {
  SubmissionAccepted,
  envelope,
  flightKey,
  normaliseFlightNumber,
  type PnrPush,
  type Clock,
  type IdGenerator,
  type Manifest,
} from '@paxguard/domain';
import {
  applyManifest,
  applyPnrPush,
  completeSubmission,
  lockMessage,
  markAssembled,
  partsOf,
  recordPart,
  type AnyTx,
  type ApplyManifestResult,
  type CarrierIdentity,
  type OutboxRelay,
  type Prisma,
  type PrismaTypes,
  type SqlSource,
  type SubmissionRepository,
  type SubmissionStatus,
} from '@paxguard/db';
import {
  assembleParts,
  decodeManifestJson,
  decodePaxlst,
  decodePnrgov,
  decodePnrJson,
  sniffFormat,
  textOfBytes,
  type CodecIssue,
  type PaxlstMessage,
} from '@paxguard/edifact';
import { UnavailableError, type Logger } from '@paxguard/platform';

export interface SubmissionInput {
  carrier: CarrierIdentity;
  channel: 'http' | 'kafka';
  contentType?: string;
  raw: Buffer;
  carrierMessageId?: string;
}

export interface SubmissionResult {
  submissionId: string;
  status: SubmissionStatus;
  format?: string;
  duplicateOf?: string;
  flights: Omit<ApplyManifestResult, 'changedTravellerIds' | 'warnings' | 'flightId'>[];
  pendingParts?: { messageRef: string; received: number[] };
  errors: CodecIssue[];
  warnings: CodecIssue[];
}

export interface IngestDeps {
  prisma: Prisma;
  /** Raw SQL for the manifest path (`sqlSource(db)`). */
  sql: SqlSource;
  submissions: SubmissionRepository;
  relay?: OutboxRelay;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  mode: 'strict' | 'lenient';
  /** Secret salt for payment-card fingerprints in PNR data (never stored with the data). */
  cardSalt: string;
}

function summary(r: ApplyManifestResult): SubmissionResult['flights'][number] {
  const { flightKey, version, added, changed, unchanged, statusChanges } = r;
  return { flightKey, version, added, changed, unchanged, statusChanges };
}

export class Rejection extends Error {
  constructor(
    readonly errors: CodecIssue[],
    readonly warnings: CodecIssue[] = [],
  ) {
    super(errors[0]?.message ?? 'rejected');
  }
}

/** A JSON body, or a rejection the carrier can read. */
function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Rejection([
      { code: 'JSON_SYNTAX', message: `the body is not valid JSON: ${(err as Error).message}` },
    ]);
  }
}

/** EDIFACT UNOA/UNOB are ASCII and UNOY is UTF-8; UNOC (Latin-1) bytes are not valid UTF-8. */
export function decodeText(raw: Buffer): string {
  return textOfBytes(raw);
}

export function createIngestService(deps: IngestDeps) {
  const { prisma, submissions, clock, ids } = deps;

  function decodeManifests(
    text: string,
    format: string,
  ): { messages: PaxlstMessage[]; warnings: CodecIssue[] } {
    if (format === 'PAXLST') {
      const r = decodePaxlst(text, { mode: deps.mode });
      if (!r.ok) throw new Rejection(r.errors, r.warnings);
      return { messages: r.value, warnings: r.warnings };
    }
    const r = decodeManifestJson(parseJsonBody(text));
    if (!r.ok) throw new Rejection(r.errors, r.warnings);
    return { messages: [{ manifest: r.value }], warnings: r.warnings };
  }

  function checkCarrier(carrier: CarrierIdentity, m: Manifest, index: number): void {
    if (m.flight.carrier !== carrier.designator)
      throw new Rejection([
        {
          code: 'CARRIER_MISMATCH',
          message: `message ${index + 1} is for flight ${m.flight.carrier}${m.flight.number}, but these credentials belong to carrier ${carrier.designator}; a carrier may only submit for its own designator`,
          segmentTag: m.source === 'PAXLST' ? 'TDT' : undefined,
          path: m.source === 'JSON' ? 'flight.carrier' : undefined,
        },
      ]);
  }

  /**
   * `screenedHere`: the caller assesses these travellers itself (the interactive API), so the
   * event names none; the screening worker's reconciler still covers a crash in between.
   */
  async function apply(
    tx: AnyTx,
    carrierId: string,
    submissionId: string,
    m: Manifest,
    opts: { screenedHere?: boolean } = {},
  ) {
    return applyManifest(tx, {
      carrierId,
      submissionId,
      manifest: m,
      event: ({ flightKey, changedTravellerIds }) => ({
        topic: SubmissionAccepted.topic,
        ...envelope(SubmissionAccepted, {
          id: ids(),
          key: flightKey,
          occurredAt: clock.now(),
          causationId: submissionId,
          payload: {
            submissionId,
            carrierId,
            kind: 'manifest',
            flightKey,
            travellerIds: opts.screenedHere ? [] : changedTravellerIds,
          },
        }),
      }),
    });
  }

  function decodePnrPushes(
    text: string,
    format: string,
    carrier: CarrierIdentity,
  ): { pushes: PnrPush[]; warnings: CodecIssue[] } {
    let r;
    if (format === 'PNRGOV') r = decodePnrgov(text, { mode: deps.mode, cardSalt: deps.cardSalt });
    else {
      const one = decodePnrJson(parseJsonBody(text), { cardSalt: deps.cardSalt });
      r = one.ok ? { ...one, value: [one.value] } : one;
    }
    if (!r.ok) throw new Rejection(r.errors, r.warnings);
    r.value.forEach((push, i) => {
      if (push.flight.carrier !== carrier.designator)
        throw new Rejection([
          {
            code: 'CARRIER_MISMATCH',
            message: `push ${i + 1} is for flight ${push.flight.carrier}${push.flight.number}, but these credentials belong to carrier ${carrier.designator}`,
            segmentTag: format === 'PNRGOV' ? 'TVL' : undefined,
          },
        ]);
    });
    return { pushes: r.value, warnings: r.warnings };
  }

  async function storePnrPushes(
    submissionId: string,
    carrier: CarrierIdentity,
    decoded: { pushes: PnrPush[]; warnings: CodecIssue[] },
    finish: (
      status: SubmissionStatus,
      extra?: Partial<SubmissionResult>,
    ) => Promise<SubmissionResult>,
    base: SubmissionResult,
    format: string,
  ): Promise<SubmissionResult> {
    const outcome = await prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRawUnsafe<{ status: string }[]>(
        'SELECT status FROM "Submission" WHERE id = $1::uuid FOR UPDATE',
        submissionId,
      );
      if (row?.status !== 'received') return undefined;
      const flights: SubmissionResult['flights'] = [];
      for (const push of decoded.pushes) {
        const key = flightKey({
          carrier: push.flight.carrier,
          number: normaliseFlightNumber(push.flight.number, push.flight.carrier),
          legs: [
            { departure: push.flight.departure, arrival: push.flight.arrival, overflight: false },
          ],
        });
        const r = await applyPnrPush(tx, {
          carrierId: carrier.id,
          submissionId,
          flightKey: key,
          pnrs: push.pnrs,
          pushType: push.pushType,
          receivedAt: clock.now(),
          event: (travellerIds) => ({
            topic: SubmissionAccepted.topic,
            ...envelope(SubmissionAccepted, {
              id: ids(),
              key,
              occurredAt: clock.now(),
              causationId: submissionId,
              payload: {
                submissionId,
                carrierId: carrier.id,
                kind: 'pnr',
                flightKey: key,
                travellerIds,
              },
            }),
          }),
        });
        flights.push({
          flightKey: key,
          version: 0,
          added: r.added,
          changed: r.changed,
          unchanged: r.unchanged,
          // bookings a full push no longer carries: cancelled
          statusChanges: r.cancelled,
        });
      }
      await tx.submission.updateMany({
        where: { id: submissionId, status: 'received' },
        data: {
          status: 'accepted',
          format,
          flightKey: flights[0]?.flightKey ?? null,
          warnings: decoded.warnings as unknown as PrismaTypes.InputJsonValue,
          processedAt: clock.now(),
        },
      });
      return flights;
    });
    if (!outcome) return { ...base, format, status: 'accepted' };
    void deps.relay?.nudge();
    return { ...base, format, status: 'accepted', flights: outcome, warnings: decoded.warnings };
  }

  /** Parse and store an archived submission. Safe to call again for the same id (re-drive). */
  async function process(
    submissionId: string,
    input: Omit<SubmissionInput, 'raw'> & { raw: Buffer; sha256: string },
  ): Promise<SubmissionResult> {
    const base: SubmissionResult = {
      submissionId,
      status: 'received',
      flights: [],
      errors: [],
      warnings: [],
    };
    const text = decodeText(input.raw);
    const sniffed = sniffFormat(text);
    const format =
      sniffed === 'unknown' && input.contentType?.includes('json') ? 'JSON-MANIFEST' : sniffed;
    const finish = async (status: SubmissionStatus, extra: Partial<SubmissionResult> = {}) => {
      const result = { ...base, ...extra, status, format };
      await submissions.complete(submissionId, {
        status,
        format,
        duplicateOfId: result.duplicateOf,
        errors: result.errors,
        warnings: result.warnings,
        processedAt: clock.now(),
      });
      return result;
    };

    const earlier = await submissions.findEarlierIdentical(
      input.carrier.id,
      input.sha256,
      submissionId,
    );
    if (earlier) return finish('duplicate', { duplicateOf: earlier.id });

    if (format === 'PNRGOV' || format === 'JSON-PNR') {
      try {
        const pushes = decodePnrPushes(text, format, input.carrier);
        return await storePnrPushes(submissionId, input.carrier, pushes, finish, base, format);
      } catch (err) {
        if (err instanceof Rejection)
          return finish('rejected', { errors: err.errors, warnings: err.warnings });
        throw err;
      }
    }
    if (format === 'unknown')
      return finish('rejected', {
        errors: [
          {
            code: 'UNKNOWN_FORMAT',
            message:
              'the body is neither UN/EDIFACT PAXLST or PNRGOV (no UNA/UNB/UNH found) nor a JSON manifest',
            offset: 0,
          },
        ],
      });

    let decoded: { messages: PaxlstMessage[]; warnings: CodecIssue[] };
    try {
      decoded = decodeManifests(text, format);
      decoded.messages.forEach((m, i) => checkCarrier(input.carrier, m.manifest, i));
    } catch (err) {
      if (err instanceof Rejection)
        return finish('rejected', { errors: err.errors, warnings: err.warnings });
      throw err;
    }

    // Raw SQL through the driver (no Prisma): this transaction carries every traveller.
    const outcome = await deps.sql
      .transaction(async (tx) => {
        // Whoever locks the archived row first processes it; a re-drive racing the original finds it done.
        const [row] = await tx.query<{ status: string }>(
          'SELECT status FROM "Submission" WHERE id = $1::uuid FOR UPDATE',
          [submissionId],
        );
        if (row?.status !== 'received') return { alreadyProcessed: row?.status ?? 'missing' };
        const flights: SubmissionResult['flights'] = [];
        const warnings: CodecIssue[] = [...decoded.warnings];
        let pending: SubmissionResult['pendingParts'];
        const receivedAt = clock.now();
        for (const msg of decoded.messages) {
          let manifest: Manifest | undefined = msg.manifest;
          if (msg.part) {
            const ref = msg.part.messageRef;
            await lockMessage(tx, input.carrier.id, ref);
            const fresh = await recordPart(tx, {
              carrierId: input.carrier.id,
              messageRef: ref,
              partNumber: msg.part.number,
              last: msg.part.last,
              submissionId,
              receivedAt,
            });
            if (!fresh)
              warnings.push({
                code: 'PART_RESENT',
                message: `part ${msg.part.number} of message ${ref} was already received; the earlier copy is kept`,
              });
            const parts = await partsOf(tx, input.carrier.id, ref);
            const last = parts.find((p) => p.last);
            const complete = last !== undefined && parts.length === last.partNumber;
            manifest = undefined;
            if (!complete) {
              pending = { messageRef: ref, received: parts.map((p) => p.partNumber) };
              continue;
            }
            const all: PaxlstMessage[] = [];
            for (const p of parts) {
              const r =
                p.submissionId === submissionId
                  ? { ok: true as const, value: [msg] }
                  : decodePaxlst(decodeText(p.raw), { mode: deps.mode });
              if (r.ok) all.push(...r.value.filter((m) => m.part?.messageRef === ref));
            }
            const assembled = assembleParts(all);
            if (!assembled.ok) throw new Rejection(assembled.errors, assembled.warnings);
            warnings.push(...assembled.warnings);
            manifest = assembled.value;
            await markAssembled(tx, input.carrier.id, ref, receivedAt);
            const r = await apply(tx, input.carrier.id, submissionId, manifest);
            await tx.query(
              `UPDATE "Submission" SET status = 'accepted', "processedAt" = $2::timestamptz, "flightKey" = $3
                 WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid) AND status = 'pending-parts'`,
              [
                JSON.stringify(
                  parts.map((p) => p.submissionId).filter((id) => id !== submissionId),
                ),
                receivedAt.toISOString(),
                r.flightKey,
              ],
            );
            warnings.push(...r.warnings);
            flights.push(summary(r));
            continue;
          }
          const r = await apply(tx, input.carrier.id, submissionId, manifest);
          warnings.push(...r.warnings);
          flights.push(summary(r));
        }
        const status: SubmissionStatus = flights.length > 0 ? 'accepted' : 'pending-parts';
        await completeSubmission(tx, submissionId, {
          status,
          format,
          interchangeRef: decoded.messages[0]?.manifest.interchangeRef,
          messageRef:
            decoded.messages[0]?.part?.messageRef ?? decoded.messages[0]?.manifest.messageRef,
          flightKey: flights[0]?.flightKey,
          warnings,
          processedAt: clock.now(),
        });
        return { status, flights, warnings, pending };
      })
      .catch(async (err) => {
        if (err instanceof Rejection) return { rejection: err };
        throw err;
      });
    if ('alreadyProcessed' in outcome)
      return { ...base, format, status: outcome.alreadyProcessed as SubmissionStatus };
    if ('rejection' in outcome)
      return finish('rejected', {
        errors: outcome.rejection.errors,
        warnings: outcome.rejection.warnings,
      });
    void deps.relay?.nudge();
    return {
      ...base,
      format,
      status: outcome.status,
      flights: outcome.flights,
      warnings: outcome.warnings,
      pendingParts: outcome.status === 'pending-parts' ? outcome.pending : undefined,
    };
  }

  return {
    decodeManifests,
    checkCarrier,
    apply,
    /** Archive, then process. The archive commit happens before anything can fail on content. */
    async submit(input: SubmissionInput): Promise<SubmissionResult> {
      // Nothing is accepted unless it is archived: when the database cannot take it, the carrier
      // is told to retry (503 + Retry-After) instead of getting an acknowledgement we cannot keep.
      const archived = await submissions
        .archive({
          carrierId: input.carrier.id,
          channel: input.channel,
          receivedAt: clock.now(),
          contentType: input.contentType,
          raw: input.raw,
          carrierMessageId: input.carrierMessageId,
        })
        .catch((err: unknown) => {
          deps.logger.error({ err }, 'archive failed: refusing the submission');
          throw new UnavailableError(
            'the archive is unavailable, so nothing was accepted; send the message again shortly',
            10,
          );
        });
      const { id, sha256 } = archived;
      deps.logger.info(
        {
          submissionId: id,
          carrier: input.carrier.designator,
          channel: input.channel,
          bytes: input.raw.length,
        },
        'submission archived',
      );
      const result = await process(id, { ...input, sha256 });
      deps.logger.info(
        {
          submissionId: id,
          status: result.status,
          flights: result.flights.map((f) => f.flightKey),
          errors: result.errors.length,
        },
        'submission processed',
      );
      return result;
    },
    process,
  };
}
export type IngestService = ReturnType<typeof createIngestService>;
