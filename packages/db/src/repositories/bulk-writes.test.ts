// The multi-row write paths on PostgreSQL: applyManifest (travellers, revisions, documents and
// statuses in one statement each) and storeMany (assessments idempotent on traveller + input
// hash under a row lock): redelivery, partial duplicates, a traveller twice in one batch, and
// two workers racing over the same travellers. Each suite runs twice: the raw SQL through the
// driver (`Database.transaction`, the hot paths) and the same SQL through Prisma (older callers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionCode, Manifest, Traveller } from '@paxguard/domain';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { openDatabase, parseDatabaseUrl, type Database } from '../database.ts';
import { createAssessmentRepository, type StoreItem } from './assessment-repository.ts';
import { createCarrierRepository } from './carrier-repository.ts';
import { createFlightFactsRepository } from '../sanctions/flight-facts-repository.ts';
import { applyManifest, type ApplyManifestResult } from './flight-repository.ts';
import { createSubmissionRepository } from './submission-repository.ts';

let pg: TestPostgres;
let db: Database;
let carrierId: string;
beforeAll(async () => {
  pg = await testPostgres();
  db = await openDatabase(parseDatabaseUrl(pg.url));
  carrierId = (
    await createCarrierRepository(db.prisma).ensure({ designator: 'PG', name: 'T', apiKey: 'k' })
  ).id;
}, 60_000);
afterAll(async () => {
  await db?.close();
  await pg?.drop();
});

const traveller = (ref: string, surname: string, doc = `D${ref}`): Traveller => ({
  role: 'passenger',
  name: { surname, given: ['ANNA', 'MARIA'] },
  birthDate: '1980-01-02',
  nationality: 'DEU',
  references: { passenger: ref },
  documents: [
    { type: 'P', number: doc, issuingState: 'DEU', expiryDate: '2030-01-01' },
    { type: 'V', number: `V${ref}`, issuingState: 'USA' },
  ],
});

const manifest = (
  number: string,
  functionCode: FunctionCode,
  travellers: Traveller[],
): Manifest => ({
  source: 'PAXLST',
  listType: 'passenger',
  functionCode,
  flight: {
    carrier: 'PG',
    number,
    legs: [
      {
        departure: { airport: 'LHR', local: '2026-12-24T10:00' },
        arrival: { airport: 'JFK', local: '2026-12-24T13:00' },
        overflight: false,
      },
    ],
  },
  travellers,
});

type Via = 'driver' | 'prisma';

let seq = 0;
async function apply(m: Manifest, per?: Via): Promise<ApplyManifestResult> {
  // Flight numbers per transport, so both runs start from empty flights.
  if (per) m.flight.number = `${per === 'driver' ? 1 : 2}${m.flight.number}`;
  const via = per ?? 'driver';
  const { id } = await createSubmissionRepository(db).archive({
    carrierId,
    channel: 'http',
    receivedAt: new Date('2026-12-20T00:00:00Z'),
    raw: Buffer.from(`manifest ${seq++}`),
  });
  const run = <T>(fn: (tx: Parameters<typeof applyManifest>[0]) => Promise<T>) =>
    via === 'driver' ? db.transaction(fn) : db.prisma.$transaction(fn);
  return run((tx) =>
    applyManifest(tx, {
      carrierId,
      submissionId: id,
      manifest: m,
      event: ({ flightKey, changedTravellerIds }) => ({
        topic: 't',
        id: crypto.randomUUID(),
        type: 'submission.accepted',
        version: 1,
        key: flightKey,
        occurredAt: '2026-12-20T00:00:00.000Z',
        payload: { travellerIds: changedTravellerIds },
      }),
    }),
  );
}

