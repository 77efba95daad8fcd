// Every reference-data change bumps its area's version, writes a `reference.changed` outbox
// row and an audit row in the caller's transaction: screening hears of exactly what was stored.
import { randomUUID } from 'node:crypto';
import { defineEvent, envelope, Topics } from '@paxguard/domain';
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.ts';
import { recordAudit } from '../repositories/audit-repository.ts';

export type Tx = Prisma.TransactionClient;

/** Who changes or reads reference data: a console user id and role. */
export interface Actor {
  readonly id: string;
  readonly role: string;
}

export const REFERENCE_AREAS = [
  'watchlist',
  'cleared',
  'profiles',
  'entry-rules',
  'authorisations',
  'lost-stolen',
  'smuggling-routes',
] as const;
export type ReferenceArea = (typeof REFERENCE_AREAS)[number];

/** `reference.changed` v1: which area (and which list within it) changed, and its new version. */
export const ReferenceChanged = defineEvent(
  Topics.referenceChanged,
  'reference.changed',
  1,
  z.object({
    area: z.enum(REFERENCE_AREAS),
    /** The watchlist or lost/stolen list id, for areas holding several lists. */
    listId: z.string().optional(),
    /** The area's new version (a counter, or the list's own version string). */
    version: z.string(),
  }),
);

export interface ChangeInput {
  area: ReferenceArea;
  listId?: string;
  /** Set the area version to this; otherwise it is incremented. */
  version?: number;
  /** Shown in the event instead of the counter (e.g. a lost/stolen list's own version). */
  label?: string;
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

export function areaKey(area: ReferenceArea, listId?: string): string {
  return listId ? `${area}:${listId}` : area;
}

/** Bumps the area version and records the event and the audit row; returns the new version. */
export async function recordChange(tx: Tx, c: ChangeInput): Promise<number> {
  const key = areaKey(c.area, c.listId);
  const row =
    c.version === undefined
      ? await tx.referenceAreaVersion.upsert({
          where: { area: key },
          create: { area: key, version: 1 },
          update: { version: { increment: 1 } },
        })
      : await tx.referenceAreaVersion.upsert({
          where: { area: key },
          create: { area: key, version: c.version },
          update: { version: c.version },
        });
  const env = envelope(ReferenceChanged, {
    id: randomUUID(),
    key,
    occurredAt: new Date(),
    payload: {
      area: c.area,
      ...(c.listId ? { listId: c.listId } : {}),
      version: c.label ?? String(row.version),
    },
  });
  await tx.outboxMessage.create({
    data: {
      id: env.id,
      topic: ReferenceChanged.topic,
      key: env.key,
      envelope: env as unknown as Prisma.InputJsonValue,
    },
  });
  await recordAudit(tx, {
    actor: c.actor.id,
    actorRole: c.actor.role,
    action: c.action,
    subjectType: c.subjectType,
    subjectId: c.subjectId,
    details: { ...c.details, area: key, version: c.label ?? row.version },
  });
  return row.version;
}

export function toJson(v: unknown): Prisma.InputJsonValue {
  return v as Prisma.InputJsonValue;
}
