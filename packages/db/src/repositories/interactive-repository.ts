// The iAPI hot path: a check-in request for one or a few travellers is archived in one round
// trip, then stored in a second — flight, manifest version, travellers with their revisions
// and documents, the outbox event, the submission's outcome, and each traveller's assessment
// and directive — as one transaction. The rows are exactly those applyManifest and the
// assessment repository write for an original or change message (see interactive-repository.test.ts);
// other function codes go through applyManifest.
import { randomUUID } from 'node:crypto';
import {
  flightDate,
  flightKey,
  travellerKey,
  type Envelope,
  type Finding,
  type Manifest,
  type Traveller,
} from '@paxguard/domain';
import type { Database } from '../database.ts';
import { groupCommit, type GroupCommitOptions } from './group-commit.ts';
import { archiveSubmissions, type ArchiveInput } from './submission-repository.ts';

export interface InteractiveDirective {
  answer: string;
  basis: 'iapi' | 'iapi-timeout-default';
  reasons: unknown;
  issuedAt: Date;
}

export interface InteractiveStoreInput {
  carrierId: string;
  submissionId: string;
  /** Submission.format once accepted, e.g. IAPI-PAXLST. */
  format: string;
  processedAt: Date;
  manifest: Manifest;
  /** One entry per traveller of the manifest, in its order. */
  travellers: {
    traveller: Traveller;
    /** travellerHash(traveller), which screening was given. */
    contentHash: string;
    /** A screening result: stored unless this input was assessed before; then no new directive. */
    assessment?: {
      inputHash: string;
      outcome: string;
      findings: Finding[];
      versions: Readonly<Record<string, string>>;
      directive: InteractiveDirective;
    };
    /** A directive stored whatever was assessed before (the safe default when screening was late). */
    directive?: InteractiveDirective;
  }[];
  /** The outbox event, as applyManifest's caller builds it. */
  event: Envelope & { topic: string };
}

/**
 * Whether a manifest can take the interactive path: an original or change message whose
 * travellers are all distinct, i.e. every traveller is an add, a change or unchanged (and a
 * cancelled one is reactivated), exactly as planManifestUpdate plans it.
 */
export function storableInteractively(m: Manifest): boolean {
  if (m.functionCode !== 'original' && m.functionCode !== 'change') return false;
  return new Set(m.travellers.map((t) => travellerKey(t))).size === m.travellers.length;
}

export interface InteractiveStoreResult {
  flightId: string;
  version: number;
  /** Per input traveller, in input order: its id and what storing did. */
  travellers: { key: string; id: string; op: 'add' | 'change' | 'unchanged' }[];
}

// Lock order: a batch's flights in key order, then its travellers in id order (the screening
// worker locks a traveller alone), so a batch never deadlocks with another batch, a manifest or
// a worker. New flights are created first, in key order too. Each statement of the script takes
// a fresh snapshot (READ COMMITTED), so what follows a lock sees everything committed before it.
// These three statements run once per batch; the store statement once per request.
const CREATE_FLIGHTS = `INSERT INTO "Flight" (id, key, "carrierId", "carrierCode", number, "flightDate", origin, destination, "scheduledDeparture", "scheduledArrival", "updatedAt")
SELECT (f->>'id')::uuid, f->>'key', (f->>'carrierId')::uuid, f->>'carrierCode', f->>'number', f->>'flightDate', f->>'origin', f->>'destination', (f->>'scheduledDeparture')::timestamptz, (f->>'scheduledArrival')::timestamptz, now()
FROM jsonb_array_elements($1->'flights') f ORDER BY f->>'key'
ON CONFLICT (key) DO NOTHING`;

const LOCK_FLIGHTS = `SELECT f.id FROM "Flight" f
WHERE f.key = ANY (ARRAY(SELECT x->>'key' FROM jsonb_array_elements($1->'flights') x))
ORDER BY f.key FOR UPDATE`;

