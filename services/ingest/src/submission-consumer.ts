// Carriers may publish to Kafka instead of calling HTTPS: one message per interchange on the
// carrier submissions topic, authenticated by the same API key (header `api-key`; in
// production also by the broker's per-carrier SASL principal and ACLs). The acknowledgement
// or precise rejection goes to the replies topic, keyed by the carrier's designator.
import {
  CarrierReply,
  Topics,
  envelope,
  type Clock,
  type EventPayload,
  type IdGenerator,
} from '@paxguard/domain';
import type { CarrierRepository } from '@paxguard/db';
import {
  PermanentError,
  publishEnvelopes,
  type Bus,
  type BusMessage,
  type Logger,
} from '@paxguard/platform';
import type { IngestService } from './ingest-service.ts';

export function createSubmissionConsumer(deps: {
  bus: Bus;
  ingest: IngestService;
  carriers: CarrierRepository;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  groupId?: string;
}) {
  async function reply(
    key: string,
    payload: EventPayload<typeof CarrierReply>,
    causationId?: string,
  ) {
    await publishEnvelopes(deps.bus, CarrierReply.topic, [
      envelope(CarrierReply, {
        id: deps.ids(),
        key,
        occurredAt: deps.clock.now(),
        payload,
        causationId,
      }),
    ]);
  }

  async function handle(msg: BusMessage): Promise<void> {
    const carrierMessageId = msg.headers['message-id'];
    const apiKey = msg.headers['api-key'];
    const carrier = apiKey ? await deps.carriers.findByApiKey(apiKey) : null;
    if (!carrier) {
      deps.logger.warn(
        { topic: msg.topic, partition: msg.partition, offset: msg.offset },
        'unauthenticated Kafka submission',
      );
      // Nothing can be archived for an unknown sender; keep the message for inspection instead.
      throw new PermanentError(
        'unauthenticated: header api-key is missing or not a valid carrier key',
        'UNAUTHENTICATED',
      );
    }
    const result = await deps.ingest.submit({
      carrier,
      channel: 'kafka',
      contentType: msg.headers['content-type'],
      raw: msg.value,
      carrierMessageId,
    });
    await reply(
      carrier.designator,
      {
        carrierMessageId,
        submissionId: result.submissionId,
        status:
          result.status === 'duplicate'
            ? 'duplicate'
            : result.status === 'rejected'
              ? 'rejected'
              : 'accepted',
        errors: result.errors.map((e) => ({ code: e.code, message: e.message, location: e })),
      },
      result.submissionId,
    );
  }

  return {
    start: () =>
      deps.bus.subscribe({
        groupId: deps.groupId ?? 'paxguard-ingest',
        topics: [Topics.carrierSubmissions],
        handler: handle,
      }),
  };
}
