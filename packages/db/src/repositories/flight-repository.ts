// Flights, their legs, manifest versions and travellers. A manifest is applied in one
// transaction together with its outbox event, so screening hears of exactly what was stored.
import {
  flightDate,
  flightKey,
  planManifestUpdate,
  type Envelope,
  type Manifest,
  type ManifestPlan,
  type Traveller,
  type TravellerOp,
  type TravellerStatus,
} from '@paxguard/domain';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

export interface ApplyManifestInput {
  carrierId: string;
  submissionId: string;
  manifest: Manifest;
  /** Builds the outbox event once the changed travellers are known (ids and time from the caller). */
  event: (args: {
    flightKey: string;
    flightId: string;
    changedTravellerIds: string[];
  }) => Envelope & { topic: string };
}

export interface ApplyManifestResult {
  flightId: string;
  flightKey: string;
  version: number;
  added: number;
  changed: number;
  unchanged: number;
  statusChanges: number;
  changedTravellerIds: string[];
  warnings: ManifestPlan['warnings'];
}

function toDate(s: string | undefined): Date | undefined {
  return s ? new Date(s) : undefined;
}

function travellerColumns(t: Traveller) {
  return {
    role: t.role,
    surname: t.name.surname,
    givenNames: t.name.given.join(' '),
    birthDate: t.birthDate ?? null,
    nationality: t.nationality ?? null,
  };
}

function documentRows(travellerId: string, t: Traveller) {
  return t.documents.map((d) => ({
    travellerId,
    type: d.type,
    number: d.number,
    issuingState: d.issuingState ?? null,
    expiryDate: d.expiryDate ?? null,
  }));
}

async function upsertFlight(tx: Tx, carrierId: string, m: Manifest, replaceSchedule: boolean) {
  const key = flightKey(m.flight);
  const legs = m.flight.legs;
  const first = legs[0]!;
  const last = legs[legs.length - 1]!;
  const schedule = {
    origin: first.departure.airport,
    destination: last.arrival.airport,
    scheduledDeparture: toDate(first.departure.utc) ?? null,
    scheduledArrival: toDate(last.arrival.utc) ?? null,
  };
  const existing = await tx.flight.findUnique({ where: { key }, select: { id: true } });
  const flight =
    existing ??
    (await tx.flight.create({
      data: {
        key,
        carrierId,
        carrierCode: m.flight.carrier,
        number: m.flight.number,
        flightDate: flightDate(m.flight) ?? 'undated',
        ...schedule,
      },
      select: { id: true },
    }));
  // Serialise manifests for one flight: versions and traveller keys stay consistent.
  await tx.$queryRawUnsafe('SELECT id FROM "Flight" WHERE id = $1::uuid FOR UPDATE', flight.id);
  if (!existing || replaceSchedule) {
    if (existing) await tx.flight.update({ where: { id: flight.id }, data: schedule });
    await tx.flightLeg.deleteMany({ where: { flightId: flight.id } });
    await tx.flightLeg.createMany({
      data: legs.map((l, seq) => ({
        flightId: flight.id,
        seq,
        departureAirport: l.departure.airport,
        departureLocal: l.departure.local ?? null,
        departureUtc: toDate(l.departure.utc) ?? null,
        arrivalAirport: l.arrival.airport,
        arrivalLocal: l.arrival.local ?? null,
        arrivalUtc: toDate(l.arrival.utc) ?? null,
        overflight: l.overflight,
      })),
    });
  }
  return { id: flight.id, key };
}