const LOCK_TRAVELLERS = `SELECT t.id FROM jsonb_array_elements($1->'travellers') x
JOIN "Flight" f ON f.key = x->>'flight'
JOIN "Traveller" t ON t."flightId" = f.id AND t.key = x->>'key'
ORDER BY t.id FOR UPDATE OF t`;

// The store: one execution for a wave of requests (`$1`, a JSON array in request order), in
// which no traveller appears twice, so every per-traveller step below is the same as for a
// single request; a flight's manifest versions follow request order. Executor start-up for
// this plan costs more than most of its writes, so it is paid once per wave, not per request.
const STORE = `WITH r AS (
  SELECT x.j, x.ord FROM jsonb_array_elements($1) WITH ORDINALITY AS x(j, ord)
),
fl AS (
  SELECT r.ord, f.id, (f.id = (r.j->'flight'->>'id')::uuid) AS created
  FROM r JOIN "Flight" f ON f.key = r.j->'flight'->>'key'
),
legs AS (
  INSERT INTO "FlightLeg" (id, "flightId", seq, "departureAirport", "departureLocal", "departureUtc", "arrivalAirport", "arrivalLocal", "arrivalUtc", overflight)
  SELECT gen_random_uuid(), fl.id, l.seq, l."departureAirport", l."departureLocal", l."departureUtc", l."arrivalAirport", l."arrivalLocal", l."arrivalUtc", l.overflight
  FROM r JOIN fl ON fl.ord = r.ord, jsonb_to_recordset(r.j->'flight'->'legs')
    AS l(seq int, "departureAirport" text, "departureLocal" text, "departureUtc" timestamptz, "arrivalAirport" text, "arrivalLocal" text, "arrivalUtc" timestamptz, overflight boolean)
  WHERE fl.created
),
mv AS (
  INSERT INTO "ManifestVersion" (id, "flightId", "submissionId", version, "listType", "functionCode", "declaredCount", "travellerCount", manifest)
  SELECT gen_random_uuid(), fl.id, (r.j->>'submissionId')::uuid,
    COALESCE((SELECT max(v.version) FROM "ManifestVersion" v WHERE v."flightId" = fl.id), 0)
      + row_number() OVER (PARTITION BY fl.id ORDER BY r.ord),
    m->>'listType', m->>'functionCode', (m->>'declaredCount')::int, (m->>'travellerCount')::int, m->'data'
  FROM r JOIN fl ON fl.ord = r.ord, LATERAL (SELECT r.j->'manifest' AS m) x
  RETURNING id, version, "submissionId"
),
mvr AS (
  SELECT r.ord, mv.id, mv.version FROM mv JOIN r ON (r.j->>'submissionId')::uuid = mv."submissionId"
),
input AS (
  -- A traveller's data is, unless given apart, its entry in the manifest's data (sent once).
  SELECT r.ord AS rord, fl.id AS "flightId", t."newId", t.key, t.role, t.surname, t."givenNames", t."birthDate", t.nationality,
    COALESCE(t.data, r.j->'manifest'->'data'->'travellers'->(t.ord::int)) AS data, t."contentHash", t.assessment, t.directive, t.ord
  FROM r JOIN fl ON fl.ord = r.ord, jsonb_to_recordset(r.j->'travellers')
    AS t("newId" uuid, key text, role text, surname text, "givenNames" text, "birthDate" text, nationality text, data jsonb, "contentHash" text, assessment jsonb, directive jsonb, ord bigint)
),
prev AS (
  SELECT t.id, t."flightId", t.key, t."contentHash", t.status, t.revision
  FROM input JOIN "Traveller" t ON t."flightId" = input."flightId" AND t.key = input.key
),
plan AS (
  SELECT input.*, prev.id AS "prevId", prev.revision AS "prevRevision",
    COALESCE(prev.id, input."newId") AS id,
    CASE WHEN prev.id IS NULL THEN 'add' WHEN prev."contentHash" <> input."contentHash" THEN 'change' ELSE 'unchanged' END AS op,
    COALESCE(prev.status = 'cancelled', false) AS reactivate
  FROM input LEFT JOIN prev ON prev."flightId" = input."flightId" AND prev.key = input.key
),
added AS (
  INSERT INTO "Traveller" (id, "flightId", key, role, surname, "givenNames", "birthDate", nationality, data, "contentHash", "updatedAt")
  SELECT p.id, p."flightId", p.key, p.role, p.surname, p."givenNames", p."birthDate", p.nationality, p.data, p."contentHash", now()
  FROM plan p WHERE p.op = 'add'
),
updated AS (
  UPDATE "Traveller" tr SET
    role = CASE WHEN p.op = 'change' THEN p.role ELSE tr.role END,
    surname = CASE WHEN p.op = 'change' THEN p.surname ELSE tr.surname END,
    "givenNames" = CASE WHEN p.op = 'change' THEN p."givenNames" ELSE tr."givenNames" END,
    "birthDate" = CASE WHEN p.op = 'change' THEN p."birthDate" ELSE tr."birthDate" END,
    nationality = CASE WHEN p.op = 'change' THEN p.nationality ELSE tr.nationality END,
    data = CASE WHEN p.op = 'change' THEN p.data ELSE tr.data END,
    "contentHash" = CASE WHEN p.op = 'change' THEN p."contentHash" ELSE tr."contentHash" END,
    revision = CASE WHEN p.op = 'change' THEN tr.revision + 1 ELSE tr.revision END,
    status = CASE WHEN p.reactivate THEN 'active' ELSE tr.status END,
    "updatedAt" = now()
  FROM plan p WHERE tr.id = p."prevId" AND (p.op = 'change' OR p.reactivate)
),
revisions AS (
  INSERT INTO "TravellerRevision" (id, "travellerId", revision, "manifestVersionId", operation, data, "contentHash")
  SELECT gen_random_uuid(), p.id, CASE WHEN p.op = 'add' THEN 1 ELSE p."prevRevision" + 1 END, mvr.id, p.op, p.data, p."contentHash"
  FROM plan p JOIN mvr ON mvr.ord = p.rord WHERE p.op IN ('add', 'change')
),
old_documents AS (
  DELETE FROM "TravelDocument" d USING plan p WHERE d."travellerId" = p."prevId" AND p.op = 'change'
),
documents AS (
  INSERT INTO "TravelDocument" (id, "travellerId", type, number, "issuingState", "expiryDate")
  SELECT gen_random_uuid(), p.id, d.type, d.number, d."issuingState", d."expiryDate"
  FROM plan p, jsonb_to_recordset(p.data->'documents') AS d(type text, number text, "issuingState" text, "expiryDate" text)
  WHERE p.op IN ('add', 'change')
),
outbox AS (
  INSERT INTO "OutboxMessage" (id, topic, key, envelope)
  SELECT (r.j->'outbox'->>'id')::uuid, r.j->'outbox'->>'topic', r.j->'outbox'->>'key', r.j->'outbox'->'envelope' FROM r
),
submission AS (
  UPDATE "Submission" s SET status = 'accepted', format = r.j->>'format', "flightKey" = r.j->'flight'->>'key',
    "processedAt" = (r.j->>'processedAt')::timestamptz
  -- IS TRUE: looked up by id, never through the status index (full of superseded 'received' rows)
  FROM r WHERE s.id = (r.j->>'submissionId')::uuid AND (s.status = 'received') IS TRUE
),
assessed AS (
  SELECT p.id AS "travellerId", p.rord, p.assessment AS a, p.assessment->>'inputHash' AS "inputHash"
  FROM plan p WHERE p.assessment IS NOT NULL
),
earlier AS (
  SELECT x."travellerId" FROM assessed x
  JOIN "Assessment" e ON e."travellerId" = x."travellerId" AND e."inputHash" = x."inputHash"
),
current_flip AS (
  UPDATE "Assessment" e SET current = (e."inputHash" = x."inputHash")
  FROM assessed x WHERE e."travellerId" = x."travellerId" AND e.current <> (e."inputHash" = x."inputHash")
),
new_assessments AS (
  INSERT INTO "Assessment" (id, "travellerId", "inputHash", outcome, "rulesVersion")
  SELECT gen_random_uuid(), x."travellerId", x."inputHash", x.a->>'outcome', x.a->'versions'
  FROM assessed x WHERE x."travellerId" NOT IN (SELECT "travellerId" FROM earlier)
  RETURNING id, "travellerId"
),
findings AS (
  INSERT INTO "Finding" (id, "assessmentId", source, code, severity, message, "ruleId", "ruleVersion", evidence)
  SELECT gen_random_uuid(), n.id, f.source, f.code, f.severity, f.message, f.rule->>'id', f.rule->>'version', f.evidence
  FROM new_assessments n JOIN assessed x ON x."travellerId" = n."travellerId",
    jsonb_to_recordset(x.a->'findings') AS f(source text, code text, severity text, message text, rule jsonb, evidence jsonb)
),
issued AS (
  SELECT x."travellerId", x.rord, x.a->'directive' AS d FROM assessed x JOIN new_assessments n ON n."travellerId" = x."travellerId"
  UNION ALL
  SELECT p.id, p.rord, p.directive FROM plan p WHERE p.directive IS NOT NULL
),
superseded AS (
  UPDATE "Directive" d SET current = false FROM issued WHERE d."travellerId" = issued."travellerId" AND d.current
),
directives AS (
  INSERT INTO "Directive" (id, "carrierId", "flightId", "travellerId", answer, basis, reasons, "submissionId", "issuedAt")
  SELECT gen_random_uuid(), (r.j->>'carrierId')::uuid, fl.id, issued."travellerId", issued.d->>'answer', issued.d->>'basis',
    issued.d->'reasons', (r.j->>'submissionId')::uuid, (issued.d->>'issuedAt')::timestamptz
  FROM issued JOIN r ON r.ord = issued.rord JOIN fl ON fl.ord = issued.rord
)
SELECT p.rord AS request, p.key, p.id, p.op, p."flightId", mvr.version
FROM plan p JOIN mvr ON mvr.ord = p.rord ORDER BY p.rord, p.ord`;

