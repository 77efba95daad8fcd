// Reads what the pipeline stored about one flight in the shape the sanctions rules take:
// schedule, travellers (boarded or not), accepted passenger lists, answers given, document findings.
import { missingElements, travellerKey, type Manifest } from '@paxguard/domain';
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface StoredFlightFacts {
  flight: {
    id: string;
    key: string;
    carrier: string;
    number: string;
    departureUtc: string;
    arrivalUtc: string;
  };
  travellers: { id: string; role: string; boarded?: boolean }[];
  submissions: {
    id: string;
    kind: 'manifest';
    listType: 'passenger' | 'crew';
    receivedAt: string;
    declaredCount?: number;
    travellerIds: string[];
    /** Required per-person elements missing from the list as it then stood. */
    missingElements: { travellerId: string; element: string }[];
    sha256: string;
  }[];
  answers: { id: string; travellerId: string; answer: string; at: string }[];
  documentVerdicts: {
    id: string;
    travellerId: string;
    at: string;
    verdict: 'invalid';
    producedAtBoarding: boolean;
  }[];
  returnRequests: { id: string; travellerId: string; requestedAt: string; dueBy: string }[];
}

export type FlightFactsResult =
  | { ok: true; facts: StoredFlightFacts }
  | { ok: false; reason: 'UNKNOWN_FLIGHT' | 'NO_SCHEDULE'; message: string };

