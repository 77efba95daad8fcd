import { Finding } from '@paxguard/domain';
import { describe, expect, it } from 'vitest';
import type { BookingRecordInput } from './booking-record.ts';
import { detectFacilitators } from './facilitator-patterns.ts';
import { alertsForFlight, networkFindings } from './network-findings.ts';
import { createNetworkWindow } from './network-window.ts';
import type { NetworkWindow } from './network-window.ts';
import { parseSmugglingRoutes } from './smuggling-routes.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const NOW = new Date(T0 + 10 * DAY);

function load(bookings: BookingRecordInput[]): NetworkWindow {
  const r = createNetworkWindow({ windowMs: 30 * DAY });
  if (!r.ok) throw new Error('window');
  for (const b of bookings) {
    const a = r.value.add(b, NOW);
    if (!a.ok) throw new Error(JSON.stringify(a.issues));
  }
  return r.value;
}

let n = 0;
function booking(
  extra: Partial<BookingRecordInput> & { people?: [string, string][] },
): BookingRecordInput {
  n++;
  const { people, ...rest } = extra;
  return {
    bookingRef: `B${n}`,
    carrier: 'XX',
    observedAt: new Date(T0 + n * 60_000).toISOString(),
    flightKeys: [`XX${n % 3}/2026-03-05`],
    travellers: (people ?? [[`p${n}`, `FAM${n}`]]).map(([id, surname]) => ({ id, surname })),
    ...rest,
  };
}

const ROUTES = parseSmugglingRoutes(
  JSON.stringify([
    {
      id: 'R1',
      name: 'Balkan air',
      origins: ['IST'],
      destinations: ['LHR', 'CDG'],
      via: ['BEG'],
      source: 'test',
    },
  ]),
);
if (!ROUTES.ok) throw new Error('routes');

describe('shared contact or payer', () => {
  it('fires on one phone across unrelated bookings and points at the phone', () => {
    const w = load([1, 2, 3].map(() => booking({ phones: ['+381 60 1234567'] })));
    const [a, ...rest] = detectFacilitators(w);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({
      pattern: 'shared-contact',
      facilitator: { kind: 'phone', value: '+381601234567' },
      metrics: { bookings: 3, unrelatedBookings: 3, travellers: 3 },
    });
  });

  it('fires on a payer and on a card fingerprint', () => {
    const w = load([
      ...[1, 2, 3].map(() => booking({ payers: [{ name: 'Karl Smith' }] })),
      ...[1, 2, 3].map(() => booking({ cardFingerprints: ['deadbeef01'] })),
    ]);
    expect(
      detectFacilitators(w)
        .map((a) => `${a.facilitator.kind}:${a.facilitator.value}`)
        .sort(),
    ).toEqual(['card:deadbeef01', 'payer:KARL SMITH']);
  });

  it('does not fire when the bookings are one family booking several times', () => {
    const w = load(
      [1, 2, 3].map((i) => booking({ phones: ['+381601234567'], people: [[`k${i}`, 'PETROVIC']] })),
    );
    expect(detectFacilitators(w)).toEqual([]);
  });

  it('does not fire below the threshold', () => {
    const w = load([1, 2].map(() => booking({ emails: ['boss@x.org'] })));
    expect(detectFacilitators(w)).toEqual([]);
    expect(detectFacilitators(w, { minUnrelatedBookings: 2 })).toHaveLength(1);
  });
});