const toDate = (s: string | undefined): Date | null => (s ? new Date(s) : null);

/**
 * A string as an SQL literal: the same text as pg.escapeLiteral (quotes doubled; with a
 * backslash, an E'' literal with backslashes doubled) in two regex passes, where the driver's
 * loop costs ~80 µs per 3.5 KB request.
 */
export function sqlLiteral(s: string): string {
  const quoted = s.replace(/'/g, "''");
  return s.includes('\\') ? ` E'${quoted.replace(/\\/g, '\\\\')}'` : `'${quoted}'`;
}

function script(input: InteractiveStoreInput) {
  const m = input.manifest;
  const legs = m.flight.legs;
  const { topic, ...envelope } = input.event;
  const flightJson = {
    id: randomUUID(),
    key: flightKey(m.flight),
    carrierCode: m.flight.carrier,
    number: m.flight.number,
    flightDate: flightDate(m.flight) ?? 'undated',
    origin: legs[0]!.departure.airport,
    destination: legs[legs.length - 1]!.arrival.airport,
    scheduledDeparture: toDate(legs[0]!.departure.utc),
    scheduledArrival: toDate(legs[legs.length - 1]!.arrival.utc),
    legs: legs.map((l, seq) => ({
      seq,
      departureAirport: l.departure.airport,
      departureLocal: l.departure.local ?? null,
      departureUtc: toDate(l.departure.utc),
      arrivalAirport: l.arrival.airport,
      arrivalLocal: l.arrival.local ?? null,
      arrivalUtc: toDate(l.arrival.utc),
      overflight: l.overflight,
    })),
  };
  const json = JSON.stringify({
    carrierId: input.carrierId,
    submissionId: input.submissionId,
    format: input.format,
    processedAt: input.processedAt,
    flight: flightJson,
    manifest: {
      listType: m.listType,
      functionCode: m.functionCode,
      declaredCount: m.declaredCount ?? null,
      travellerCount: m.travellers.length,
      data: m,
    },
    travellers: input.travellers.map(({ traveller: t, ...x }, ord) => ({
      ord,
      newId: randomUUID(),
      key: travellerKey(t),
      role: t.role,
      surname: t.name.surname,
      givenNames: t.name.given.join(' '),
      birthDate: t.birthDate ?? null,
      nationality: t.nationality ?? null,
      // The traveller's data (and documents) as listed: the manifest's own `ord`-th traveller,
      // already in manifest.data, unless the caller passed another object.
      data: t === m.travellers[ord] ? undefined : t,
      contentHash: x.contentHash,
      // Prisma stores a finding without evidence as SQL NULL, never JSON null.
      assessment: x.assessment && {
        ...x.assessment,
        findings: x.assessment.findings.map((f) => ({ ...f, evidence: f.evidence ?? undefined })),
      },
      directive: x.directive,
    })),
    outbox: { id: envelope.id, topic, key: envelope.key, envelope },
  });
  return {
    json,
    flight: { ...flightJson, legs: undefined, carrierId: input.carrierId },
    travellers: input.travellers.map((t) => ({
      flight: flightJson.key,
      key: travellerKey(t.traveller),
    })),
  };
}

/**
 * The batch's flights (each created by the first request that names it, whose flight id the
 * store then recognises as its own) and travellers to lock, as one literal for the three
 * per-batch statements.
 */
function batchHead(parts: ReturnType<typeof script>[]): string[] {
  const flights = new Map<string, ReturnType<typeof script>['flight']>();
  for (const p of parts) if (!flights.has(p.flight.key)) flights.set(p.flight.key, p.flight);
  const head = sqlLiteral(
    JSON.stringify({
      flights: [...flights.values()],
      travellers: parts.flatMap((p) => p.travellers),
    }),
  );
  return [
    `EXECUTE paxguard_iapi_create_flights(${head}::jsonb)`,
    `EXECUTE paxguard_iapi_lock_flights(${head}::jsonb)`,
    `EXECUTE paxguard_iapi_lock_travellers(${head}::jsonb)`,
  ];
}
const HEAD_STATEMENTS = 3;

type Part = ReturnType<typeof script>;

/**
 * The batch (in lock order) cut into waves at each request that names a traveller already in
 * the current wave, so a later check-in of the same traveller sees the earlier one's rows.
 */
function waves(parts: Part[]): Part[][] {
  const out: Part[][] = [];
  let wave: Part[] = [];
  let seen = new Set<string>();
  for (const p of parts) {
    const keys = p.travellers.map((t) => `${t.flight}\u0000${t.key}`);
    if (keys.some((k) => seen.has(k))) {
      out.push(wave);
      wave = [];
      seen = new Set();
    }
    wave.push(p);
    for (const k of keys) seen.add(k);
  }
  if (wave.length > 0) out.push(wave);
  return out;
}

// Every lookup here is by key, a handful of rows, so nested loops over index lookups are always
// right. The plans are cached per connection (generic plans), and the planner takes each JSON
// set for 100 rows and the young tables for small: left to itself it hashes whole indexes of
// Assessment, Directive, Traveller and Submission per request, a cost that grows with the
// tables. So these statements are planned without sequential scans, hash or merge joins, and
// without JIT (the disabled paths' inflated costs would switch it on). set_config(…, true) is
// SET LOCAL: the settings end with the transaction and never reach other queries on the pooled
// connection. One statement for the four, since each statement of the script has its own
// parse and start-up cost.
const PLANNER = `SELECT ${[
  ['enable_seqscan', 'off'],
  ['enable_hashjoin', 'off'],
  ['enable_mergejoin', 'off'],
  ['jit', 'off'],
]
  .map(([name, value]) => `set_config('${name}', '${value}', true)`)
  .join(', ')}`;
const PLANNER_STATEMENTS = 1;

/** Planned once per connection: planning the store statement costs more than running it. */
const PREPARED = Object.fromEntries(
  Object.entries({
    paxguard_iapi_create_flights: CREATE_FLIGHTS,
    paxguard_iapi_lock_flights: LOCK_FLIGHTS,
    paxguard_iapi_lock_travellers: LOCK_TRAVELLERS,
    paxguard_iapi_store: STORE,
  }).map(([name, sql]) => [name, `PREPARE ${name}(jsonb) AS ${sql}`]),
);

type StoreRow = {
  /** The request's place in its wave, from 1. */
  request: string | number;
  key: string;
  id: string;
  op: 'add' | 'change' | 'unchanged';
  flightId: string;
  version: number;
};

function storeResult(rows: StoreRow[] | undefined): InteractiveStoreResult {
  const first = rows?.[0];
  if (!rows || !first) throw new Error('the iAPI store returned no rows');
  return {
    flightId: first.flightId,
    version: Number(first.version),
    travellers: rows.map((r) => ({ key: r.key, id: r.id, op: r.op })),
  };
}

const settle = <T>(p: Promise<T>): Promise<PromiseSettledResult<T>> =>
  p.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );

