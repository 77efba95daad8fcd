// The iAPI hot path stores exactly what the general path stores: the same sequence of check-in
// requests goes through applyManifest + the assessment repository in one schema and through
// the interactive repository in another, and every row of every table involved is compared.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateManifest } from '@paxguard/demo-data';
import {
  applyManifest,
  createAssessmentRepository,
  createCarrierRepository,
  createInteractiveRepository,
  createSubmissionRepository,
  openDatabase,
  parseDatabaseUrl,
  storeDirective,
  type Database,
  type InteractiveStoreInput,
} from '@paxguard/db';
import {
  SubmissionAccepted,
  envelope,
  flightKey,
  travellerHash,
  travellerKey,
  type Finding,
  type Manifest,
} from '@paxguard/domain';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';

type Step = Omit<InteractiveStoreInput, 'carrierId' | 'submissionId' | 'processedAt' | 'event'>;

const AT = new Date('2026-12-01T10:00:00.000Z');
const finding = (code: string): Finding => ({
  source: 'documents',
  code,
  severity: 'no-board',
  message: `${code} found`,
  rule: { id: 'doc.expiry', version: '3' },
  evidence: { field: 'expiryDate' },
});

/** The general path, as the interactive service ran it before the hot path (and still does for other codes). */
async function general(db: Database, carrierId: string, step: Step, submissionId: string) {
  const event = eventFor(step.manifest, carrierId, submissionId);
  const r = await db.prisma.$transaction((tx) =>
    applyManifest(tx, { carrierId, submissionId, manifest: step.manifest, event: () => event }),
  );
  await db.prisma.submission.updateMany({
    where: { id: submissionId, status: 'received' },
    data: { status: 'accepted', format: step.format, flightKey: r.flightKey, processedAt: AT },
  });
  const assessments = createAssessmentRepository(db);
  const rows = await db.prisma.traveller.findMany({
    where: { flightId: r.flightId },
    select: { id: true, key: true },
  });
  const idOf = new Map(rows.map((x) => [x.key, x.id]));
  for (const t of step.travellers) {
    const travellerId = idOf.get(travellerKey(t.traveller))!;
    if (t.assessment)
      await assessments.store(
        { travellerId, ...t.assessment },
        { carrierId, flightId: r.flightId, submissionId, ...t.assessment.directive },
      );
    if (t.directive)
      await db.prisma.$transaction((tx) =>
        storeDirective(tx, {
          carrierId,
          flightId: r.flightId,
          travellerId,
          submissionId,
          ...t.directive!,
        }),
      );
  }
}

function eventFor(m: Manifest, carrierId: string, submissionId: string) {
  const key = flightKey(m.flight);
  return {
    topic: SubmissionAccepted.topic,
    ...envelope(SubmissionAccepted, {
      id: randomUUID(),
      key,
      occurredAt: AT,
      causationId: submissionId,
      payload: { submissionId, carrierId, kind: 'manifest', flightKey: key, travellerIds: [] },
    }),
  };
}

