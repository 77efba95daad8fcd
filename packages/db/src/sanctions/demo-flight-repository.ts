// Demo flights for the sanctions demo: a flight of a known carrier with its passenger list
// (archived message, manifest version, travellers) and the answers given, as the pipeline
// would have stored them. Idempotent per flight key.
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface DemoFlightSpec {
  carrier: string;
  number: string;
  /** YYYY-MM-DD of departure. */
  date: string;
  origin: string;
  destination: string;
  departureUtc: Date;
  arrivalUtc: Date;
  /** When the passenger list was received. */
  listReceivedAt: Date;
  travellers: {
    key: string;
    surname: string;
    givenNames: string;
    answer?: 'board' | 'no-board' | 'insufficient-data';
    answeredAt?: Date;
  }[];
}

export function createDemoFlightRepository(prisma: PrismaClient) {
  return {
    /** Returns the flight key and the traveller ids by key; an existing flight is returned as is. */
    async ensure(
      spec: DemoFlightSpec,
    ): Promise<{ flightKey: string; flightId: string; travellerIds: Record<string, string> }> {
      const key = `${spec.carrier}${spec.number}/${spec.date}`;
      const carrier = await prisma.carrier.findUnique({ where: { designator: spec.carrier } });
      if (!carrier) throw new Error(`demo carrier ${spec.carrier} does not exist`);
      return prisma.$transaction(async (tx) => {
        const existing = await tx.flight.findUnique({ where: { key } });
        if (existing) {
          const ts = await tx.traveller.findMany({ where: { flightId: existing.id } });
          return {
            flightKey: key,
            flightId: existing.id,
            travellerIds: Object.fromEntries(ts.map((t) => [t.key, t.id])),
          };
        }
        const raw = Buffer.from(JSON.stringify({ demo: 'sanctions', flight: key, spec }));
        const submission = await tx.submission.create({
          data: {
            carrierId: carrier.id,
            channel: 'http',
            receivedAt: spec.listReceivedAt,
            contentType: 'application/json',
            raw: new Uint8Array(raw),
            sha256: createHash('sha256').update(raw).digest('hex'),
            sizeBytes: raw.length,
            status: 'accepted',
            format: 'JSON-MANIFEST',
            flightKey: key,
            processedAt: spec.listReceivedAt,
          },
        });
        const flight = await tx.flight.create({
          data: {
            key,
            carrierId: carrier.id,
            carrierCode: spec.carrier,
            number: spec.number,
            flightDate: spec.date,
            origin: spec.origin,
            destination: spec.destination,
            scheduledDeparture: spec.departureUtc,
            scheduledArrival: spec.arrivalUtc,
            status: 'closed',
            legs: {
              create: [
                {
                  seq: 1,
                  departureAirport: spec.origin,
                  departureUtc: spec.departureUtc,
                  arrivalAirport: spec.destination,
                  arrivalUtc: spec.arrivalUtc,
                },
              ],
            },
          },
        });
        const version = await tx.manifestVersion.create({
          data: {
            flightId: flight.id,
            submissionId: submission.id,
            version: 1,
            listType: 'passenger',
            functionCode: 'original',
            declaredCount: spec.travellers.length,
            travellerCount: spec.travellers.length,
            manifest: { demo: true } as Prisma.InputJsonValue,
          },
        });
        const travellerIds: Record<string, string> = {};
        for (const t of spec.travellers) {
          const data = { key: t.key, surname: t.surname, given: t.givenNames };
          const contentHash = createHash('sha256').update(JSON.stringify(data)).digest('hex');
          const row = await tx.traveller.create({
            data: {
              flightId: flight.id,
              key: t.key,
              role: 'passenger',
              surname: t.surname,
              givenNames: t.givenNames,
              status: 'boarded',
              data: data as Prisma.InputJsonValue,
              contentHash,
            },
          });
          travellerIds[t.key] = row.id;
          await tx.travellerRevision.create({
            data: {
              travellerId: row.id,
              revision: 1,
              manifestVersionId: version.id,
              operation: 'add',
              data: data as Prisma.InputJsonValue,
              contentHash,
            },
          });
          if (t.answer)
            await tx.directive.create({
              data: {
                carrierId: carrier.id,
                flightId: flight.id,
                travellerId: row.id,
                answer: t.answer,
                basis: 'screening',
                reasons: [] as Prisma.InputJsonValue,
                issuedAt: t.answeredAt ?? spec.listReceivedAt,
              },
            });
        }
        return { flightKey: key, flightId: flight.id, travellerIds };
      });
    },
  };
}
export type DemoFlightRepository = ReturnType<typeof createDemoFlightRepository>;