/** A batch that failed as a whole is written again one item at a time, so only the bad one fails. */
async function oneByOne<I, O>(
  items: I[],
  all: (items: I[]) => Promise<O[]>,
): Promise<PromiseSettledResult<O>[]> {
  if (items.length === 1) return [await settle(all(items).then((r) => r[0]!))];
  try {
    return (await all(items)).map((value) => ({ status: 'fulfilled', value }));
  } catch {
    const out: PromiseSettledResult<O>[] = [];
    for (const item of items) out.push(await settle(all([item]).then((r) => r[0]!)));
    return out;
  }
}

export function createInteractiveRepository(
  db: Pick<Database, 'sql' | 'script'>,
  opts: { groupCommit?: GroupCommitOptions } = {},
) {
  // One batch in flight at a time: the next batch gathers while one is written. PostgreSQL's
  // cost per batch (statement start-up, commit) outweighs its cost per request at the sizes a
  // check-in load forms (~3 requests per batch with two in flight; A/B in bench/iapi-costs.ts:
  // PostgreSQL CPU per check-in about 20 % lower with one).
  const batching = opts.groupCommit ?? { concurrency: 1, maxBatch: 32 };

  async function storeAll(inputs: InteractiveStoreInput[]): Promise<InteractiveStoreResult[]> {
    // Flights locked in key order, so two batches never wait on each other in a cycle.
    const order = inputs
      .map((input, i) => ({ i, key: flightKey(input.manifest.flight) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
    const parts = order.map(({ i }) => script(inputs[i]!));
    const cut = waves(parts);
    const results = await db.script<StoreRow>(
      [
        PLANNER,
        ...batchHead(parts),
        ...cut.map(
          (w) =>
            `EXECUTE paxguard_iapi_store(${sqlLiteral(`[${w.map((p) => p.json).join(',')}]`)}::jsonb)`,
        ),
      ].join(';\n'),
      PREPARED,
    );
    const out: InteractiveStoreResult[] = [];
    let n = 0;
    cut.forEach((w, k) => {
      const byRequest = new Map<number, StoreRow[]>();
      for (const row of results[PLANNER_STATEMENTS + HEAD_STATEMENTS + k] ?? []) {
        const r = Number(row.request);
        byRequest.set(r, [...(byRequest.get(r) ?? []), row]);
      }
      w.forEach((_, j) => (out[order[n++]!.i] = storeResult(byRequest.get(j + 1))));
    });
    return out;
  }

  return {
    /**
     * Archive the raw bytes, committed before anything can fail on content. Concurrent
     * requests share one INSERT and one commit.
     */
    archive: groupCommit(
      (items: ArchiveInput[]) => oneByOne(items, (inputs) => archiveSubmissions(db.sql, inputs)),
      batching,
    ),

    /**
     * Store the request and its answers in one transaction, one round trip; concurrent
     * requests share the transaction (and its commit).
     */
    store: groupCommit((items: InteractiveStoreInput[]) => oneByOne(items, storeAll), batching),
  };
}
export type InteractiveRepository = ReturnType<typeof createInteractiveRepository>;
