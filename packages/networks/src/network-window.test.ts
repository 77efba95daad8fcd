import { Pnr } from '@paxguard/domain';
import { describe, expect, it } from 'vitest';
import { bookingRecordFromPnr } from './booking-record.ts';
import type { BookingRecordInput } from './booking-record.ts';
import type { NetworkWindow } from './network-window.ts';
import { createNetworkWindow } from './network-window.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const at = (days: number): string => new Date(T0 + days * DAY).toISOString();
const now = (days: number): Date => new Date(T0 + days * DAY);

function booking(
  ref: string,
  day: number,
  extra: Partial<BookingRecordInput> = {},
): BookingRecordInput {
  return {
    bookingRef: ref,
    carrier: 'XX',
    observedAt: at(day),
    travellers: [{ id: `p-${ref}`, surname: `S${ref}` }],
    ...extra,
  };
}

function windowOf(
  days = 30,
  more: Partial<ConstructorParameters<typeof NetworkWindow>[0]> = {},
): NetworkWindow {
  const r = createNetworkWindow({ windowMs: days * DAY, ...more });
  if (!r.ok) throw new Error('window');
  return r.value;
}

describe('linking per identifier type', () => {
  const cases: [string, Partial<BookingRecordInput>, Partial<BookingRecordInput>][] = [
    [
      'phone, written two ways',
      { phones: ['+44 20 7946 0958'] },
      { phones: ['0044-20-7946-0958'] },
    ],
    [
      'e-mail, gmail dots and tags',
      { emails: ['john.doe@gmail.com'] },
      { emails: ['JohnDoe+b@googlemail.com'] },
    ],
    [
      'card fingerprint',
      { cardFingerprints: ['ab12cd34ef56'] },
      { cardFingerprints: ['AB12CD34EF56'] },
    ],
    [
      'payer name in any order',
      { payers: [{ name: 'Karl Smith' }] },
      { payers: [{ name: 'SMITH, KARL' }] },
    ],
    [
      'payer phone meets contact phone',
      { payers: [{ phone: '+381 11 123 4567' }] },
      { phones: ['+381111234567'] },
    ],
    [
      'address folded',
      { addresses: [{ street: '5 Station Road', postalCode: 'AB1 2CD' }] },
      { addresses: [{ street: '5, station rd.', postalCode: 'ab1 2cd' }] },
    ],
    [
      'same traveller in two bookings',
      { travellers: [{ id: 'doc:UTO:X1' }] },
      { travellers: [{ id: 'doc:UTO:X1' }] },
    ],
  ];
  it.each(cases)('%s', (_n, a, b) => {
    const w = windowOf();
    expect(w.add(booking('A', 0, a), now(0)).ok).toBe(true);
    expect(w.add(booking('B', 0, b), now(0)).ok).toBe(true);
    expect(w.add(booking('C', 0), now(0)).ok).toBe(true);
    expect(w.connected('XX/A', 'XX/B')).toBe(true);
    expect(w.connected('XX/A', 'XX/C')).toBe(false);
    expect(w.groups()).toEqual([['XX/A', 'XX/B']]);
  });

  it('does not link through the agency alone', () => {
    const w = windowOf();
    w.add(booking('A', 0, { agencyId: 'AG1' }), now(0));
    w.add(booking('B', 0, { agencyId: 'AG1' }), now(0));
    expect(w.connected('XX/A', 'XX/B')).toBe(false);
  });

  it('links transitively into one group', () => {
    const w = windowOf();
    w.add(booking('A', 0, { phones: ['+111111111'] }), now(0));
    w.add(booking('B', 0, { phones: ['+111111111'], emails: ['x@y.org'] }), now(0));
    w.add(booking('C', 0, { emails: ['X@Y.org'] }), now(0));
    expect(w.groups().map((g) => g.sort())).toEqual([['XX/A', 'XX/B', 'XX/C']]);
  });

  it('ignores listed identifiers (carrier call centre)', () => {
    const w = windowOf(30, { ignore: ['phone:+18005550100'] });
    w.add(booking('A', 0, { phones: ['+1 800 555 0100'] }), now(0));
    w.add(booking('B', 0, { phones: ['+1-800-555-0100'] }), now(0));
    expect(w.groups()).toEqual([]);
  });

  it('stops joining groups through a hub identifier', () => {
    const w = windowOf(30, { hubLimit: 3 });
    for (const r of ['A', 'B', 'C', 'D']) w.add(booking(r, 0, { phones: ['+222222222'] }), now(0));
    expect(w.groups()).toEqual([]);
    expect(w.bookingsWith('phone:+222222222')).toHaveLength(4);
  });
});

