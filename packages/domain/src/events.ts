// Versioned envelopes for every message Paxguard puts on its bus. A consumer validates the
// envelope and the payload for the (type, version) it knows, and dead-letters the rest.
import { z } from 'zod';
import { UtcInstant } from './primitives.ts';

export const Envelope = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  version: z.number().int().positive(),
  /** Partition key: the flight for everything about a flight. */
  key: z.string().min(1),
  occurredAt: UtcInstant,
  /** The message that caused this one (submission id, request id…), for tracing. */
  causationId: z.string().optional(),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;

export interface EventDefinition<T extends z.ZodType> {
  readonly type: string;
  readonly version: number;
  readonly topic: string;
  readonly payload: T;
}

export function defineEvent<T extends z.ZodType>(
  topic: string,
  type: string,
  version: number,
  payload: T,
): EventDefinition<T> {
  return { topic, type, version, payload };
}

export type EventPayload<D> = D extends EventDefinition<infer T> ? z.infer<T> : never;

export const Topics = {
  /** Carriers publish raw PAXLST / PNRGOV / JSON here (headers say who and what). */
  carrierSubmissions: 'paxguard.carrier.submissions',
  /** Acknowledgements and rejections for submissions received over Kafka. */
  carrierReplies: 'paxguard.carrier.replies',
  /** A submission was archived and parsed; screening picks it up. */
  submissionsAccepted: 'paxguard.submissions.accepted',
  /** Reference data (lists, profiles, entry rules) changed: re-screen flights not yet arrived. */
  referenceChanged: 'paxguard.reference.changed',
  /** Border control systems report what happened at arrival. */
  arrivalOutcomes: 'paxguard.arrival.outcomes',
  /** Messages no consumer could process, with the reason; inspectable and replayable. */
  deadLetter: 'paxguard.dead-letter',
} as const;

export const SubmissionAccepted = defineEvent(
  Topics.submissionsAccepted,
  'submission.accepted',
  1,
  z.object({
    submissionId: z.string(),
    carrierId: z.string(),
    kind: z.enum(['manifest', 'pnr']),
    flightKey: z.string(),
    /** Travellers added, changed or re-activated by this submission: screening assesses these. */
    travellerIds: z.array(z.string()).default([]),
  }),
);

export const CarrierReply = defineEvent(
  Topics.carrierReplies,
  'carrier.reply',
  1,
  z.object({
    /** The id the carrier gave its Kafka message (header `message-id`), if any. */
    carrierMessageId: z.string().optional(),
    submissionId: z.string().optional(),
    status: z.enum(['accepted', 'duplicate', 'rejected']),
    errors: z
      .array(z.object({ code: z.string(), message: z.string(), location: z.unknown().optional() }))
      .default([]),
  }),
);

/** Build an envelope for a defined event; the caller supplies id and time (pure). */
export function envelope<T extends z.ZodType>(
  def: EventDefinition<T>,
  args: { id: string; key: string; occurredAt: Date; payload: z.infer<T>; causationId?: string },
): Envelope {
  return {
    id: args.id,
    type: def.type,
    version: def.version,
    key: args.key,
    occurredAt: args.occurredAt.toISOString(),
    causationId: args.causationId,
    payload: def.payload.parse(args.payload),
  };
}

/** Read an envelope's payload as the given event, or say precisely why it is not one. */
export function readEvent<T extends z.ZodType>(
  def: EventDefinition<T>,
  env: Envelope,
): { ok: true; payload: z.infer<T> } | { ok: false; reason: string } {
  if (env.type !== def.type)
    return { ok: false, reason: `expected event ${def.type}, got ${env.type}` };
  if (env.version !== def.version)
    return {
      ok: false,
      reason: `${def.type}: unsupported version ${env.version} (know ${def.version})`,
    };
  const parsed = def.payload.safeParse(env.payload);
  if (!parsed.success)
    return { ok: false, reason: `${def.type} v${def.version}: ${z.prettifyError(parsed.error)}` };
  return { ok: true, payload: parsed.data };
}