describe.each(['driver', 'prisma'] as const)('via %s', (via) => {
  describe('applyManifest, multi-row', () => {
    it('adds, changes, re-lists and cancels travellers, keeping every version and revision', async () => {
      const first = await apply(
        manifest('11', 'original', [
          traveller('P1', 'ALPHA'),
          traveller('P2', 'BRAVO'),
          traveller('P3', 'CHARLIE'),
        ]),
        via,
      );
      expect(first).toMatchObject({ version: 1, added: 3, changed: 0, unchanged: 0 });
      expect(first.changedTravellerIds).toHaveLength(3);

      // P2 changes document, P3 is unchanged, P4 is new: only P2 and P4 are re-screened.
      const second = await apply(
        manifest('11', 'change', [
          traveller('P2', 'BRAVO', 'NEWDOC'),
          traveller('P3', 'CHARLIE'),
          traveller('P4', 'DELTA'),
        ]),
        via,
      );
      expect(second).toMatchObject({ version: 2, added: 1, changed: 1, unchanged: 1 });
      const rows = await db.sql.query<{
        key: string;
        id: string;
        revision: number;
        docs: string[];
      }>(
        `SELECT t.key, t.id::text AS id, t.revision,
         (SELECT array_agg(d.number ORDER BY d.number) FROM "TravelDocument" d WHERE d."travellerId" = t.id) AS docs
       FROM "Traveller" t JOIN "Flight" f ON f.id = t."flightId" WHERE f.key = $1 ORDER BY t.key`,
        [first.flightKey],
      );
      expect(rows.map((r) => [r.key, r.revision, r.docs])).toEqual([
        ['ref:P1', 1, ['DP1', 'VP1']],
        ['ref:P2', 2, ['NEWDOC', 'VP2']],
        ['ref:P3', 1, ['DP3', 'VP3']],
        ['ref:P4', 1, ['DP4', 'VP4']],
      ]);
      const idOf = new Map(rows.map((r) => [r.key, r.id]));
      expect(new Set(second.changedTravellerIds)).toEqual(
        new Set([idOf.get('ref:P2'), idOf.get('ref:P4')]),
      );
      const revisions = await db.sql.query<{ key: string; revision: number; operation: string }>(
        `SELECT t.key, r.revision, r.operation FROM "TravellerRevision" r
       JOIN "Traveller" t ON t.id = r."travellerId" WHERE t."flightId" = $1::uuid
       ORDER BY t.key, r.revision`,
        [first.flightId],
      );
      expect(revisions.map((r) => `${r.key}#${r.revision}:${r.operation}`)).toEqual([
        'ref:P1#1:add',
        'ref:P2#1:add',
        'ref:P2#2:change',
        'ref:P3#1:add',
        'ref:P4#1:add',
      ]);
      const stored = await db.prisma.traveller.findUnique({ where: { id: idOf.get('ref:P2')! } });
      expect(stored).toMatchObject({
        surname: 'BRAVO',
        givenNames: 'ANNA MARIA',
        nationality: 'DEU',
      });
      expect((stored!.data as Traveller).documents[0]!.number).toBe('NEWDOC');

      // A cancellation, then the same traveller listed again: active once more and re-screened.
      const cancel = await apply(
        manifest('11', 'cancel-reservation', [traveller('P1', 'ALPHA')]),
        via,
      );
      expect(cancel).toMatchObject({ version: 3, statusChanges: 1, changedTravellerIds: [] });
      expect(
        (await db.prisma.traveller.findUnique({ where: { id: idOf.get('ref:P1')! } }))!.status,
      ).toBe('cancelled');
      const back = await apply(manifest('11', 'change', [traveller('P1', 'ALPHA')]), via);
      expect(back).toMatchObject({ unchanged: 1, statusChanges: 1 });
      expect(back.changedTravellerIds).toEqual([idOf.get('ref:P1')]);
      expect(
        (await db.prisma.traveller.findUnique({ where: { id: idOf.get('ref:P1')! } }))!.status,
      ).toBe('active');
      const versions = await db.prisma.manifestVersion.findMany({
        where: { flightId: first.flightId },
        orderBy: { version: 'asc' },
        select: { version: true, functionCode: true, travellerCount: true },
      });
      expect(versions.map((v) => `${v.version}:${v.functionCode}:${v.travellerCount}`)).toEqual([
        '1:original:3',
        '2:change:3',
        '3:cancel-reservation:1',
        '4:change:1',
      ]);
      expect(await db.prisma.outboxMessage.count({ where: { key: first.flightKey } })).toBe(4);
    });
  });

  describe('applyManifest, traveller data', () => {
    it('stores each traveller exactly as listed (the later of a duplicate), new and changed, with its revision', async () => {
      const data = async (flightId: string) =>
        new Map(
          (
            await db.sql.query<{ key: string; data: Traveller; rev: Traveller }>(
              `SELECT t.key, t.data, r.data AS rev FROM "Traveller" t
               JOIN "TravellerRevision" r ON r."travellerId" = t.id AND r.revision = t.revision
               WHERE t."flightId" = $1::uuid`,
              [flightId],
            )
          ).map((r) => [r.key, r]),
        );
      const early = { ...traveller('U1', 'UNIFORM'), gender: 'F' } as Traveller;
      const later = { ...traveller('U1', 'UNIFORM', 'LATERDOC'), birthDate: '1981-03-04' };
      const other = traveller('U2', 'VICTOR');
      const first = await apply(manifest('55', 'original', [early, other, later]), via);
      let rows = await data(first.flightId);
      expect(rows.get('ref:U1')).toEqual({ key: 'ref:U1', data: later, rev: later });
      expect(rows.get('ref:U2')).toEqual({ key: 'ref:U2', data: other, rev: other });
      // A change, and a traveller a cancellation names for the first time (stored from its data).
      const changed = { ...other, nationality: 'FRA' };
      await apply(manifest('55', 'change', [changed]), via);
      const unknown = traveller('U3', 'WHISKEY');
      await apply(manifest('55', 'cancel-reservation', [unknown]), via);
      rows = await data(first.flightId);
      expect(rows.get('ref:U2')).toEqual({ key: 'ref:U2', data: changed, rev: changed });
      expect(rows.get('ref:U3')).toEqual({ key: 'ref:U3', data: unknown, rev: unknown });
    });
  });

  describe('applyManifest, searchable columns', () => {
    it('fills role, names, birth date and nationality from each traveller, new and changed', async () => {
      const columns = async (flightId: string) =>
        db.sql.query<Record<string, string | null>>(
          `SELECT key, role, surname, "givenNames", "birthDate", nationality FROM "Traveller"
           WHERE "flightId" = $1::uuid ORDER BY key`,
          [flightId],
        );
      const bare = {
        ...traveller('C1', "O'NEIL"),
        name: { surname: "O'NEIL", given: [] },
        birthDate: undefined,
        nationality: undefined,
      } as Traveller;
      const full = { ...traveller('C2', 'ZULU'), role: 'crew' } as Traveller;
      const first = await apply(manifest('66', 'original', [bare, full]), via);
      expect(await columns(first.flightId)).toEqual([
        {
          key: 'ref:C1',
          role: bare.role,
          surname: "O'NEIL",
          givenNames: '',
          birthDate: null,
          nationality: null,
        },
        {
          key: 'ref:C2',
          role: 'crew',
          surname: 'ZULU',
          givenNames: 'ANNA MARIA',
          birthDate: full.birthDate!,
          nationality: 'DEU',
        },
      ]);
      const renamed = {
        ...full,
        name: { surname: 'ZULU-YANKEE', given: ['B', 'C', 'A'] },
        nationality: 'FRA',
      };
      await apply(manifest('66', 'change', [bare, renamed]), via);
      expect((await columns(first.flightId))[1]).toEqual({
        key: 'ref:C2',
        role: 'crew',
        surname: 'ZULU-YANKEE',
        givenNames: 'B C A',
        birthDate: full.birthDate!,
        nationality: 'FRA',
      });
    });
  });

  describe('applyManifest, concurrent', () => {
    it('serialises two manifests for one new flight: two versions, each traveller once', async () => {
      const list = [traveller('R1', 'ECHO'), traveller('R2', 'FOXTROT')];
      const [a, b] = await Promise.all([
        apply(manifest('33', 'original', list), via),
        apply(manifest('33', 'change', [...list, traveller('R3', 'GOLF')]), via),
      ]);
      expect([a!.version, b!.version].sort()).toEqual([1, 2]);
      expect(a!.flightId).toBe(b!.flightId);
      const rows = await db.sql.query<{ key: string }>(
        'SELECT key FROM "Traveller" WHERE "flightId" = $1::uuid ORDER BY key',
        [a!.flightId],
      );
      expect(rows.map((r) => r.key)).toEqual(['ref:R1', 'ref:R2', 'ref:R3']);
      expect(await db.prisma.flightLeg.count({ where: { flightId: a!.flightId } })).toBe(1);
    });

    it('replaces the schedule on a change-flight message', async () => {
      const first = await apply(manifest('44', 'original', [traveller('S1', 'HOTEL')]), via);
      const moved = manifest('44', 'change-flight', [traveller('S1', 'HOTEL')]);
      moved.flight.legs = [
        {
          departure: { airport: 'LHR', local: '2026-12-24T10:00', utc: '2026-12-24T10:00:00Z' },
          arrival: { airport: 'BOS', local: '2026-12-24T12:30', utc: '2026-12-24T17:30:00Z' },
          overflight: false,
        },
      ];
      const second = await apply(moved, via);
      expect(second).toMatchObject({ flightId: first.flightId, version: 2, unchanged: 1 });
      const f = await db.prisma.flight.findUnique({
        where: { id: first.flightId },
        include: { legs: true },
      });
      expect(f).toMatchObject({
        destination: 'BOS',
        scheduledArrival: new Date('2026-12-24T17:30:00Z'),
      });
      expect(f!.legs.map((l) => [l.arrivalAirport, l.arrivalUtc?.toISOString()])).toEqual([
        ['BOS', '2026-12-24T17:30:00.000Z'],
      ]);
    });
  });
});

