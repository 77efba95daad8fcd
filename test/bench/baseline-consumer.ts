// The bare baseline of the pipeline benchmark, in its own process: consume the carrier
// submissions topic, decode each PAXLST and store one traveller row and one assessment row per
// traveller in a single multi-row statement. No archive, no versions, no outbox, no screening:
// the least any pipeline has to do with the same messages and the same rows.
// PAXGUARD_BENCH_BASELINE_ROWS=stored: a second, informative baseline that bulk-inserts the rows
// the pipeline stores per message and traveller before screening (archived bytes, manifest
// version, traveller, revision, documents) and one assessment per traveller, in one statement
// per message; still no parsing beyond the decode, no outbox, no screening, no findings.
import { createHash } from 'node:crypto';
import { createCarrierRepository, openDatabase, parseDatabaseUrl } from '@paxguard/db';
import { planManifestUpdate, flightDate, flightKey, Topics } from '@paxguard/domain';
import { decodePaxlst } from '@paxguard/edifact';
import { createKafkaBus, createLogger } from '@paxguard/platform';

const db = await openDatabase(parseDatabaseUrl(process.env.DATABASE_URL ?? ''));
const carrier = await createCarrierRepository(db.prisma).ensure({
  designator: 'PG',
  name: 'Bench',
  apiKey: process.env.PAXGUARD_BENCH_API_KEY ?? 'bench-key',
});
const bus = createKafkaBus({
  brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
  clientId: `bench-baseline-${process.pid}`,
  logger: createLogger({ service: 'bench-baseline', level: 'error' }),
  sessionTimeoutMs: 6000,
  heartbeatIntervalMs: 600,
  fetchMaxWaitMs: Number(process.env.KAFKA_FETCH_MAX_WAIT_MS ?? 5000),
});

const INSERT = `
WITH f AS (
  INSERT INTO "Flight" (id, key, "carrierId", "carrierCode", number, "flightDate", origin, destination, "updatedAt")
  VALUES (gen_random_uuid(), $1, $2::uuid, $3, $4, $5, $6, $7, now())
  ON CONFLICT (key) DO UPDATE SET "updatedAt" = now()
  RETURNING id
), t AS (
  INSERT INTO "Traveller" (id, "flightId", key, role, surname, "givenNames", "birthDate", nationality, data, "contentHash", "updatedAt")
  SELECT gen_random_uuid(), f.id, r.key, r.role, r.surname, r.given, r.birth, r.nat, r.data, r.hash, now()
  FROM f, jsonb_to_recordset($8::jsonb) AS r(key text, role text, surname text, given text, birth text, nat text, data jsonb, hash text)
  ON CONFLICT ("flightId", key) DO NOTHING
  RETURNING id, "contentHash"
)
INSERT INTO "Assessment" (id, "travellerId", "inputHash", outcome, "rulesVersion")
SELECT gen_random_uuid(), t.id, t."contentHash", 'cleared', '{}'::jsonb FROM t`;

const STORED = `
WITH s AS (
  INSERT INTO "Submission" (id, "carrierId", channel, "receivedAt", raw, sha256, "sizeBytes", status)
  VALUES (gen_random_uuid(), $2::uuid, 'kafka', now(), $9::bytea, $10, $11::int, 'accepted')
  RETURNING id
), f AS (
  INSERT INTO "Flight" (id, key, "carrierId", "carrierCode", number, "flightDate", origin, destination, "updatedAt")
  VALUES (gen_random_uuid(), $1, $2::uuid, $3, $4, $5, $6, $7, now())
  ON CONFLICT (key) DO UPDATE SET "updatedAt" = now()
  RETURNING id
), v AS (
  INSERT INTO "ManifestVersion" (id, "flightId", "submissionId", version, "listType", "functionCode", "travellerCount", manifest)
  SELECT gen_random_uuid(), f.id, s.id, 1, 'passenger', 'original', jsonb_array_length($12::jsonb -> 'travellers'), $12::jsonb
  FROM f, s
  RETURNING id
), t AS (
  INSERT INTO "Traveller" (id, "flightId", key, role, surname, "givenNames", "birthDate", nationality, data, "contentHash", "updatedAt")
  SELECT gen_random_uuid(), f.id, r.key, r.role, r.surname, r.given, r.birth, r.nat, r.data, r.hash, now()
  FROM f, jsonb_to_recordset($8::jsonb) AS r(key text, role text, surname text, given text, birth text, nat text, data jsonb, hash text)
  ON CONFLICT ("flightId", key) DO NOTHING
  RETURNING id, data, "contentHash"
), rev AS (
  INSERT INTO "TravellerRevision" (id, "travellerId", revision, "manifestVersionId", operation, data, "contentHash")
  SELECT gen_random_uuid(), t.id, 1, v.id, 'add', t.data, t."contentHash" FROM t, v
), doc AS (
  INSERT INTO "TravelDocument" (id, "travellerId", type, number, "issuingState", "expiryDate")
  SELECT gen_random_uuid(), t.id, d->>'type', d->>'number', d->>'issuingState', d->>'expiryDate'
  FROM t CROSS JOIN LATERAL jsonb_array_elements(t.data->'documents') AS d
)
INSERT INTO "Assessment" (id, "travellerId", "inputHash", outcome, "rulesVersion")
SELECT gen_random_uuid(), t.id, t."contentHash", 'cleared', '{}'::jsonb FROM t`;
const stored = process.env.PAXGUARD_BENCH_BASELINE_ROWS === 'stored';

const sub = await bus.subscribe({
  groupId: 'bench-baseline',
  topics: [Topics.carrierSubmissions],
  fromBeginning: true,
  handler: async (msg) => {
    const r = decodePaxlst(msg.value.toString('utf8'), { mode: 'lenient' });
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
    for (const { manifest: m } of r.value) {
      const legs = m.flight.legs;
      const rows = planManifestUpdate(m, []).travellers.flatMap((op) =>
        op.kind === 'add'
          ? [
              {
                key: op.key,
                role: op.traveller.role,
                surname: op.traveller.name.surname,
                given: op.traveller.name.given.join(' '),
                birth: op.traveller.birthDate ?? null,
                nat: op.traveller.nationality ?? null,
                data: op.traveller,
                hash: op.hash,
              },
            ]
          : [],
      );
      const params = [
        flightKey(m.flight),
        carrier.id,
        m.flight.carrier,
        m.flight.number,
        flightDate(m.flight) ?? 'undated',
        legs[0]!.departure.airport,
        legs[legs.length - 1]!.arrival.airport,
        JSON.stringify(rows),
      ];
      if (!stored) await db.sql.query(INSERT, params);
      else
        await db.sql.query(STORED, [
          ...params,
          msg.value,
          createHash('sha256').update(msg.value).digest('hex'),
          msg.value.length,
          JSON.stringify(m),
        ]);
    }
  },
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void sub
    .close()
    .then(() => bus.close())
    .then(() => db.close())
    .finally(() => process.exit(0));
});
