// Flights, their legs, manifest versions and travellers. A manifest is applied in one
// transaction together with its outbox event, so screening hears of exactly what was stored.
import { randomUUID } from 'node:crypto';
import {
  flightDate,
  flightKey,
  planManifestUpdate,
  type Envelope,
  type Manifest,
  type ManifestPlan,
  type Traveller,
  type TravellerStatus,
} from '@paxguard/domain';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { sqlOf, type AnyTx, type SqlTx } from './sql-tx.ts';

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

/**
 * Create the flight or lock it (one statement for a new flight): manifests for one flight are
 * serialised from here on, before its travellers are read, so versions and traveller keys stay
 * consistent under concurrent submissions.
 */
async function lockFlight(
  tx: SqlTx,
  carrierId: string,
  m: Manifest,
): Promise<{ id: string; key: string; created: boolean }> {
  const key = flightKey(m.flight);
  const s = schedule(m);
  const [created] = await tx.query<{ id: string }>(
    `INSERT INTO "Flight" (id, key, "carrierId", "carrierCode", number, "flightDate", origin, destination, "scheduledDeparture", "scheduledArrival", "updatedAt")
     VALUES ($1::uuid, $2, $3::uuid, $4, $5, $6, $7, $8, $9::timestamptz, $10::timestamptz, now())
     ON CONFLICT (key) DO NOTHING RETURNING id::text AS id`,
    [
      randomUUID(),
      key,
      carrierId,
      m.flight.carrier,
      m.flight.number,
      flightDate(m.flight) ?? 'undated',
      s.origin,
      s.destination,
      s.scheduledDeparture,
      s.scheduledArrival,
    ],
  );
  if (created) return { id: created.id, key, created: true };
  const [existing] = await tx.query<{ id: string }>(
    'SELECT id::text AS id FROM "Flight" WHERE key = $1 FOR UPDATE',
    [key],
  );
  if (!existing) throw new Error(`flight ${key} vanished while being locked`);
  return { id: existing.id, key, created: false };
}

function schedule(m: Manifest) {
  const legs = m.flight.legs;
  const first = legs[0]!;
  const last = legs[legs.length - 1]!;
  return {
    origin: first.departure.airport,
    destination: last.arrival.airport,
    scheduledDeparture: first.departure.utc ?? null,
    scheduledArrival: last.arrival.utc ?? null,
  };
}

/** The flight's legs (and, for an existing flight, its schedule) as this manifest describes them. */
async function writeSchedule(tx: SqlTx, flightId: string, m: Manifest, existing: boolean) {
  if (existing) {
    const s = schedule(m);
    await tx.query(
      `UPDATE "Flight" SET origin = $2, destination = $3, "scheduledDeparture" = $4::timestamptz,
         "scheduledArrival" = $5::timestamptz, "updatedAt" = now() WHERE id = $1::uuid`,
      [flightId, s.origin, s.destination, s.scheduledDeparture, s.scheduledArrival],
    );
    await tx.query('DELETE FROM "FlightLeg" WHERE "flightId" = $1::uuid', [flightId]);
  }
  await tx.query(
    `INSERT INTO "FlightLeg" (id, "flightId", seq, "departureAirport", "departureLocal", "departureUtc", "arrivalAirport", "arrivalLocal", "arrivalUtc", overflight)
     SELECT gen_random_uuid(), $1::uuid, r.seq, r.da, r.dl, r.du, r.aa, r.al, r.au, r.o
     FROM jsonb_to_recordset($2::jsonb)
       AS r(seq int, da text, dl text, du timestamptz, aa text, al text, au timestamptz, o boolean)`,
    [
      flightId,
      JSON.stringify(
        m.flight.legs.map((l, seq) => ({
          seq,
          da: l.departure.airport,
          dl: l.departure.local ?? null,
          du: l.departure.utc ?? null,
          aa: l.arrival.airport,
          al: l.arrival.local ?? null,
          au: l.arrival.utc ?? null,
          o: l.overflight,
        })),
      ),
    ],
  );
}

const json = (v: unknown) => JSON.stringify(v);