// Assessments are stored through the database's own transactions only, whichever kind of
// transaction stored the manifest.
describe('storeMany', () => {
  let ids: string[];
  const repo = () => createAssessmentRepository(db);
  const item = (travellerId: string, hash: string, noBoard = false): StoreItem => ({
    assessment: {
      travellerId,
      outcome: noBoard ? 'no-board' : 'cleared',
      inputHash: hash,
      versions: { reference: 'r1' },
      findings: noBoard
        ? [
            {
              source: 'documents',
              code: 'DOC_EXPIRED',
              severity: 'no-board',
              message: 'expired',
              rule: { id: 'doc', version: '1' },
            },
          ]
        : [],
    },
    directive: noBoard
      ? {
          carrierId,
          flightId: flightId!,
          answer: 'no-board',
          basis: 'screening',
          reasons: [{ code: 'DOC_EXPIRED' }],
          issuedAt: new Date('2026-12-20T00:00:00Z'),
        }
      : undefined,
  });
  let flightId: string | undefined;

  beforeAll(async () => {
    const r = await apply(
      manifest(
        '22',
        'original',
        Array.from({ length: 6 }, (_, i) => traveller(`Q${i}`, `NAME${i}`)),
      ),
    );
    flightId = r.flightId;
    ids = r.changedTravellerIds;
  });

  const counts = async () => {
    const [r] = await db.sql.query<{
      a: number;
      cur: number;
      f: number;
      d: number;
      dcur: number;
    }>(
      `SELECT (SELECT count(*)::int FROM "Assessment" WHERE "travellerId" = ANY($1::uuid[])) AS a,
            (SELECT count(*)::int FROM "Assessment" WHERE current AND "travellerId" = ANY($1::uuid[])) AS cur,
            (SELECT count(*)::int FROM "Finding" f JOIN "Assessment" a ON a.id = f."assessmentId" WHERE a."travellerId" = ANY($1::uuid[])) AS f,
            (SELECT count(*)::int FROM "Directive" WHERE "travellerId" = ANY($1::uuid[])) AS d,
            (SELECT count(*)::int FROM "Directive" WHERE current AND "travellerId" = ANY($1::uuid[])) AS dcur`,
      [ids],
    );
    return r!;
  };

  it('writes a batch once; a redelivered batch creates nothing', async () => {
    const batch = [item(ids[0]!, 'h1', true), item(ids[1]!, 'h1'), item(ids[2]!, 'h1')];
    const first = await repo().storeMany(batch);
    expect(first.map((r) => r.created)).toEqual([true, true, true]);
    const again = await repo().storeMany(batch);
    expect(again).toEqual(first.map((r) => ({ ...r, created: false })));
    expect(await counts()).toEqual({ a: 3, cur: 3, f: 1, d: 1, dcur: 1 });
    const current = await repo().current(ids[0]!);
    expect(current).toMatchObject({
      outcome: 'no-board',
      inputHash: 'h1',
      current: true,
      rulesVersion: { reference: 'r1' },
    });
    expect(current!.findings.map((f) => f.code)).toEqual(['DOC_EXPIRED']);
  });

  it('with partial duplicates writes only the new inputs, one current assessment each', async () => {
    const r = await repo().storeMany([
      item(ids[0]!, 'h1', true), // seen
      item(ids[1]!, 'h2', true), // new input for a stored traveller
      item(ids[3]!, 'h1'), // new traveller
    ]);
    expect(r.map((x) => x.created)).toEqual([false, true, true]);
    expect(await counts()).toEqual({ a: 5, cur: 4, f: 2, d: 2, dcur: 2 });
    expect((await repo().current(ids[1]!))!.inputHash).toBe('h2');
  });

  it('applies a traveller listed twice in order, and an earlier input becomes current again', async () => {
    const r = await repo().storeMany([
      item(ids[4]!, 'h1'),
      item(ids[4]!, 'h2'),
      item(ids[1]!, 'h1'),
    ]);
    expect(r.map((x) => x.created)).toEqual([true, true, false]);
    expect((await repo().current(ids[4]!))!.inputHash).toBe('h2');
    expect((await repo().current(ids[1]!))!.inputHash).toBe('h1');
    expect(await counts()).toMatchObject({ a: 7, cur: 5 });
  });

  it('two workers storing the same inputs concurrently produce one result per input', async () => {
    const batch = ids.map((id) => item(id, 'h9', true));
    const [a, b] = await Promise.all([
      repo().storeMany(batch),
      repo().storeMany([...batch].reverse()),
    ]);
    const created = [...a!, ...b!].filter((x) => x.created).length;
    expect(created).toBe(ids.length);
    const dup = await db.sql.query(
      `SELECT "travellerId" FROM "Assessment" WHERE "travellerId" = ANY($1::uuid[])
     GROUP BY "travellerId", "inputHash" HAVING count(*) > 1
     UNION ALL
     SELECT "travellerId" FROM "Assessment" WHERE current AND "travellerId" = ANY($1::uuid[])
     GROUP BY "travellerId" HAVING count(*) > 1`,
      [ids],
    );
    expect(dup).toEqual([]);
    expect(await counts()).toMatchObject({ cur: ids.length, dcur: ids.length });
  });

  it("keeps each assessment's own reference versions in a mixed batch", async () => {
    const r = await repo().storeMany([
      { assessment: { ...item(ids[5]!, 'v1').assessment, versions: { reference: 'A' } } },
      { assessment: { ...item(ids[5]!, 'v2').assessment, versions: { reference: 'B' } } },
    ]);
    const rows = await db.prisma.assessment.findMany({
      where: { id: { in: r.map((x) => x.id) } },
      select: { inputHash: true, rulesVersion: true },
      orderBy: { inputHash: 'asc' },
    });
    expect(rows).toEqual([
      { inputHash: 'v1', rulesVersion: { reference: 'A' } },
      { inputHash: 'v2', rulesVersion: { reference: 'B' } },
    ]);
  });
});

