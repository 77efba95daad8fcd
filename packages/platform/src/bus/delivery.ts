// The delivery policy both buses share: a handler's transient failure is retried with
// exponential backoff (the message is not skipped, so nothing is lost while a database is
// down); a PermanentError, or a message that is not even readable, goes to the dead letter.
import type { Logger } from 'pino';
import { PermanentError, type BusMessage, type DeadLetterSink } from './bus.ts';

export async function deliver(
  msg: BusMessage,
  handler: (m: BusMessage) => Promise<void>,
  ctx: {
    consumer: string;
    logger: Logger;
    deadLetter: DeadLetterSink;
    stopped: () => boolean;
    initialMs?: number;
    maxMs?: number;
  },
): Promise<void> {
  let delay = ctx.initialMs ?? 100;
  const max = ctx.maxMs ?? 10_000;
  for (let attempt = 1; ; attempt++) {
    try {
      await handler(msg);
      return;
    } catch (err) {
      const log = ctx.logger.child({
        topic: msg.topic,
        partition: msg.partition,
        offset: msg.offset,
        attempt,
      });
      if (err instanceof PermanentError) {
        log.warn({ reason: err.message }, 'dead-lettering message');
        await ctx.deadLetter(msg, err.message, ctx.consumer);
        return;
      }
      if (ctx.stopped()) throw err;
      log.warn({ err }, 'transient failure, retrying');
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, max);
    }
  }
}