/**
 * A traveller row as sent to PostgreSQL: its data is not repeated when the manifest version
 * just stored carries it (`i`: its index in the manifest's travellers), so each traveller
 * crosses the wire and is parsed once; the searchable columns are taken from the data there.
 */
interface TravellerRow {
  id: string;
  key: string;
  contentHash: string;
  revision: number;
  i: number | null;
  data?: Traveller;
}

function travellerRow(
  id: string,
  key: string,
  t: Traveller,
  hash: string,
  revision: number,
  index: ReadonlyMap<Traveller, number>,
): TravellerRow {
  const i = index.get(t);
  return i === undefined
    ? { id, key, contentHash: hash, revision, i: null, data: t }
    : { id, key, contentHash: hash, revision, i };
}

// The rows of $n with each one's data, from the row itself or from the stored manifest version
// ($1): the manifest's travellers are expanded once, not looked up per row.
const rowsWithData = (n: number) => `rows AS (
    SELECT r.id, r.key, r."contentHash", r.revision, coalesce(r.data, l.data) AS data
    FROM jsonb_to_recordset($${n}::jsonb)
      AS r(id uuid, key text, "contentHash" text, revision int, i int, data jsonb)
    LEFT JOIN jsonb_array_elements(
      (SELECT manifest -> 'travellers' FROM "ManifestVersion" WHERE id = $1::uuid)
    ) WITH ORDINALITY AS l(data, n) ON l.n = r.i + 1
  )`;
// The columns kept beside the data for queries, as the domain Traveller defines them.
const GIVEN_NAMES = `coalesce((SELECT string_agg(g, ' ' ORDER BY o) FROM jsonb_array_elements_text(x.data->'name'->'given') WITH ORDINALITY AS gn(g, o)), '')`;

/**
 * Apply one manifest to its flight inside the caller's transaction (see the ingest service).
 * Travellers, revisions and documents are written with one multi-row statement each (rows as
 * a JSON parameter), whatever the manifest's size.
 */