/** Apply one manifest to its flight inside the caller's transaction (see the ingest service). */
export async function applyManifest(
  tx: Tx,
  input: ApplyManifestInput,
): Promise<ApplyManifestResult> {
  const m = input.manifest;
  const stored = await tx.traveller.findMany({
    where: { flight: { key: flightKey(m.flight) } },
    select: { id: true, key: true, contentHash: true, status: true, revision: true },
  });
  const plan = planManifestUpdate(
    m,
    stored.map((s) => ({
      key: s.key,
      contentHash: s.contentHash,
      status: s.status as TravellerStatus,
    })),
  );
  const flight = await upsertFlight(tx, input.carrierId, m, plan.replaceSchedule);
  if (plan.flightStatus)
    await tx.flight.update({ where: { id: flight.id }, data: { status: plan.flightStatus } });

  const last = await tx.manifestVersion.findFirst({
    where: { flightId: flight.id },
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  const version = (last?.version ?? 0) + 1;
  const mv = await tx.manifestVersion.create({
    data: {
      flightId: flight.id,
      submissionId: input.submissionId,
      version,
      listType: m.listType,
      functionCode: m.functionCode,
      declaredCount: m.declaredCount ?? null,
      travellerCount: m.travellers.length,
      manifest: m as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });

  const byKey = new Map(stored.map((s) => [s.key, s]));
  const result: ApplyManifestResult = {
    flightId: flight.id,
    flightKey: flight.key,
    version,
    added: 0,
    changed: 0,
    unchanged: 0,
    statusChanges: 0,
    changedTravellerIds: [],
    warnings: plan.warnings,
  };
  const adds = plan.travellers.filter(
    (op): op is Extract<TravellerOp, { kind: 'add' | 'change' }> => op.kind === 'add',
  );
  if (adds.length > 0) {
    const created = await tx.traveller.createManyAndReturn({
      data: adds.map((op) => ({
        flightId: flight.id,
        key: op.key,
        ...travellerColumns(op.traveller),
        data: op.traveller as unknown as Prisma.InputJsonValue,
        contentHash: op.hash,
      })),
      select: { id: true, key: true },
    });
    const idOf = new Map(created.map((c) => [c.key, c.id]));
    await tx.travellerRevision.createMany({
      data: adds.map((op) => ({
        travellerId: idOf.get(op.key)!,
        revision: 1,
        manifestVersionId: mv.id,
        operation: 'add',
        data: op.traveller as unknown as Prisma.InputJsonValue,
        contentHash: op.hash,
      })),
    });
    await tx.travelDocument.createMany({
      data: adds.flatMap((op) => documentRows(idOf.get(op.key)!, op.traveller)),
    });
    for (const c of created) {
      byKey.set(c.key, { id: c.id, key: c.key, contentHash: '', status: 'active', revision: 1 });
      result.changedTravellerIds.push(c.id);
    }
    result.added = created.length;
  }
  for (const op of plan.travellers) {
    if (op.kind === 'unchanged') {
      result.unchanged++;
    } else if (op.kind === 'change') {
      const prev = byKey.get(op.key)!;
      const revision = prev.revision + 1;
      await tx.traveller.update({
        where: { id: prev.id },
        data: {
          ...travellerColumns(op.traveller),
          data: op.traveller as unknown as Prisma.InputJsonValue,
          contentHash: op.hash,
          revision,
        },
      });
      await tx.travellerRevision.create({
        data: {
          travellerId: prev.id,
          revision,
          manifestVersionId: mv.id,
          operation: 'change',
          data: op.traveller as unknown as Prisma.InputJsonValue,
          contentHash: op.hash,
        },
      });
      await tx.travelDocument.deleteMany({ where: { travellerId: prev.id } });
      await tx.travelDocument.createMany({ data: documentRows(prev.id, op.traveller) });
      prev.revision = revision;
      result.changed++;
      result.changedTravellerIds.push(prev.id);
    } else if (op.kind === 'set-status') {
      const prev = byKey.get(op.key);
      if (!prev) continue;
      await tx.traveller.update({ where: { id: prev.id }, data: { status: op.status } });
      result.statusChanges++;
      if (op.status === 'active' && !result.changedTravellerIds.includes(prev.id))
        result.changedTravellerIds.push(prev.id);
    }
  }
  const event = input.event({
    flightKey: flight.key,
    flightId: flight.id,
    changedTravellerIds: result.changedTravellerIds,
  });
  const { topic, ...envelope } = event;
  await tx.outboxMessage.create({
    data: {
      id: envelope.id,
      topic,
      key: envelope.key,
      envelope: envelope as unknown as Prisma.InputJsonValue,
    },
  });
  return result;
}

export function createFlightRepository(prisma: PrismaClient) {
  return {
    async list(opts: { carrierId?: string; limit?: number } = {}) {
      return prisma.flight.findMany({
        where: { carrierId: opts.carrierId },
        orderBy: [{ flightDate: 'desc' }, { key: 'asc' }],
        take: Math.min(opts.limit ?? 100, 1000),
        select: {
          id: true,
          key: true,
          carrierCode: true,
          number: true,
          flightDate: true,
          origin: true,
          destination: true,
          scheduledDeparture: true,
          scheduledArrival: true,
          status: true,
          _count: { select: { travellers: true } },
        },
      });
    },

    async getByKey(key: string) {
      return prisma.flight.findUnique({
        where: { key },
        include: {
          legs: { orderBy: { seq: 'asc' } },
          manifests: {
            orderBy: { version: 'asc' },
            select: {
              version: true,
              functionCode: true,
              listType: true,
              travellerCount: true,
              declaredCount: true,
              submissionId: true,
              createdAt: true,
            },
          },
        },
      });
    },

    async travellers(flightId: string) {
      return prisma.traveller.findMany({
        where: { flightId },
        orderBy: [{ surname: 'asc' }, { givenNames: 'asc' }],
        select: {
          id: true,
          key: true,
          role: true,
          status: true,
          revision: true,
          data: true,
          updatedAt: true,
        },
      });
    },
  };
}
export type FlightRepository = ReturnType<typeof createFlightRepository>;
