// Screening against real PostgreSQL: every traveller of an accepted manifest gets exactly one
// current assessment, redelivery changes nothing, and objective failures become directives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateManifest, generatePnrPush } from '@paxguard/demo-data';
import {
  createSmugglingRoutesRepository,
  openDatabase,
  parseDatabaseUrl,
  type Database,
} from '@paxguard/db';
import { encodePaxlst } from '@paxguard/edifact';
import { createIngestComponents, type IngestComponents } from '@paxguard/ingest';
import { createLogger, createMemoryBus } from '@paxguard/platform';
import { testPostgres, type TestPostgres } from '@paxguard/test-support';
import { createScreeningComponents, type ScreeningComponents } from './wiring.ts';

const logger = createLogger({ service: 'test', level: 'silent' });

describe('screening worker', () => {
  let pg: TestPostgres;
  let db: Database;
  let ingest: IngestComponents;
  let screening: ScreeningComponents;
  const bus = createMemoryBus({ logger });

  beforeAll(async () => {
    pg = await testPostgres();
    db = await openDatabase(parseDatabaseUrl(pg.url));
    screening = createScreeningComponents({ db, bus, logger });
    ingest = createIngestComponents({
      db,
      bus,
      logger,
      screener: screening.worker.current,
      options: { mode: 'lenient', partTimeoutMs: 60_000, cardSalt: 'test-card-salt-0123456789' },
    });
    await ingest.carriers.ensure({ designator: 'PG', name: 'Demo', apiKey: 'k' });
    await ingest.start();
    await screening.start();
  });
  afterAll(async () => {
    await screening?.stop();
    await ingest?.stop();
    await bus.close();
    await db?.close();
    await pg?.drop();
  });

  async function submitAndSettle(seed: number, number: string) {
    const m = generateManifest({
      seed,
      carrier: 'PG',
      number,
      date: '2026-12-20',
      origin: 'LHR',
      destination: 'JFK',
      passengers: 60,
      crew: 3,
      expiredShare: 0.1,
    });
    const enc = encodePaxlst(m, {
      sender: 'PG',
      recipient: 'X',
      interchangeRef: `S${seed}`,
      messageRef: `S${seed}`,
      preparedAt: '2026-12-19T10:00',
    });
    if (!enc.ok) throw new Error('encode');
    const carrier = (await ingest.carriers.findByDesignator('PG'))!;
    const r = await ingest.ingest.submit({ carrier, channel: 'http', raw: Buffer.from(enc.value) });
    expect(r.status).toBe('accepted');
    for (let i = 0; i < 100; i++) {
      await new Promise((res) => setTimeout(res, 100));
      await bus.idle();
      const missing = await db.prisma.traveller.count({
        where: {
          flight: { key: `PG${number}/2026-12-20` },
          assessments: { none: { current: true } },
        },
      });
      if (missing === 0) break;
    }
    return m;
  }

  /** Submits a JSON booking push for carrier PG; it must be accepted. */
  async function submitPnr(push: unknown) {
    const carrier = (await ingest.carriers.findByDesignator('PG'))!;
    const r = await ingest.ingest.submit({
      carrier,
      channel: 'http',
      contentType: 'application/json',
      raw: Buffer.from(JSON.stringify(push)),
    });
    expect(r.status, JSON.stringify(r.errors)).toBe('accepted');
    return r;
  }

  const unpublishedNone = async () =>
    (await db.prisma.outboxMessage.count({ where: { publishedAt: null } })) === 0;

  /**
   * Lets the bus and the workers run until `until` holds (5 s at most) and every handler has
   * finished, so an assertion that something did NOT happen is made after the work, not before.
   */
  async function settle(until: () => Promise<boolean>) {
    for (let i = 0; i < 50 && !(await until()); i++) {
      await new Promise((res) => setTimeout(res, 100));
      await bus.idle();
    }
    await bus.idle();
  }

  it('assesses every traveller once, with findings and the reference versions', async () => {
    const m = await submitAndSettle(31, '31');
    const travellers = await db.prisma.traveller.findMany({
      where: { flight: { key: 'PG31/2026-12-20' } },
      include: { assessments: { include: { findings: true } } },
    });
    expect(travellers).toHaveLength(63);
    for (const t of travellers) expect(t.assessments.filter((a) => a.current)).toHaveLength(1);
    const expired = m.travellers.filter((t) => t.documents[0]!.expiryDate! < '2026-12-20').length;
    expect(expired).toBeGreaterThan(0);
    const noBoard = travellers.filter((t) => t.assessments[0]!.outcome === 'no-board');
    expect(noBoard.length).toBeGreaterThanOrEqual(expired);
    const withExpired = noBoard.filter((t) =>
      t.assessments[0]!.findings.some((f) => f.code === 'DOC_EXPIRED'),
    );
    expect(withExpired.length).toBe(expired);
    expect((noBoard[0]!.assessments[0]!.rulesVersion as Record<string, string>).entryRules).toMatch(
      /entry-rules@/,
    );
    // Objective failures are answered to the carrier automatically, and recorded.
    const directives = await db.prisma.directive.findMany({
      where: { travellerId: { in: noBoard.map((t) => t.id) }, current: true },
    });
    expect(directives).toHaveLength(noBoard.length);
    expect(directives.every((d) => d.answer === 'no-board' && d.basis === 'screening')).toBe(true);
  });

  it('is idempotent: assessing the same travellers again writes nothing new', async () => {
    const ids = (
      await db.prisma.traveller.findMany({
        where: { flight: { key: 'PG31/2026-12-20' } },
        select: { id: true },
      })
    ).map((t) => t.id);
    const before = await db.prisma.assessment.count();
    const report = await screening.worker.assessTravellers(ids);
    expect(report).toMatchObject({ assessed: 63, created: 0 });
    expect(await db.prisma.assessment.count()).toBe(before);
  });

  it('re-screens only what changed when a manifest changes', async () => {
    const m = await submitAndSettle(32, '32');
    const before = await db.prisma.assessment.count();
    const carrier = (await ingest.carriers.findByDesignator('PG'))!;
    const changed = {
      ...m,
      functionCode: 'change' as const,
      declaredCount: undefined,
      travellers: [
        { ...m.travellers[0]!, name: { surname: 'CHANGED', given: ['X'] } },
        m.travellers[1]!,
      ],
    };
    const enc = encodePaxlst(changed, {
      sender: 'PG',
      recipient: 'X',
      interchangeRef: 'S32b',
      messageRef: 'S32b',
      preparedAt: '2026-12-19T11:00',
    });
    await ingest.ingest.submit({
      carrier,
      channel: 'http',
      raw: Buffer.from(enc.ok ? enc.value : ''),
    });
    for (let i = 0; i < 50 && (await db.prisma.assessment.count()) === before; i++) {
      await new Promise((res) => setTimeout(res, 100));
      await bus.idle();
    }
    expect(await db.prisma.assessment.count()).toBe(before + 1);
    const t = await db.prisma.traveller.findFirstOrThrow({
      where: { surname: 'CHANGED' },
      include: { assessments: true },
    });
    expect(t.assessments).toHaveLength(2);
    expect(t.assessments.filter((a) => a.current)).toHaveLength(1);
  });

  it('finds a facilitator behind bookings that share one phone, pointing at the phone, not the travellers', async () => {
    const m = await submitAndSettle(33, '33');
    await submitPnr(
      generatePnrPush(m, {
        seed: 5,
        bookedAt: '2026-12-01T10:00',
        facilitator: { phone: '+905550100200', bookings: 5 },
      }),
    );
    let alerts: Awaited<ReturnType<typeof db.prisma.networkAlert.findMany>> = [];
    await settle(async () => {
      alerts = await db.prisma.networkAlert.findMany({ where: { flightKey: 'PG33/2026-12-20' } });
      return alerts.length > 0;
    });
    const phone = alerts.find((a) => a.facilitatorKind === 'phone');
    expect(phone?.facilitatorValue).toContain('905550100200');
    const evidence = phone!.evidence as { bookingRefs: string[]; possibleVictims: string[] };
    expect(evidence.bookingRefs).toHaveLength(5);
    expect(evidence.possibleVictims.length).toBe(5);
    // Travellers are not scored by the network finding: their assessments carry none.
    const networkFindings = await db.prisma.finding.count({ where: { source: 'network' } });
    expect(networkFindings).toBe(0);
  });
  it('finds an agency selling cash one-way tickets on a known route once the route list arrives', async () => {
    const m = await submitAndSettle(34, '34');
    await submitPnr(
      generatePnrPush(m, {
        seed: 6,
        bookedAt: '2026-12-01T10:00',
        agency: { id: 'AG-777', bookings: 7 },
      }),
    );
    const agencyAlerts = () =>
      db.prisma.networkAlert.findMany({
        where: { flightKey: 'PG34/2026-12-20', pattern: 'agency-cash-one-way-route' },
      });
    // The push is analysed (its flight gets its analysis) but no route is known yet.
    await settle(unpublishedNone);
    expect(await agencyAlerts()).toEqual([]);

    // A supervisor stores the route list: link analysis runs again over the window.
    await createSmugglingRoutesRepository(db.prisma).importText(
      JSON.stringify({
        version: 't-1',
        source: 'test',
        routes: [{ id: 'LHR-JFK-TEST', origins: ['LHR'], destinations: ['JFK'] }],
      }),
      { id: 'sup', role: 'supervisor' },
    );
    await settle(async () => (await agencyAlerts()).length > 0);
    const [alert] = await agencyAlerts();
    expect(alert).toMatchObject({ facilitatorKind: 'agency', facilitatorValue: 'AG777' });
    const evidence = alert!.evidence as { bookingRefs: string[]; route: { id: string } };
    expect(evidence.bookingRefs).toHaveLength(7);
    expect(evidence.route.id).toBe('LHR-JFK-TEST');
  });
  it('re-screens a traveller without the booking a later full push no longer carries', async () => {
    const m = await submitAndSettle(35, '35');
    const push = generatePnrPush(m, { seed: 7, bookedAt: '2026-12-01T10:00' });
    const send = async (pnrs: typeof push.pnrs) => {
      await submitPnr({ ...push, pnrs });
      await settle(unpublishedNone);
    };
    const current = async (booking: string) =>
      db.prisma.assessment.findFirstOrThrow({
        where: {
          current: true,
          traveller: {
            flight: { key: 'PG35/2026-12-20' },
            data: { path: ['references', 'booking'], equals: booking },
          },
        },
        select: { id: true, inputHash: true },
      });
    const [gone, kept] = [push.pnrs[0]!.bookingRef, push.pnrs[1]!.bookingRef];
    const noBooking = await current(gone);
    await send(push.pnrs);
    const withBooking = await current(gone);
    expect(withBooking.inputHash).not.toBe(noBooking.inputHash);
    const keptBefore = await current(kept);

    await send(push.pnrs.slice(1));
    const after = await current(gone);
    expect(after.id).not.toBe(withBooking.id);
    // Screened again on the traveller alone: the same input as before any booking arrived.
    expect(after.inputHash).toBe(noBooking.inputHash);
    expect((await current(kept)).id).toBe(keptBefore.id);
  });
});