export function createFlightFactsRepository(prisma: PrismaClient) {
  return {
    /** The flight and its travellers only: what validating an arrival outcome needs. */
    async flightForOutcome(flightKey: string) {
      const f = await prisma.flight.findUnique({
        where: { key: flightKey },
        include: { legs: { orderBy: { seq: 'asc' } } },
      });
      if (!f) return undefined;
      const travellers = await prisma.traveller.findMany({
        where: { flightId: f.id },
        select: { id: true },
      });
      return { flight: f, schedule: schedule(f), travellerIds: travellers.map((t) => t.id) };
    },

    async load(flightKey: string): Promise<FlightFactsResult> {
      const f = await prisma.flight.findUnique({
        where: { key: flightKey },
        include: { legs: { orderBy: { seq: 'asc' } } },
      });
      if (!f) return { ok: false, reason: 'UNKNOWN_FLIGHT', message: `no flight ${flightKey}` };
      const s = schedule(f);
      if (!s)
        return {
          ok: false,
          reason: 'NO_SCHEDULE',
          message: `flight ${flightKey} has no scheduled departure and arrival`,
        };
      const [travellers, versions, directives, findings, returns] = await Promise.all([
        prisma.traveller.findMany({
          where: { flightId: f.id },
          select: { id: true, key: true, role: true, status: true },
          orderBy: { createdAt: 'asc' },
        }),
        prisma.manifestVersion.findMany({
          where: { flightId: f.id },
          orderBy: { version: 'asc' },
          include: { submission: { select: { id: true, receivedAt: true, sha256: true } } },
        }),
        prisma.directive.findMany({ where: { flightId: f.id }, orderBy: { issuedAt: 'asc' } }),
        prisma.finding.findMany({
          where: { source: 'documents', assessment: { traveller: { flightId: f.id } } },
          include: { assessment: { select: { travellerId: true, createdAt: true } } },
        }),
        prisma.returnRequest.findMany({ where: { flightKey }, orderBy: { requestedAt: 'asc' } }),
      ]);
      const revisions = await prisma.travellerRevision.findMany({
        where: { manifestVersionId: { in: versions.map((v) => v.id) } },
        select: { travellerId: true, manifestVersionId: true, operation: true },
      });
      // A list names everyone it added or changed, on top of what earlier lists of its type named.
      const listed = new Map<string, Set<string>>();
      const idByKey = new Map(travellers.map((t) => [t.key, t.id]));
      // What each traveller's latest listing left out of the required elements.
      const gaps = new Map<string, string[]>();
      const submissions: StoredFlightFacts['submissions'] = [];
      for (const v of versions) {
        const listType = v.listType === 'crew' ? 'crew' : 'passenger';
        const current = new Set(listed.get(listType) ?? []);
        for (const r of revisions)
          if (r.manifestVersionId === v.id) {
            if (r.operation === 'cancel') current.delete(r.travellerId);
            else current.add(r.travellerId);
          }
        listed.set(listType, current);
        for (const t of (v.manifest as unknown as Manifest).travellers ?? []) {
          const id = idByKey.get(travellerKey(t));
          if (id) gaps.set(id, missingElements(t));
        }
        submissions.push({
          id: v.submission.id,
          kind: 'manifest',
          listType,
          receivedAt: v.submission.receivedAt.toISOString(),
          declaredCount: v.declaredCount ?? undefined,
          travellerIds: [...current].sort(),
          missingElements: [...current]
            .sort()
            .flatMap((travellerId) =>
              (gaps.get(travellerId) ?? []).map((element) => ({ travellerId, element })),
            ),
          sha256: v.submission.sha256,
        });
      }
      return {
        ok: true,
        facts: {
          flight: {
            id: f.id,
            key: f.key,
            carrier: f.carrierCode,
            number: f.number,
            departureUtc: s.departureUtc,
            arrivalUtc: s.arrivalUtc,
          },
          travellers: travellers.map((t) => ({
            id: t.id,
            role: t.role,
            boarded: t.status === 'boarded' ? true : t.status === 'not-boarded' ? false : undefined,
          })),
          submissions,
          answers: directives.map((d) => ({
            id: d.id,
            travellerId: d.travellerId,
            answer: d.answer,
            at: d.issuedAt.toISOString(),
          })),
          documentVerdicts: findings.map((x) => ({
            id: x.id,
            travellerId: x.assessment.travellerId,
            at: x.assessment.createdAt.toISOString(),
            verdict: 'invalid' as const,
            // Screening checks documents before boarding; whether the carrier saw the document
            // is an officer's finding the pipeline does not record yet.
            producedAtBoarding: false,
          })),
          returnRequests: returns.map((r) => ({
            id: r.id,
            travellerId: r.travellerId,
            requestedAt: r.requestedAt.toISOString(),
            dueBy: r.dueBy.toISOString(),
          })),
        },
      };
    },

    /** Keys of a carrier's flights departing in [from, to): what a scorecard covers. */
    async flightKeysForCarrier(carrierCode: string, from: Date, to: Date): Promise<string[]> {
      const rows = await prisma.flight.findMany({
        where: { carrierCode, scheduledDeparture: { gte: from, lt: to } },
        select: { key: true },
        orderBy: { scheduledDeparture: 'asc' },
        take: 5000,
      });
      return rows.map((r) => r.key);
    },

    /** What each evidence id is, with the archived message's hash: the notice's bundle. */
    async describeEvidence(ids: readonly string[]) {
      const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      const [subs, dirs, finds, returns] = await Promise.all([
        prisma.submission.findMany({
          where: { id: { in: uuids } },
          select: { id: true, sha256: true, receivedAt: true, format: true },
        }),
        prisma.directive.findMany({
          where: { id: { in: uuids } },
          select: { id: true, answer: true, issuedAt: true, basis: true },
        }),
        prisma.finding.findMany({
          where: { id: { in: uuids } },
          select: { id: true, code: true, message: true },
        }),
        prisma.returnRequest.findMany({
          where: { id: { in: uuids } },
          select: { id: true, requestedAt: true, dueBy: true, requestedBy: true },
        }),
      ]);
      return { submissions: subs, directives: dirs, findings: finds, returnRequests: returns };
    },
  };
}
export type FlightFactsRepository = ReturnType<typeof createFlightFactsRepository>;

function schedule(f: {
  scheduledDeparture: Date | null;
  scheduledArrival: Date | null;
  legs: { departureUtc: Date | null; arrivalUtc: Date | null }[];
}): { departureUtc: string; arrivalUtc: string } | undefined {
  const dep = f.scheduledDeparture ?? f.legs[0]?.departureUtc ?? null;
  const arr = f.scheduledArrival ?? f.legs[f.legs.length - 1]?.arrivalUtc ?? null;
  return dep && arr
    ? { departureUtc: dep.toISOString(), arrivalUtc: arr.toISOString() }
    : undefined;
}