/** Every row the two paths write, with ids replaced by what they point at and clock columns left out. */
async function snapshot(db: Database) {
  const q = (sql: string) => db.sql.query<Record<string, unknown>>(sql);
  return {
    flights: await q(`SELECT key, "carrierCode", number, "flightDate", origin, destination,
      "scheduledDeparture", "scheduledArrival", status FROM "Flight" ORDER BY key`),
    legs: await q(`SELECT f.key, l.seq, l."departureAirport", l."departureLocal", l."departureUtc",
      l."arrivalAirport", l."arrivalLocal", l."arrivalUtc", l.overflight
      FROM "FlightLeg" l JOIN "Flight" f ON f.id = l."flightId" ORDER BY f.key, l.seq`),
    versions: await q(`SELECT f.key, v.version, s."messageRef" AS submission, v."listType",
      v."functionCode", v."declaredCount", v."travellerCount", v.manifest
      FROM "ManifestVersion" v JOIN "Flight" f ON f.id = v."flightId"
      JOIN "Submission" s ON s.id = v."submissionId" ORDER BY f.key, v.version`),
    travellers: await q(`SELECT f.key AS flight, t.key, t.role, t.surname, t."givenNames",
      t."birthDate", t.nationality, t.status, t.data, t."contentHash", t.revision
      FROM "Traveller" t JOIN "Flight" f ON f.id = t."flightId" ORDER BY f.key, t.key`),
    revisions: await q(`SELECT t.key, r.revision, v.version, r.operation, r.data, r."contentHash"
      FROM "TravellerRevision" r JOIN "Traveller" t ON t.id = r."travellerId"
      JOIN "ManifestVersion" v ON v.id = r."manifestVersionId" ORDER BY t.key, r.revision`),
    documents: await q(`SELECT t.key, d.type, d.number, d."issuingState", d."expiryDate"
      FROM "TravelDocument" d JOIN "Traveller" t ON t.id = d."travellerId"
      ORDER BY t.key, d.number`),
    assessments: await q(`SELECT t.key, a."inputHash", a.outcome, a."rulesVersion", a.current
      FROM "Assessment" a JOIN "Traveller" t ON t.id = a."travellerId" ORDER BY t.key, a."inputHash"`),
    findings: await q(`SELECT t.key, a."inputHash", x.source, x.code, x.severity, x.message,
      x."ruleId", x."ruleVersion", x.evidence FROM "Finding" x
      JOIN "Assessment" a ON a.id = x."assessmentId" JOIN "Traveller" t ON t.id = a."travellerId"
      ORDER BY t.key, a."inputHash", x.code`),
    directives: await q(`SELECT t.key, f.key AS flight, d.answer, d.basis, d.reasons,
      s."messageRef" AS submission, d."issuedAt", d.current, c.designator
      FROM "Directive" d JOIN "Traveller" t ON t.id = d."travellerId"
      JOIN "Flight" f ON f.id = d."flightId" JOIN "Carrier" c ON c.id = d."carrierId"
      JOIN "Submission" s ON s.id = d."submissionId" ORDER BY t.key, s."messageRef", d.basis`),
    submissions: await q(`SELECT "messageRef", status, format, "flightKey", "processedAt"
      FROM "Submission" ORDER BY "messageRef"`),
    outbox: await q(`SELECT o.topic, o.key, o.envelope->'payload' AS payload, s."messageRef"
      FROM "OutboxMessage" o JOIN "Submission" s ON s.id::text = o.envelope->>'causationId'
      ORDER BY s."messageRef"`).then((rows) =>
      rows.map((r) => ({
        ...r,
        payload: { ...(r.payload as object), submissionId: undefined, carrierId: undefined },
      })),
    ),
  };
}

