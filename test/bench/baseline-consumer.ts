// The bare baseline of the pipeline benchmark, in its own process: consume the carrier
// submissions topic, decode each PAXLST and store one traveller row and one assessment row per
// traveller in a single multi-row statement. No archive, no versions, no outbox, no screening:
// the least any pipeline has to do with the same messages and the same rows.
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
      await db.sql.query(INSERT, [
        flightKey(m.flight),
        carrier.id,
        m.flight.carrier,
        m.flight.number,
        flightDate(m.flight) ?? 'undated',
        legs[0]!.departure.airport,
        legs[legs.length - 1]!.arrival.airport,
        JSON.stringify(rows),
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