describe('sliding window', () => {
  it('evicts bookings older than the window and splits groups they held together', () => {
    const w = windowOf(10);
    w.add(booking('A', 0, { phones: ['+111111111'] }), now(0));
    w.add(booking('B', 5, { phones: ['+111111111'], emails: ['m@x.org'] }), now(5));
    w.add(booking('C', 8, { emails: ['m@x.org'] }), now(8));
    w.add(booking('D', 9, { phones: ['+111111111'] }), now(9));
    expect(w.groups()).toHaveLength(1);
    expect(w.evict(now(12))).toBe(1);
    expect(w.size).toBe(3);
    expect(w.booking('XX/A')).toBeUndefined();
    expect(w.groups()[0]?.sort()).toEqual(['XX/B', 'XX/C', 'XX/D']);
    expect(w.evict(now(16))).toBe(1);
    // B held C to D: without it they fall apart.
    expect(w.groups()).toEqual([]);
    expect(w.bookingsWith('phone:+111111111').map((b) => b.bookingRef)).toEqual(['D']);
  });

  it('refuses a booking already outside the window', () => {
    const r = windowOf(10).add(booking('A', 0), now(11));
    expect(r.ok ? '' : r.issues[0]?.code).toBe('STALE_BOOKING');
  });

  it('replaces a re-sent booking instead of duplicating it, and evicts by its new time', () => {
    const w = windowOf(10);
    w.add(booking('A', 0, { phones: ['+111111111'] }), now(0));
    const again = w.add(booking('A', 6, { emails: ['q@x.org'] }), now(6));
    expect(again).toEqual({ ok: true, key: 'XX/A', replaced: true });
    expect(w.size).toBe(1);
    expect(w.bookingsWith('phone:+111111111')).toEqual([]);
    expect(w.evict(now(12))).toBe(0);
    expect(w.size).toBe(1);
  });
});

describe('input validation', () => {
  it('returns precise issues for a bad booking and a bad clock', () => {
    const w = windowOf();
    const r = w.add({ bookingRef: '', observedAt: 'yesterday', travellers: [] }, now(0));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => i.path).sort()).toEqual([
        'bookingRef',
        'observedAt',
        'travellers',
      ]);
    const c = w.add(booking('A', 0), new Date('x'));
    expect(c.ok ? '' : c.issues[0]?.code).toBe('BAD_INSTANT');
    expect(createNetworkWindow({ windowMs: 0 }).ok).toBe(false);
    expect(createNetworkWindow({ windowMs: 1, hubLimit: 1 }).ok).toBe(false);
  });
});

describe('bookingRecordFromPnr', () => {
  it('maps contacts, payment, agency, route and persons', () => {
    const pnr = Pnr.parse({
      bookingRef: 'QWE123',
      carrier: 'XX',
      originator: { agencyId: '999' },
      contacts: { phones: ['+381 11 1234567'], emails: [] },
      travellers: [
        {
          name: { surname: 'DOE', given: ['JOHN'] },
          documents: [{ type: 'P', number: 'x123', issuingState: 'UTO' }],
          tickets: [{ number: '1', oneWay: true }],
        },
        { name: { surname: 'ROE', given: ['ANN'] }, birthDate: '2010-01-01' },
      ],
      payments: [
        { type: 'cash', payer: { name: 'KARL SMITH', email: 'k@x.org' } },
        { type: 'card', cardFingerprint: 'f00dfeed', cardHolder: 'KARL SMITH' },
      ],
      itinerary: [
        { carrier: 'XX', number: '1', departure: { airport: 'IST' }, arrival: { airport: 'BEG' } },
        { carrier: 'XX', number: '2', departure: { airport: 'BEG' }, arrival: { airport: 'LHR' } },
      ],
    });
    const r = bookingRecordFromPnr(pnr, '2026-03-01T00:00:00Z', 'XX1/2026-03-02');
    expect(r).toMatchObject({
      bookingRef: 'QWE123',
      flightKeys: ['XX1/2026-03-02'],
      travellers: [
        { id: 'doc:UTO:X123', surname: 'DOE' },
        { id: 'name:ROE:ANN:2010-01-01', surname: 'ROE' },
      ],
      phones: ['+381 11 1234567'],
      cardFingerprints: ['f00dfeed'],
      payers: [{ name: 'KARL SMITH', email: 'k@x.org' }, { name: 'KARL SMITH' }],
      agencyId: '999',
      route: { origin: 'IST', destination: 'LHR', via: ['BEG'] },
      paymentTypes: ['cash', 'card'],
      oneWay: true,
    });
    const w = windowOf();
    expect(w.add(r, now(0)).ok).toBe(true);
  });
});
