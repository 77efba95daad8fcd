// Versioned event envelopes on the bus: published as JSON with headers naming the id,
// type and schema version; consumed with validation, unreadable ones dead-lettered.
import { Envelope, readEvent, type EventDefinition } from '@paxguard/domain';
import type { z } from 'zod';
import { PermanentError, type Bus, type BusMessage } from './bus.ts';

export function envelopeHeaders(env: Envelope): Record<string, string> {
  return {
    'message-id': env.id,
    'event-type': env.type,
    'schema-version': String(env.version),
    'content-type': 'application/json',
  };
}

export async function publishEnvelopes(bus: Bus, topic: string, envs: Envelope[]): Promise<void> {
  await bus.publish(
    topic,
    envs.map((e) => ({ key: e.key, value: JSON.stringify(e), headers: envelopeHeaders(e) })),
  );
}

/** Parse a bus message as the given event; anything else is a PermanentError (dead letter). */
export function decodeEvent<T extends z.ZodType>(
  def: EventDefinition<T>,
  msg: BusMessage,
): { envelope: Envelope; payload: z.infer<T> } {
  let json: unknown;
  try {
    json = JSON.parse(msg.value.toString('utf8'));
  } catch {
    throw new PermanentError(`not JSON: cannot read an event envelope`, 'NOT_JSON');
  }
  const env = Envelope.safeParse(json);
  if (!env.success)
    throw new PermanentError(
      `not an event envelope: ${env.error.issues[0]?.message}`,
      'BAD_ENVELOPE',
    );
  const read = readEvent(def, env.data);
  if (!read.ok) throw new PermanentError(read.reason, 'BAD_EVENT');
  return { envelope: env.data, payload: read.payload };
}
