// Operators inspect messages no consumer could process and, once the cause is fixed, replay
// them to the topic they came from (once each). Every replay is audited.
import { currentUser, userAuth } from '@paxguard/auth';
import { ConflictError, NotFoundError, type Clock } from '@paxguard/domain';
import type { AuditRepository, DeadLetterRepository, UserRepository } from '@paxguard/db';
import type { App, Bus } from '@paxguard/platform';
import { z } from 'zod';

export function registerDeadLetterRoutes(
  app: App,
  deps: {
    deadLetters: DeadLetterRepository;
    bus: Bus;
    users: UserRepository;
    audit: AuditRepository;
    clock: Clock;
  },
): void {
  const operators = userAuth(deps.users, ['admin', 'supervisor']);

  app.get(
    '/v1/dead-letters',
    {
      preHandler: operators,
      schema: {
        querystring: z.object({
          replayed: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
    },
    async (req) => ({
      deadLetters: await deps.deadLetters.list({
        limit: req.query.limit,
        replayed: req.query.replayed === undefined ? undefined : req.query.replayed === 'true',
      }),
    }),
  );

  app.post(
    '/v1/dead-letters/:id/replay',
    { preHandler: operators, schema: { params: z.object({ id: z.uuid() }) } },
    async (req) => {
      const user = currentUser(req);
      const d = await deps.deadLetters.get(req.params.id);
      if (!d) throw new NotFoundError('DEAD_LETTER_NOT_FOUND', 'no such dead letter');
      if (!(await deps.deadLetters.markReplayed(d.id, deps.clock.now())))
        throw new ConflictError('ALREADY_REPLAYED', 'this message was already replayed');
      const headers = Object.fromEntries(
        Object.entries((d.headers ?? {}) as Record<string, string>).filter(
          ([k]) => !k.startsWith('dlq-'),
        ),
      );
      await deps.bus.publish(d.topic, [
        {
          key: d.key ?? '',
          value: Buffer.from(d.payload),
          headers: { ...headers, 'replayed-from': d.id },
        },
      ]);
      await deps.audit.record({
        actor: user.id,
        actorRole: user.role,
        action: 'replay-dead-letter',
        subjectType: 'dead-letter',
        subjectId: d.id,
        details: { topic: d.topic, reason: d.reason },
      });
      return { replayed: d.id, topic: d.topic };
    },
  );
}