describe('the iAPI store', () => {
  let pgA: TestPostgres;
  let pgB: TestPostgres;
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    [pgA, pgB] = await Promise.all([testPostgres(), testPostgres()]);
    [a, b] = await Promise.all([
      openDatabase(parseDatabaseUrl(pgA.url)),
      openDatabase(parseDatabaseUrl(pgB.url)),
    ]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await pgA?.drop();
    await pgB?.drop();
  });

  it('writes exactly the rows of applyManifest and the assessment repository', async () => {
    const m = generateManifest({
      seed: 42,
      carrier: 'PG',
      number: '700',
      date: '2026-12-20',
      origin: 'LHR',
      destination: 'JFK',
      destinationState: 'USA',
      passengers: 3,
    });
    const [t1, t2, t3] = m.travellers as [
      Manifest['travellers'][number],
      Manifest['travellers'][number],
      Manifest['travellers'][number],
    ];
    const t1changed = { ...t1, documents: [{ ...t1.documents[0]!, expiryDate: '2031-02-03' }] };
    const manifest = (ref: string, code: Manifest['functionCode'], ts: typeof m.travellers) => ({
      ...m,
      messageRef: ref,
      functionCode: code,
      travellers: ts,
    });
    const screened = (
      t: Manifest['travellers'][number],
      inputHash: string,
      findings: Finding[],
      answer = findings.length ? 'no-board' : 'board',
    ) => ({
      traveller: t,
      contentHash: travellerHash(t),
      assessment: {
        inputHash,
        outcome: findings.length ? 'no-board' : 'cleared',
        findings,
        versions: { reference: 'r1', rules: '7' },
        directive: {
          answer,
          basis: 'iapi' as const,
          reasons: findings.map((f) => ({ code: f.code, message: f.message, rule: f.rule })),
          issuedAt: AT,
        },
      },
    });
    const steps: (Step | { general: Manifest })[] = [
      // A new flight, two travellers.
      {
        format: 'IAPI-PAXLST',
        manifest: manifest('R1', 'original', [t1, t2]),
        travellers: [screened(t1, 'h1', [finding('DOC_EXPIRED')]), screened(t2, 'h2', [])],
      },
      // A change: t1 corrected, t2 resent unchanged (same input: no new assessment or directive), t3 new.
      {
        format: 'IAPI-JSON-MANIFEST',
        manifest: manifest('R2', 'change', [t1changed, t2, t3]),
        travellers: [
          screened(t1changed, 'h1b', []),
          screened(t2, 'h2', []),
          screened(t3, 'h3', [finding('DOC_MISSING'), finding('DOC_EXPIRED')]),
        ],
      },
      // t2 cancelled by a batch message, then checked in again: reactivated.
      { general: manifest('R3', 'cancel-reservation', [t2]) },
      {
        format: 'IAPI-PAXLST',
        manifest: manifest('R4', 'original', [t2]),
        travellers: [screened(t2, 'h2', [])],
      },
      // Screening late for t1 (unchanged): the safe default, stored whatever was assessed before.
      {
        format: 'IAPI-PAXLST',
        manifest: manifest('R5', 'original', [t1changed]),
        travellers: [
          {
            traveller: t1changed,
            contentHash: travellerHash(t1changed),
            directive: {
              answer: 'contact-authority',
              basis: 'iapi-timeout-default',
              reasons: [{ code: 'IAPI_TIMEOUT', message: 'late' }],
              issuedAt: new Date(AT.getTime() + 1000),
            },
          },
        ],
      },
      // An earlier input assessed again (t1 back to its first data): that assessment is current again.
      {
        format: 'IAPI-PAXLST',
        manifest: manifest('R6', 'change', [t1]),
        travellers: [screened(t1, 'h1', [finding('DOC_EXPIRED')])],
      },
    ];

    const run = async (db: Database, hot: boolean) => {
      const carrier = await createCarrierRepository(db.prisma).ensure({
        designator: 'PG',
        name: 'Paxguard Air',
        apiKey: `key-${randomUUID()}`,
      });
      const submissions = createSubmissionRepository(db);
      const interactive = createInteractiveRepository(db);
      for (const step of steps) {
        const m = 'general' in step ? step.general : step.manifest;
        const { id } = await interactive.archive({
          carrierId: carrier.id,
          channel: 'http',
          receivedAt: AT,
          raw: Buffer.from(m.messageRef ?? ''),
        });
        await db.sql.query('UPDATE "Submission" SET "messageRef" = $1 WHERE id = $2::uuid', [
          m.messageRef,
          id,
        ]);
        if ('general' in step) {
          await db.prisma.$transaction((tx) =>
            applyManifest(tx, {
              carrierId: carrier.id,
              submissionId: id,
              manifest: m,
              event: () => eventFor(m, carrier.id, id),
            }),
          );
          await submissions.complete(id, { status: 'accepted', format: 'PAXLST', processedAt: AT });
        } else if (hot)
          await interactive.store({
            ...step,
            carrierId: carrier.id,
            submissionId: id,
            processedAt: AT,
            event: eventFor(m, carrier.id, id),
          });
        else await general(db, carrier.id, step, id);
      }
      return snapshot(db);
    };

    const [expected, actual] = [await run(a, false), await run(b, true)];
    expect(actual).toEqual(expected);
    // The embedded default, PGlite, takes the same script.
    const embedded = await openDatabase({ kind: 'pglite' });
    try {
      expect(await run(embedded, true)).toEqual(expected);
    } finally {
      await embedded.close();
    }
    // And the sequence did what it says.
    expect(expected.versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(expected.travellers.map((t) => [t.status, t.revision])).toEqual(
      expect.arrayContaining([
        ['active', 1],
        ['active', 1],
        ['active', 3],
      ]),
    );
    expect(expected.assessments.filter((x) => x.current).map((x) => x.inputHash)).toEqual(
      expect.arrayContaining(['h1', 'h2', 'h3']),
    );
    expect(expected.directives).toHaveLength(5);
  });

  it('stores one batch (several requests per flight, a traveller more than once) as the general path stores them one by one', async () => {
    const [pgC, pgD] = await Promise.all([testPostgres(), testPostgres()]);
    const [c, d] = await Promise.all([
      openDatabase(parseDatabaseUrl(pgC.url)),
      openDatabase(parseDatabaseUrl(pgD.url)),
    ]);
    try {
      const flightOf = (seed: number, number: string, passengers: number) =>
        generateManifest({
          seed,
          carrier: 'PG',
          number,
          date: '2026-12-20',
          origin: 'LHR',
          destination: 'JFK',
          destinationState: 'USA',
          passengers,
        });
      const x = flightOf(42, '700', 3);
      const y = flightOf(43, '701', 1);
      const z = flightOf(44, '800', 1);
      const [t1, t2, t3] = x.travellers as [
        Manifest['travellers'][number],
        Manifest['travellers'][number],
        Manifest['travellers'][number],
      ];
      const t1changed = { ...t1, documents: [{ ...t1.documents[0]!, expiryDate: '2031-02-03' }] };
      const step = (
        m: Manifest,
        ref: string,
        code: Manifest['functionCode'],
        ts: Manifest['travellers'],
        late = false,
      ): Step => ({
        format: 'IAPI-PAXLST',
        manifest: { ...m, messageRef: ref, functionCode: code, travellers: ts },
        travellers: ts.map((t) =>
          late
            ? {
                traveller: t,
                contentHash: travellerHash(t),
                directive: {
                  answer: 'contact-authority',
                  basis: 'iapi-timeout-default' as const,
                  reasons: [{ code: 'IAPI_TIMEOUT', message: 'late' }],
                  issuedAt: AT,
                },
              }
            : {
                traveller: t,
                contentHash: travellerHash(t),
                assessment: {
                  inputHash: `h-${travellerHash(t)}`,
                  outcome: t === t3 ? 'no-board' : 'cleared',
                  findings: t === t3 ? [finding('DOC_EXPIRED')] : [],
                  versions: { reference: 'r1' },
                  directive: {
                    answer: t === t3 ? 'no-board' : 'board',
                    basis: 'iapi' as const,
                    reasons: [],
                    issuedAt: AT,
                  },
                },
              },
        ),
      });
      const steps: Step[] = [
        step(z, 'B0', 'original', z.travellers), // written alone; the rest queue into one batch
        step(x, 'B1', 'original', [t1, t2]), // new flight, two requests more in the batch
        step(y, 'B2', 'original', y.travellers), // another new flight
        step(x, 'B3', 'change', [t1changed, t3]), // t1 again: a second wave
        step(x, 'B4', 'original', [t2]), // unchanged resend, same wave as B3
        step(x, 'B5', 'original', [t1changed], true), // t1 a third time, late: the default
      ];
      let transactions = 0;
      const run = async (db: Database, hot: boolean) => {
        const carrier = await createCarrierRepository(db.prisma).ensure({
          designator: 'PG',
          name: 'Paxguard Air',
          apiKey: `key-${randomUUID()}`,
        });
        // Counting transactions: a batch that failed would be written again one request at a time.
        const repo = createInteractiveRepository(
          {
            sql: db.sql,
            script: (text, prepare) => {
              transactions++;
              return db.script(text, prepare);
            },
          },
          { groupCommit: { concurrency: 1, maxBatch: 64 } },
        );
        const ids: string[] = [];
        for (const s of steps) {
          const { id } = await repo.archive({
            carrierId: carrier.id,
            channel: 'http',
            receivedAt: AT,
            raw: Buffer.from(s.manifest.messageRef ?? ''),
          });
          await db.sql.query('UPDATE "Submission" SET "messageRef" = $1 WHERE id = $2::uuid', [
            s.manifest.messageRef,
            id,
          ]);
          ids.push(id);
        }
        if (hot)
          await Promise.all(
            steps.map((s, i) =>
              repo.store({
                ...s,
                carrierId: carrier.id,
                submissionId: ids[i]!,
                processedAt: AT,
                event: eventFor(s.manifest, carrier.id, ids[i]!),
              }),
            ),
          );
        else for (const [i, s] of steps.entries()) await general(db, carrier.id, s, ids[i]!);
        return snapshot(db);
      };
      const expected = await run(c, false);
      expect(await run(d, true)).toEqual(expected);
      expect(transactions).toBe(2); // B0 alone, then B1–B5 together
      expect(expected.versions.map((v) => [v.key, v.version])).toEqual([
        ['PG700/2026-12-20', 1],
        ['PG700/2026-12-20', 2],
        ['PG700/2026-12-20', 3],
        ['PG700/2026-12-20', 4],
        ['PG701/2026-12-20', 1],
        ['PG800/2026-12-20', 1],
      ]);
      expect(expected.directives).toHaveLength(7);
    } finally {
      await c.close();
      await d.close();
      await pgC.drop();
      await pgD.drop();
    }
  });

  it('shares one transaction among concurrent check-ins and still stores each exactly once', async () => {
    const carrier = await createCarrierRepository(b.prisma).ensure({
      designator: 'QA',
      name: 'Group Commit Air',
      apiKey: `key-${randomUUID()}`,
    });
    // One batch in flight at a time: the first call is written alone, the rest queue into one batch.
    const repo = createInteractiveRepository(b, { groupCommit: { concurrency: 1, maxBatch: 64 } });
    const requests = Array.from({ length: 24 }, (_, i) => {
      const m = generateManifest({
        seed: 900 + (i % 12), // every traveller checks in twice
        carrier: 'QA',
        number: String(10 + (i % 3)),
        date: '2026-12-21',
        origin: 'CDG',
        destination: 'JFK',
        passengers: 1,
      });
      return { ...m, travellers: m.travellers.map((t) => ({ ...t, nationality: 'FRA' })) };
    });
    const archived = await Promise.all(
      requests.map((m) =>
        repo.archive({
          carrierId: carrier.id,
          channel: 'http',
          receivedAt: AT,
          raw: Buffer.from(m.flight.number),
        }),
      ),
    );
    const bad = 19;
    const store = (m: Manifest, i: number) => {
      // An item that cannot be stored (no such submission) fails alone; its batch is retried without it.
      const submissionId = i === bad ? randomUUID() : archived[i]!.id;
      return repo.store({
        carrierId: carrier.id,
        submissionId,
        format: 'IAPI-PAXLST',
        processedAt: AT,
        manifest: m,
        travellers: m.travellers.map((t) => ({
          traveller: t,
          contentHash: travellerHash(t),
          assessment: {
            inputHash: `gc-${travellerHash(t)}`,
            outcome: 'cleared',
            findings: [],
            versions: { reference: 'r1' },
            directive: { answer: 'board', basis: 'iapi' as const, reasons: [], issuedAt: AT },
          },
        })),
        event: eventFor(m, carrier.id, submissionId),
      });
    };
    // Two waves: every traveller once (one batch succeeds), then again with one bad request.
    const results = [
      ...(await Promise.allSettled(requests.slice(0, 12).map((m, i) => store(m, i)))),
      ...(await Promise.allSettled(requests.slice(12).map((m, i) => store(m, i + 12)))),
    ];
    expect(results.map((r) => r.status)).toEqual(
      results.map((_, i) => (i === bad ? 'rejected' : 'fulfilled')),
    );
    const q = (sql: string) => b.sql.query<Record<string, unknown>>(sql);
    const versions = await q(`SELECT f.key, array_agg(v.version ORDER BY v.version) AS versions
      FROM "ManifestVersion" v JOIN "Flight" f ON f.id = v."flightId" WHERE f.key LIKE 'QA%'
      GROUP BY f.key ORDER BY f.key`);
    expect(versions.map((v) => (v.versions as number[]).length)).toEqual([8, 7, 8]); // 19 % 3 = 1
    for (const v of versions)
      expect(v.versions).toEqual((v.versions as number[]).map((_, i) => i + 1));
    // Flights created within a batch (several requests each) get their legs once.
    const legs = await q(`SELECT f.key, array_agg(l.seq ORDER BY l.seq) AS seqs
      FROM "FlightLeg" l JOIN "Flight" f ON f.id = l."flightId" WHERE f.key LIKE 'QA%'
      GROUP BY f.key ORDER BY f.key`);
    expect(legs.map((l) => l.seqs)).toEqual([[0], [0], [0]]);
    const travellers = await q(`SELECT t.id,
        (SELECT count(*) FROM "Assessment" a WHERE a."travellerId" = t.id)::int AS assessments,
        (SELECT count(*) FROM "Directive" d WHERE d."travellerId" = t.id)::int AS directives,
        (SELECT count(*) FROM "TravellerRevision" r WHERE r."travellerId" = t.id)::int AS revisions
      FROM "Traveller" t JOIN "Flight" f ON f.id = t."flightId" WHERE f.key LIKE 'QA%'`);
    expect(travellers).toHaveLength(12);
    for (const t of travellers)
      expect(t).toMatchObject({ assessments: 1, directives: 1, revisions: 1 });
    const accepted = await q(
      `SELECT count(*)::int AS n FROM "Submission" WHERE "carrierId" = '${carrier.id}' AND status = 'accepted'`,
    );
    expect(accepted[0]!.n).toBe(23);
  });

  it('keeps its planner settings inside its own transaction', async () => {
    // One pooled connection, so the query after the store runs on the session that stored.
    const target = parseDatabaseUrl(pgB.url);
    if (target.kind !== 'postgres') throw new Error('a PostgreSQL server is expected');
    const one = await openDatabase({ ...target, poolSize: 1 });
    try {
      const settings = async () =>
        one.sql.query<Record<string, string>>(
          `SELECT current_setting('enable_seqscan') AS seqscan, current_setting('enable_hashjoin') AS hashjoin,
            current_setting('enable_mergejoin') AS mergejoin, current_setting('jit') AS jit`,
        );
      const before = await settings();
      const carrier = await createCarrierRepository(one.prisma).ensure({
        designator: 'QB',
        name: 'One Session Air',
        apiKey: `key-${randomUUID()}`,
      });
      const repo = createInteractiveRepository(one);
      const m = generateManifest({
        seed: 77,
        carrier: 'QB',
        number: '20',
        date: '2026-12-22',
        origin: 'CDG',
        destination: 'JFK',
        passengers: 1,
      });
      const { id: submissionId } = await repo.archive({
        carrierId: carrier.id,
        channel: 'http',
        receivedAt: AT,
        raw: Buffer.from('QB20'),
      });
      const stored = await repo.store({
        carrierId: carrier.id,
        submissionId,
        format: 'IAPI-PAXLST',
        processedAt: AT,
        manifest: m,
        travellers: m.travellers.map((t) => ({ traveller: t, contentHash: travellerHash(t) })),
        event: eventFor(m, carrier.id, submissionId),
      });
      expect(stored.travellers).toHaveLength(1);
      expect(before[0]).toMatchObject({ seqscan: 'on', hashjoin: 'on', mergejoin: 'on' });
      expect(await settings()).toEqual(before);
    } finally {
      await one.close();
    }
  });

  it("stores a traveller's own data when the caller passes another object than the manifest's", async () => {
    const carrier = await createCarrierRepository(b.prisma).ensure({
      designator: 'QC',
      name: 'Copy Air',
      apiKey: `key-${randomUUID()}`,
    });
    const repo = createInteractiveRepository(b);
    const m = generateManifest({
      seed: 78,
      carrier: 'QC',
      number: '30',
      date: '2026-12-23',
      origin: 'CDG',
      destination: 'JFK',
      passengers: 2,
    });
    // The first traveller is the manifest's own object (its data is read from the manifest's);
    // the second a copy with another passport, which is what must be stored for it.
    const copy = structuredClone(m.travellers[1]!);
    copy.documents = [{ ...copy.documents[0]!, number: 'QC0000001' }];
    const { id: submissionId } = await repo.archive({
      carrierId: carrier.id,
      channel: 'http',
      receivedAt: AT,
      raw: Buffer.from('QC30'),
    });
    const stored = await repo.store({
      carrierId: carrier.id,
      submissionId,
      format: 'IAPI-PAXLST',
      processedAt: AT,
      manifest: m,
      travellers: [m.travellers[0]!, copy].map((t) => ({
        traveller: t,
        contentHash: travellerHash(t),
      })),
      event: eventFor(m, carrier.id, submissionId),
    });
    const rows = await b.sql.query<{ id: string; data: unknown; docs: string[] }>(
      `SELECT t.id::text AS id, t.data,
        (SELECT array_agg(d.number ORDER BY d.number) FROM "TravelDocument" d WHERE d."travellerId" = t.id) AS docs
      FROM "Traveller" t WHERE t.id = ANY($1::uuid[])`,
      [stored.travellers.map((t) => t.id)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const [first, second] = stored.travellers.map((t) => byId.get(t.id)!);
    expect(first!.data).toEqual(JSON.parse(JSON.stringify(m.travellers[0])));
    expect(first!.docs).toEqual(m.travellers[0]!.documents.map((d) => d.number).sort());
    expect(second!.data).toEqual(JSON.parse(JSON.stringify(copy)));
    expect(second!.docs).toEqual(['QC0000001']);
  });
});