describe('agency selling cash one-way tickets on a known route', () => {
  const onRoute = { origin: 'IST', destination: 'LHR', via: ['BEG'] };
  it('fires with the route named, and only counts matching bookings', () => {
    const w = load([
      ...[1, 2, 3, 4, 5].map(() =>
        booking({ agencyId: 'AG-7', paymentTypes: ['cash'], oneWay: true, route: onRoute }),
      ),
      booking({ agencyId: 'AG-7', paymentTypes: ['card'], oneWay: true, route: onRoute }),
      booking({ agencyId: 'AG-7', paymentTypes: ['cash'], oneWay: false, route: onRoute }),
      booking({
        agencyId: 'AG-7',
        paymentTypes: ['cash'],
        oneWay: true,
        route: { origin: 'IST', destination: 'LHR', via: [] },
      }),
    ]);
    const [a] = detectFacilitators(w, { routes: ROUTES.value });
    expect(a).toMatchObject({
      pattern: 'agency-cash-one-way-route',
      facilitator: { kind: 'agency', value: 'AG7' },
      route: { id: 'R1', name: 'Balkan air' },
      metrics: { bookings: 8, cashOneWayOnRoute: 5 },
    });
    expect(a?.bookingRefs).toHaveLength(5);
  });

  it('needs the route list, enough bookings and a high enough share', () => {
    const few = load(
      [1, 2, 3, 4].map(() =>
        booking({ agencyId: 'AG8', paymentTypes: ['cash'], oneWay: true, route: onRoute }),
      ),
    );
    expect(detectFacilitators(few, { routes: ROUTES.value })).toEqual([]);
    const five = load(
      [1, 2, 3, 4, 5].map(() =>
        booking({ agencyId: 'AG8', paymentTypes: ['cash'], oneWay: true, route: onRoute }),
      ),
    );
    expect(detectFacilitators(five)).toEqual([]);
    const diluted = load([
      ...[1, 2, 3, 4, 5].map(() =>
        booking({ agencyId: 'AG9', paymentTypes: ['cash'], oneWay: true, route: onRoute }),
      ),
      ...Array.from({ length: 20 }, () => booking({ agencyId: 'AG9', paymentTypes: ['card'] })),
    ]);
    expect(detectFacilitators(diluted, { routes: ROUTES.value })).toEqual([]);
  });

  it('rejects a malformed route list precisely', () => {
    const r = parseSmugglingRoutes([{ id: 'R', origins: ['istanbul'] }, { id: 'S' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['0.origins.0', '1']);
  });
});

describe('same person travelling with different groups', () => {
  it('fires on the escort and lists the others as possible victims', () => {
    const w = load([
      booking({
        people: [
          ['escort', 'ESC'],
          ['a1', 'AA'],
          ['a2', 'AB'],
        ],
      }),
      booking({
        people: [
          ['escort', 'ESC'],
          ['b1', 'BA'],
        ],
      }),
      booking({
        people: [
          ['escort', 'ESC'],
          ['c1', 'CA'],
          ['c2', 'CB'],
        ],
      }),
    ]);
    const [a] = detectFacilitators(w);
    expect(a).toMatchObject({
      pattern: 'repeat-escort',
      facilitator: { kind: 'person', value: 'escort' },
      metrics: { groups: 3 },
    });
    expect(a?.possibleVictims).toEqual(['a1', 'a2', 'b1', 'c1', 'c2']);
  });

  it('does not fire for a person travelling with the same companions or with family', () => {
    const same = load(
      [1, 2, 3].map(() =>
        booking({
          people: [
            ['x', 'X'],
            ['y', 'Y'],
          ],
        }),
      ),
    );
    expect(detectFacilitators(same)).toEqual([]);
    const family = load(
      [1, 2, 3].map((i) =>
        booking({
          people: [
            ['mum', 'KAYA'],
            [`kid${i}`, 'KAYA'],
          ],
        }),
      ),
    );
    expect(detectFacilitators(family)).toEqual([]);
  });
});

describe('evidence and findings', () => {
  const w = load([
    booking({
      phones: ['+381601234567'],
      emails: ['hub@x.org'],
      people: [
        ['v1', 'V1'],
        ['v2', 'V2'],
      ],
    }),
    booking({ phones: ['+381601234567'], emails: ['hub@x.org'], people: [['v3', 'V3']] }),
    booking({ phones: ['+381601234567'], people: [['v4', 'V4']] }),
  ]);
  const alerts = detectFacilitators(w);
  const phone = alerts.find((a) => a.facilitator.kind === 'phone');

  it('carries the subgraph: facilitator, bookings, travellers, shared identifiers', () => {
    expect(phone).toBeDefined();
    const g = phone!.subgraph;
    const ids = g.nodes.map((x) => x.id);
    expect(ids).toContain('phone:+381601234567');
    expect(ids).toContain('email:hub@x.org');
    expect(ids.filter((i) => i.startsWith('booking:'))).toHaveLength(3);
    expect(ids.filter((i) => i.startsWith('person:')).sort()).toEqual([
      'person:v1',
      'person:v2',
      'person:v3',
      'person:v4',
    ]);
    expect(g.edges.filter((e) => e.from === 'phone:+381601234567')).toHaveLength(3);
    expect(g.edges.filter((e) => e.from === 'email:hub@x.org')).toHaveLength(2);
    expect(g.truncated).toBe(false);
    expect(
      detectFacilitators(w, { maxEvidenceBookings: 2 }).find((a) => a.facilitator.kind === 'phone')
        ?.subgraph.truncated,
    ).toBe(true);
  });

  it('becomes refer findings about the facilitator, with travellers only as possible victims', () => {
    const findings = networkFindings(alerts, {
      rulesVersion: '2026-03',
      window: { from: '2026-02-09T00:00:00Z', to: NOW.toISOString() },
    });
    const f = findings.find(
      (x) =>
        x.code === 'NETWORK_SHARED_CONTACT' &&
        (x.evidence?.['facilitator'] as { kind: string }).kind === 'phone',
    );
    expect(Finding.parse(f)).toMatchObject({
      source: 'network',
      severity: 'refer',
      rule: { id: 'network.shared-contact', version: '2026-03' },
    });
    expect(f?.evidence).toMatchObject({
      facilitator: { kind: 'phone', value: '+381601234567' },
      possibleVictims: ['v1', 'v2', 'v3', 'v4'],
      bookingRefs: phone!.bookingRefs,
    });
    expect(f?.message).toMatch(
      /possible victims \(Smuggling of Migrants Protocol art\. 5 and 16\), not as suspects/,
    );
    expect(f?.evidence).not.toHaveProperty('travellerScores');
  });

  it('selects the alerts touching one flight', () => {
    const key = phone!.flightKeys[0] as string;
    expect(alertsForFlight(alerts, key)).toContain(phone);
    expect(alertsForFlight(alerts, 'ZZ9/2026-01-01')).toEqual([]);
  });
});