describe('flight facts for sanctions', () => {
  it('carry the required elements each list left out, as the list then stood', async () => {
    const scheduled = (m: Manifest): Manifest => ({
      ...m,
      flight: {
        ...m.flight,
        legs: [
          {
            departure: { airport: 'LHR', local: '2026-12-24T10:00', utc: '2026-12-24T10:00Z' },
            arrival: { airport: 'JFK', local: '2026-12-24T13:00', utc: '2026-12-24T18:00Z' },
            overflight: false,
          },
        ],
      },
    });
    const gap = { ...traveller('Q1', 'QUEBEC'), birthDate: undefined };
    await apply(scheduled(manifest('61', 'original', [gap, traveller('Q2', 'ROMEO')])));
    await apply(scheduled(manifest('61', 'change', [traveller('Q1', 'QUEBEC')])));
    const facts = await createFlightFactsRepository(db.prisma).load('PG61/2026-12-24');
    if (!facts.ok) throw new Error(facts.message);
    const q1 = await db.prisma.traveller.findFirstOrThrow({ where: { surname: 'QUEBEC' } });
    expect(facts.facts.submissions.map((s) => s.missingElements)).toEqual([
      [{ travellerId: q1.id, element: 'date-of-birth' }],
      [],
    ]);
  });
});