export async function applyManifest(
  anyTx: AnyTx,
  input: ApplyManifestInput,
): Promise<ApplyManifestResult> {
  const tx = sqlOf(anyTx);
  const m = input.manifest;
  const flight = await lockFlight(tx, input.carrierId, m);
  const stored = await tx.query<{
    id: string;
    key: string;
    contentHash: string;
    status: string;
    revision: number;
  }>(
    `SELECT id::text AS id, key, "contentHash", status, revision FROM "Traveller" WHERE "flightId" = $1::uuid`,
    [flight.id],
  );
  const plan = planManifestUpdate(
    m,
    stored.map((s) => ({
      key: s.key,
      contentHash: s.contentHash,
      status: s.status as TravellerStatus,
    })),
  );
  if (flight.created || plan.replaceSchedule)
    await writeSchedule(tx, flight.id, m, !flight.created);
  if (plan.flightStatus)
    await tx.query('UPDATE "Flight" SET status = $2, "updatedAt" = now() WHERE id = $1::uuid', [
      flight.id,
      plan.flightStatus,
    ]);

  const manifestVersionId = randomUUID();
  const [mv] = await tx.query<{ version: number }>(
    `INSERT INTO "ManifestVersion" (id, "flightId", "submissionId", version, "listType", "functionCode", "declaredCount", "travellerCount", manifest)
     SELECT $1::uuid, $2::uuid, $3::uuid, coalesce(max(version), 0) + 1, $4, $5, $6, $7, $8::jsonb
     FROM "ManifestVersion" WHERE "flightId" = $2::uuid
     RETURNING version`,
    [
      manifestVersionId,
      flight.id,
      input.submissionId,
      m.listType,
      m.functionCode,
      m.declaredCount ?? null,
      m.travellers.length,
      json(m),
    ],
  );
  const version = mv!.version;

  const byKey = new Map(stored.map((s) => [s.key, { ...s }]));
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
  const added: TravellerRow[] = [];
  const changed: TravellerRow[] = [];
  const index = new Map(m.travellers.map((t, i) => [t, i]));
  // One status per traveller: the plan's last word (a traveller may get several set-status ops).
  const statuses = new Map<string, string>();
  for (const op of plan.travellers) {
    if (op.kind !== 'add') continue;
    const row = travellerRow(randomUUID(), op.key, op.traveller, op.hash, 1, index);
    added.push(row);
    byKey.set(op.key, {
      id: row.id,
      key: op.key,
      contentHash: op.hash,
      status: 'active',
      revision: 1,
    });
    result.changedTravellerIds.push(row.id);
  }
  result.added = added.length;
  for (const op of plan.travellers) {
    if (op.kind === 'unchanged') {
      result.unchanged++;
    } else if (op.kind === 'change') {
      const prev = byKey.get(op.key)!;
      prev.revision += 1;
      changed.push(travellerRow(prev.id, op.key, op.traveller, op.hash, prev.revision, index));
      result.changed++;
      result.changedTravellerIds.push(prev.id);
    } else if (op.kind === 'set-status') {
      const prev = byKey.get(op.key);
      if (!prev) continue;
      statuses.set(prev.id, op.status);
      result.statusChanges++;
      if (op.status === 'active' && !result.changedTravellerIds.includes(prev.id))
        result.changedTravellerIds.push(prev.id);
    }
  }
  // Each statement writes the travellers and, from the rows it wrote, their revisions and
  // documents: each traveller's data crosses the wire once, in one round trip.
  const withHistory = (operation: 'add' | 'change') => `,
    rev AS (
      INSERT INTO "TravellerRevision" (id, "travellerId", revision, "manifestVersionId", operation, data, "contentHash")
      SELECT gen_random_uuid(), w.id, w.revision, $1::uuid, '${operation}', w.data, w."contentHash" FROM w
    )
    INSERT INTO "TravelDocument" (id, "travellerId", type, number, "issuingState", "expiryDate")
    SELECT gen_random_uuid(), w.id, d->>'type', d->>'number', d->>'issuingState', d->>'expiryDate'
    FROM w CROSS JOIN LATERAL jsonb_array_elements(w.data->'documents') AS d`;
  if (added.length > 0)
    await tx.query(
      `WITH ${rowsWithData(3)}, w AS (
         INSERT INTO "Traveller" (id, "flightId", key, role, surname, "givenNames", "birthDate", nationality, data, "contentHash", revision, "updatedAt")
         SELECT x.id, $2::uuid, x.key, x.data->>'role', x.data->'name'->>'surname', ${GIVEN_NAMES},
           x.data->>'birthDate', x.data->>'nationality', x.data, x."contentHash", 1, now()
         FROM rows x
         RETURNING id, revision, data, "contentHash"
       )${withHistory('add')}`,
      [manifestVersionId, flight.id, json(added)],
    );
  if (changed.length > 0)
    // The old documents go in the same statement: the DELETE sees only rows from before it.
    await tx.query(
      `WITH ${rowsWithData(2)}, gone AS (
         DELETE FROM "TravelDocument" WHERE "travellerId" IN (SELECT id FROM rows)
       ), w AS (
         UPDATE "Traveller" t SET role = x.data->>'role', surname = x.data->'name'->>'surname',
           "givenNames" = ${GIVEN_NAMES}, "birthDate" = x.data->>'birthDate',
           nationality = x.data->>'nationality', data = x.data,
           "contentHash" = x."contentHash", revision = x.revision, "updatedAt" = now()
         FROM rows x
         WHERE t.id = x.id
         RETURNING t.id, t.revision, t.data, t."contentHash"
       )${withHistory('change')}`,
      [manifestVersionId, json(changed)],
    );
  if (statuses.size > 0)
    await tx.query(
      `UPDATE "Traveller" t SET status = r.status, "updatedAt" = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, status text) WHERE t.id = r.id`,
      [json([...statuses].map(([id, status]) => ({ id, status })))],
    );
  const event = input.event({
    flightKey: flight.key,
    flightId: flight.id,
    changedTravellerIds: result.changedTravellerIds,
  });
  const { topic, ...envelope } = event;
  await tx.query(
    'INSERT INTO "OutboxMessage" (id, topic, key, envelope) VALUES ($1::uuid, $2, $3, $4::jsonb)',
    [envelope.id, topic, envelope.key, json(envelope)],
  );
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
