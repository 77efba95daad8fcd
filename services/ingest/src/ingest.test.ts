// The carrier submission thread against real PostgreSQL: archive first, parse, store, answer.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateManifest, generatePnrPush } from '@paxguard/demo-data';
import {
  createAssessmentRepository,
  createPnrRepository,
  openDatabase,
  parseDatabaseUrl,
  type Database,
} from '@paxguard/db';
import { createScreeningWorker, shippedReference } from '@paxguard/pipeline';
import { SubmissionAccepted } from '@paxguard/domain';
import { encodePaxlst as encodeResult } from '@paxguard/edifact';
import { createLogger, createMemoryBus, decodeEvent, type BusMessage } from '@paxguard/platform';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { buildApp } from './app.ts';
import { createIngestComponents, type IngestComponents } from './wiring.ts';

const SAMPLES = new URL('../../../packages/edifact/test-fixtures/gtas/paxlst/', import.meta.url);
const logger = createLogger({ service: 'test', level: process.env.TEST_LOG ?? 'silent' });
const encodePaxlst = (...args: Parameters<typeof encodeResult>): string => {
  const r = encodeResult(...args);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const env = (ref: string) => ({
  sender: 'UA',
  recipient: 'PAXGUARD',
  interchangeRef: ref,
  messageRef: ref,
  preparedAt: '2026-11-01T10:00',
});

describe('ingest over HTTP', () => {
  let pg: TestPostgres;
  let db: Database;
  let ingest: IngestComponents;
  let app: ReturnType<typeof buildApp>;
  const events: BusMessage[] = [];
  const bus = createMemoryBus({ logger });

  beforeAll(async () => {
    pg = await testPostgres();
    db = await openDatabase(parseDatabaseUrl(pg.url));
    const worker = createScreeningWorker({
      assessments: createAssessmentRepository(db),
      loadReference: async () => shippedReference(),
      clock: { now: () => new Date() },
      logger,
    });
    ingest = createIngestComponents({
      db,
      bus,
      logger,
      screener: worker.current,
      options: { mode: 'lenient', partTimeoutMs: 60_000, cardSalt: 'test-card-salt-0123456789' },
    });
    await ingest.carriers.ensure({ designator: 'UA', name: 'United', apiKey: 'ua-key' });
    await ingest.carriers.ensure({ designator: 'QQ', name: 'Other', apiKey: 'qq-key' });
    await bus.subscribe({
      groupId: 'observer',
      topics: [SubmissionAccepted.topic],
      handler: async (m) => void events.push(m),
    });
    app = buildApp({
      logger,
      ingest,
      checks: { database: () => db.ping() },
      shuttingDown: () => false,
    });
  });
  afterAll(async () => {
    await app?.close();
    await ingest?.stop();
    await db?.close();
    await pg?.drop();
  });

  const post = (body: string | Buffer, key = 'ua-key', type = 'application/edifact') =>
    app.inject({
      method: 'POST',
      url: '/v1/carrier/submissions',
      headers: { authorization: `Bearer ${key}`, 'content-type': type },
      payload: body,
    });

  it('refuses a missing or unknown API key with 401 and archives nothing', async () => {
    const before = await db.prisma.submission.count();
    expect((await post('UNA', 'nope')).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'POST', url: '/v1/carrier/submissions', payload: 'x' }))
        .statusCode,
    ).toBe(401);
    expect(await db.prisma.submission.count()).toBe(before);
  });

  it('archives, parses and stores a real GTAS PAXLST, then publishes the event', async () => {
    const raw = readFileSync(new URL('Test1.txt', SAMPLES));
    const res = await post(raw);
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.status).toBe('accepted');
    expect(body.flights[0].flightKey).toMatch(/^UA989\//);
    const sub = await db.prisma.submission.findUniqueOrThrow({ where: { id: body.submissionId } });
    expect(Buffer.from(sub.raw).equals(raw)).toBe(true);
    expect(sub.sha256).toMatch(/^[0-9a-f]{64}$/);
    const flight = await db.prisma.flight.findUniqueOrThrow({
      where: { key: body.flights[0].flightKey },
      include: { travellers: true },
    });
    expect(flight.travellers.length).toBe(body.flights[0].added);
    expect(flight.travellers.map((t) => t.surname)).toContain('Steur');
    await ingest.start();
    await new Promise((r) => setTimeout(r, 300));
    await bus.idle();
    const ev = events
      .map((m) => decodeEvent(SubmissionAccepted, m).payload)
      .find((p) => p.submissionId === body.submissionId);
    expect(ev?.travellerIds).toHaveLength(flight.travellers.length);
  });

  it('answers an identical resend as a duplicate without touching the flight', async () => {
    const raw = readFileSync(new URL('Test1.txt', SAMPLES));
    const res = await post(raw);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'duplicate' });
    const versions = await db.prisma.manifestVersion.count({
      where: { flight: { carrierCode: 'UA', number: '989' } },
    });
    expect(versions).toBe(1);
  });

  it('rejects garbage with a positioned error and keeps the bytes for inspection', async () => {
    const res = await post(
      "UNB+UNOA:4+X+Y+240101:1200+1'UNH+1+PAXLST:D:02B:UN:IATA'BGM+745'TDT+20'UNT+4+1'UNZ+1+1'",
    );
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.status).toBe('rejected');
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors[0]).toHaveProperty('code');
    const sub = await db.prisma.submission.findUniqueOrThrow({ where: { id: body.submissionId } });
    expect(sub.status).toBe('rejected');
    expect(Buffer.from(sub.raw).toString()).toContain('BGM+745');
  });

  it('refuses a manifest for another carrier designator', async () => {
    const m = generateManifest({
      seed: 1,
      carrier: 'QQ',
      number: '5',
      date: '2026-12-01',
      origin: 'LHR',
      destination: 'JFK',
      passengers: 2,
    });
    const res = await post(encodePaxlst(m, env('R1')));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].code).toBe('CARRIER_MISMATCH');
  });

  it('applies a change message as an update: new version, no duplicate travellers', async () => {
    const m = generateManifest({
      seed: 2,
      carrier: 'UA',
      number: '77',
      date: '2026-12-02',
      origin: 'FRA',
      destination: 'IAD',
      passengers: 5,
    });
    expect((await post(encodePaxlst(m, env('C1')))).json().flights[0]).toMatchObject({
      version: 1,
      added: 5,
    });
    const changed = {
      ...m,
      functionCode: 'change' as const,
      travellers: [
        { ...m.travellers[0]!, name: { surname: 'RENAMED', given: ['X'] } },
        m.travellers[1]!,
      ],
    };
    const r2 = (await post(encodePaxlst(changed, env('C2')))).json();
    expect(r2.flights[0]).toMatchObject({ version: 2, added: 0, changed: 1, unchanged: 1 });
    const cancel = {
      ...m,
      functionCode: 'cancel-reservation' as const,
      travellers: [m.travellers[2]!],
    };
    expect((await post(encodePaxlst(cancel, env('C3')))).json().flights[0]).toMatchObject({
      version: 3,
      statusChanges: 1,
    });
    const rows = await db.prisma.traveller.findMany({
      where: { flight: { key: 'UA77/2026-12-02' } },
    });
    expect(rows).toHaveLength(5);
    expect(rows.filter((t) => t.status === 'cancelled')).toHaveLength(1);
    expect(rows.find((t) => t.surname === 'RENAMED')?.revision).toBe(2);
  });

  it('holds the parts of a multi-part message until the last arrives, in any order', async () => {
    const m = generateManifest({
      seed: 3,
      carrier: 'UA',
      number: '88',
      date: '2026-12-03',
      origin: 'FRA',
      destination: 'IAD',
      passengers: 6,
    });
    const part = (n: number, last: boolean, travellers: typeof m.travellers) =>
      encodePaxlst(
        { ...m, travellers, declaredCount: undefined },
        { ...env(`MP${n}`), part: { number: n, last, commonAccessRef: 'MPREF' } },
      );
    const r2 = await post(part(2, true, m.travellers.slice(3)));
    expect(r2.json()).toMatchObject({
      status: 'pending-parts',
      pendingParts: { messageRef: 'MPREF', received: [2] },
    });
    const r1 = await post(part(1, false, m.travellers.slice(0, 3)));
    expect(r1.statusCode).toBe(202);
    expect(r1.json().flights[0]).toMatchObject({ flightKey: 'UA88/2026-12-03', added: 6 });
    const first = await db.prisma.submission.findUniqueOrThrow({
      where: { id: r2.json().submissionId },
    });
    expect(first.status).toBe('accepted');
  });

  it('rejects a JSON body that does not parse, saying why, and keeps it', async () => {
    const res = await post('{"flight": {', 'ua-key', 'application/json');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ code: 'JSON_SYNTAX' });
    expect(res.json().errors[0].message).toMatch(/^the body is not valid JSON: /);
    const kept = await db.prisma.submission.findUniqueOrThrow({
      where: { id: res.json().submissionId },
    });
    expect(kept.status).toBe('rejected');
    expect(Buffer.from(kept.raw).toString()).toBe('{"flight": {');
  });

  it('lets a carrier read its own submissions only', async () => {
    const mine = await app.inject({
      method: 'GET',
      url: '/v1/carrier/submissions',
      headers: { authorization: 'Bearer ua-key' },
    });
    expect(mine.json().submissions.length).toBeGreaterThan(3);
    const id = mine.json().submissions[0].id;
    const other = await app.inject({
      method: 'GET',
      url: `/v1/carrier/submissions/${id}`,
      headers: { authorization: 'Bearer qq-key' },
    });
    expect(other.statusCode).toBe(404);
  });

  it('measures each manifest it stored: minutes before departure, declared against listed, missing elements', async () => {
    const m = generateManifest({
      seed: 8,
      carrier: 'UA',
      number: '660',
      date: '2026-12-06',
      origin: 'FRA',
      destination: 'ORD',
      passengers: 4,
    });
    const [first, second, ...rest] = m.travellers;
    const gaps = [
      { ...first!, birthDate: undefined },
      { ...second!, nationality: undefined, documents: [] },
      ...rest,
    ];
    const res = await post(encodePaxlst({ ...m, travellers: gaps, declaredCount: 9 }, env('Q1')));
    expect(res.statusCode, res.body).toBe(202);
    const got = await app.inject({
      method: 'GET',
      url: `/v1/carrier/submissions/${res.json().submissionId}`,
      headers: { authorization: 'Bearer ua-key' },
    });
    const [q] = got.json().quality;
    const flight = await db.prisma.flight.findUniqueOrThrow({ where: { key: 'UA660/2026-12-06' } });
    const sub = await db.prisma.submission.findUniqueOrThrow({
      where: { id: res.json().submissionId },
    });
    expect(q).toMatchObject({
      flightKey: 'UA660/2026-12-06',
      version: 1,
      declaredCount: 9,
      listedCount: m.travellers.length,
      countMatches: false,
      travellersWithMissingElements: 2,
    });
    expect(q.minutesBeforeDeparture).toBeCloseTo(
      (flight.scheduledDeparture!.getTime() - sub.receivedAt.getTime()) / 60_000,
      0,
    );
    expect(q.missing.map((x: { elements: string[] }) => x.elements)).toEqual([
      ['date-of-birth'],
      ['nationality', 'document-type', 'document-number'],
    ]);
  });

  it('answers a check-in request at once: board, do not board, recorded as directives', async () => {
    const m = generateManifest({
      seed: 5,
      carrier: 'UA',
      number: '900',
      date: '2026-12-05',
      origin: 'FRA',
      destination: 'JFK',
      passengers: 2,
    });
    const us = (t: (typeof m.travellers)[number], expiry: string) => ({
      ...t,
      nationality: 'USA',
      documents: [
        { type: 'P', number: t.documents[0]!.number, issuingState: 'USA', expiryDate: expiry },
      ],
    });
    const request = {
      ...m,
      travellers: [us(m.travellers[0]!, '2030-01-01'), us(m.travellers[1]!, '2025-01-01')],
    };
    const res = await app.inject({
      method: 'POST',
      url: '/v1/carrier/iapi',
      headers: { authorization: 'Bearer ua-key', 'content-type': 'application/edifact' },
      payload: encodePaxlst(request, env('IAPI1')),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/edifact');
    expect(res.body).toContain('CUSRES');
    expect(res.body).toContain("ERC+0Z'");
    expect(res.body).toContain("ERC+1Z'");
    const json = await app.inject({
      method: 'POST',
      url: '/v1/carrier/iapi',
      headers: {
        authorization: 'Bearer ua-key',
        'content-type': 'application/json',
        accept: 'application/json',
      },
      payload: JSON.stringify({ ...request, source: undefined }),
    });
    expect(json.statusCode).toBe(200);
    expect(json.json().answers.map((a: { answer: string }) => a.answer)).toEqual([
      'board',
      'no-board',
    ]);
    const directives = await app.inject({
      method: 'GET',
      url: '/v1/carrier/directives?flight=UA900/2026-12-05',
      headers: { authorization: 'Bearer ua-key' },
    });
    const list = directives.json().directives as { answer: string; basis: string }[];
    expect(list.map((d) => d.answer).sort()).toEqual(['board', 'no-board']);
    expect(list.every((d) => d.basis === 'iapi')).toBe(true);
    // Another carrier sees none of them.
    const other = await app.inject({
      method: 'GET',
      url: '/v1/carrier/directives?flight=UA900/2026-12-05',
      headers: { authorization: 'Bearer qq-key' },
    });
    expect(other.json().directives).toEqual([]);
  });

  it('refuses with 503 and Retry-After when the database is gone, rather than accept and lose', async () => {
    const broken = await openDatabase(parseDatabaseUrl(pg.url));
    const worker = createScreeningWorker({
      assessments: createAssessmentRepository(broken),
      loadReference: async () => shippedReference(),
      clock: { now: () => new Date() },
      logger,
    });
    const components = createIngestComponents({
      db: broken,
      bus,
      logger,
      screener: worker.current,
      options: { mode: 'lenient', partTimeoutMs: 60_000, cardSalt: 'test-card-salt-0123456789' },
    });
    const down = buildApp({
      logger,
      ingest: components,
      checks: { database: () => broken.ping() },
      shuttingDown: () => false,
    });
    await broken.close();
    const res = await down.inject({
      method: 'POST',
      url: '/v1/carrier/submissions',
      headers: { authorization: 'Bearer ua-key', 'content-type': 'application/edifact' },
      payload: 'UNA',
    });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('10');
    expect((await down.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(503);
    await down.close();
  });

  it('stores the bookings of a PNRGOV push, card numbers masked, and refuses a push for another carrier', async () => {
    await ingest.carriers.ensure({ designator: 'DL', name: 'Delta', apiKey: 'dl-key' });
    const raw = readFileSync(new URL('../pnrgov/2_pnrs_basic.edi', SAMPLES));
    const res = await post(raw, 'dl-key');
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json();
    expect(body.format).toBe('PNRGOV');
    expect(body.flights[0]).toMatchObject({ flightKey: 'DL324/2010-12-12', added: 2, changed: 0 });
    const pnrs = await db.prisma.pnr.findMany({ where: { flightKey: 'DL324/2010-12-12' } });
    expect(pnrs.map((p) => p.bookingRef).sort()).toEqual(['23456', 'MFN4TI']);
    // Payments keep the masked card and a fingerprint, never a full number field.
    const payments = pnrs.flatMap(
      (p) => (p.data as { payments: { type: string; cardMasked?: string }[] }).payments,
    );
    expect(payments.some((p) => p.type === 'card' && p.cardMasked?.endsWith('1186'))).toBe(true);
    expect(JSON.stringify(payments)).not.toContain('cardNumber');
    // A push for another carrier's flight is refused.
    expect((await post(raw, 'ua-key')).json().errors[0].code).toBe('CARRIER_MISMATCH');
  });

  it('cancels the bookings a later full push no longer carries, and restores one that comes back', async () => {
    const m = generateManifest({
      seed: 77,
      carrier: 'UA',
      number: '880',
      date: '2026-12-20',
      origin: 'FRA',
      destination: 'ORD',
      destinationState: 'USA',
      passengers: 4,
    });
    expect((await post(encodePaxlst(m, env('PX1')))).statusCode).toBe(202);
    const push = generatePnrPush(m, { seed: 5, bookedAt: '2026-12-01T10:00' });
    expect(push.pnrs.length).toBeGreaterThan(2);
    const refs = push.pnrs.map((p) => p.bookingRef).sort();
    const [kept, ...gone] = refs as [string, ...string[]];
    const json = (body: unknown) => post(JSON.stringify(body), 'ua-key', 'application/json');
    const first = await json(push);
    expect(first.statusCode, first.body).toBe(202);
    const flightKey = first.json().flights[0].flightKey as string;
    const rows = () =>
      db.prisma.pnr.findMany({
        where: { flightKey },
        select: { bookingRef: true, cancelledAt: true, version: true },
        orderBy: { bookingRef: 'asc' },
      });

    // A changed-only push carrying one booking cancels nothing.
    const onlyKept = push.pnrs.filter((p) => p.bookingRef === kept);
    const changed = await json({ ...push, pushType: 'changed', pnrs: onlyKept });
    expect(changed.json().flights[0]).toMatchObject({ unchanged: 1, statusChanges: 0 });
    expect((await rows()).every((r) => r.cancelledAt === null)).toBe(true);

    // A full push carrying one booking: the others were cancelled, and kept as evidence.
    const full = await json({ ...push, messageVersion: '13.1', pnrs: onlyKept, pushType: 'full' });
    expect(full.json().flights[0]).toMatchObject({ unchanged: 1, statusChanges: gone.length });
    const after = await rows();
    expect(after.filter((r) => r.cancelledAt).map((r) => r.bookingRef)).toEqual(gone);
    expect(after.find((r) => r.bookingRef === gone[0])!.version).toBe(2);
    const pnrs = createPnrRepository(db.prisma);
    expect((await pnrs.forFlight(flightKey)).map((p) => p.bookingRef)).toEqual([kept]);
    expect(await pnrs.forBooking(flightKey, gone[0]!)).toBeUndefined();
    // Its travellers are named for re-screening without the booking.
    const [event] = await db.prisma.outboxMessage.findMany({
      where: { envelope: { path: ['payload', 'submissionId'], equals: full.json().submissionId } },
    });
    const named = SubmissionAccepted.payload.parse(
      (event!.envelope as { payload: unknown }).payload,
    ).travellerIds;
    const goneTravellers = await db.prisma.traveller.findMany({
      where: {
        flight: { key: flightKey },
        OR: gone.map((ref) => ({ data: { path: ['references', 'booking'], equals: ref } })),
      },
      select: { id: true },
    });
    expect(goneTravellers.length).toBeGreaterThanOrEqual(gone.length);
    expect(named.sort()).toEqual(goneTravellers.map((t) => t.id).sort());

    // The same booking pushed again, unchanged in content, stands again.
    const back = await json({
      ...push,
      pnrs: push.pnrs.filter((p) => p.bookingRef === gone[0]),
      pushType: 'changed',
    });
    expect(back.json().flights[0]).toMatchObject({ changed: 1 });
    expect((await pnrs.forBooking(flightKey, gone[0]!))?.bookingRef).toBe(gone[0]);
  });
});
