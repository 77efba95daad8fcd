import { PnrPush } from '@paxguard/domain';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureNames } from '../test-fixtures/gtas-fixtures.ts';
import { decodePnrgov } from './pnrgov-decoder.ts';

function push(name: string): PnrPush {
  const r = decodePnrgov(fixture('pnrgov', name), { mode: 'lenient', cardSalt: 'test' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  expect(r.value).toHaveLength(1);
  return r.value[0]!;
}

/** SRC groups in the text: the sample's EQN is not always right, the SRC count is. */
function srcCount(text: string): number {
  return (text.match(/(^|['\s])SRC'/g) ?? []).length;
}

describe('decodePnrgov on every GTAS sample', () => {
  for (const name of fixtureNames('pnrgov')) {
    it(`${name}: parses, schema-valid, one PNR per SRC, EQN cross-checked`, () => {
      const text = fixture('pnrgov', name);
      const p = push(name);
      expect(PnrPush.safeParse(p).success).toBe(true);
      expect(p.pnrs.length).toBe(srcCount(text));
      const r = decodePnrgov(text, { mode: 'lenient' });
      const eqnWarned = r.warnings.some((w) => w.code === 'EQN_MISMATCH');
      expect(eqnWarned).toBe(p.declaredPnrCount !== p.pnrs.length);
      for (const pnr of p.pnrs) expect(pnr.travellers.length).toBeGreaterThan(0);
    });
  }
});

describe('decodePnrgov fields', () => {
  it('2_pnrs_basic.edi (10.1): booking, originator, DOCS, tickets, card masked, payer, itinerary, history', () => {
    const p = push('2_pnrs_basic.edi');
    expect(p).toMatchObject({
      messageVersion: '10.1',
      pushType: 'full',
      flight: { carrier: 'DL', number: '324' },
      declaredPnrCount: 2,
    });
    expect(p.flight.departure).toEqual({
      airport: 'LHR',
      local: '2010-12-12T09:15',
      utc: '2010-12-12T09:15:00.000Z',
    });
    const pnr = p.pnrs[0]!;
    expect(pnr).toMatchObject({
      bookingRef: 'MFN4TI',
      carrier: 'DL',
      lastModifiedAt: '2010-12-06T10:10',
      originator: { airline: 'DL', agencyId: '52519950', type: 'A', currency: 'GBP' },
    });
    const smith = pnr.travellers[0]!;
    expect(smith).toMatchObject({
      ref: '1',
      name: { surname: 'SMITHJR' },
      birthDate: '1964-07-12',
      sex: 'M',
      documents: [
        { type: 'P', number: '123456789', issuingState: 'GBR', expiryDate: '2019-08-23' },
      ],
      tickets: [{ number: '0062120234533', fare: { amount: 2957.94, currency: 'GBP' } }],
      frequentFlyer: 'DL1234567890',
      checkedIn: true,
    });
    expect(smith.seats).toEqual([
      { segment: 1, seat: '15A' },
      { segment: 2, seat: '15E' },
    ]);
    expect(pnr.payments[0]).toMatchObject({
      type: 'card',
      cardType: 'VI',
      cardMasked: 'XXXXXXXX1186',
      payer: { name: 'TIMOTHY SIMS', phone: '7705632891' },
    });
    expect(
      pnr.itinerary.map(
        (s) => `${s.carrier}${s.number} ${s.departure.airport}-${s.arrival.airport}`,
      ),
    ).toEqual(['DL324 LHR-JFK', 'DL330 JFK-YVR']);
    expect(pnr.history.filter((h) => h.action === 'cancelled')).toHaveLength(6);
    expect(pnr.remarks).toContain('THIS PASSENGER IS A VIP');
  });

  it('codeshare.edi: marketing and operating carrier, bags with tags, check-in seat', () => {
    const pnr = push('codeshare.edi').pnrs[0]!;
    expect(pnr.itinerary[0]).toMatchObject({
      carrier: 'KE',
      operatingCarrier: 'SQ',
      number: '609',
      operatingNumber: '303',
    });
    const t = pnr.travellers[0]!;
    expect(t.bags).toMatchObject({
      count: 2,
      weightKg: 34,
      tags: ['6181026000001', '6181026000002'],
    });
    expect(t.seats.map((s) => s.seat)).toContain('039G');
    expect(pnr.history.length).toBeGreaterThan(3);
  });

  it('infant.edi and adult_and_infant.edi: infants linked to the adult, infant documents on the infant', () => {
    const inf = push('infant.edi').pnrs[0]!;
    const baby = inf.travellers.find((t) => t.type === 'infant')!;
    expect(baby).toMatchObject({
      name: { surname: 'BELT', given: ['SOPHY'] },
      accompanyingRef: '2',
      birthDate: '2012-09-20',
    });
    expect(baby.documents).toEqual([expect.objectContaining({ type: 'P', number: '512731999' })]);
    expect(inf.travellers.find((t) => t.ref === '2')!.documents.map((d) => d.number)).toEqual([
      '509229987',
    ]);
    const ai = push('adult_and_infant.edi').pnrs[0]!;
    expect(ai.travellers.filter((t) => t.type === 'infant').map((t) => t.name.surname)).toEqual([
      'TESTSURNAMETWO',
    ]);
  });

  it('pnr3.txt (13.1): emails decoded from CTCE, card masked with payer', () => {
    const pnr = push('pnr3.txt').pnrs[0]!;
    expect(pnr.travellers[0]!.contacts.emails).toEqual(['PETER_DOOLIN@GMAIL.COM']);
    expect(pnr.payments[0]).toMatchObject({
      type: 'card',
      cardType: 'MA',
      cardMasked: 'XXXXXXXXXXXX2580',
      amount: { amount: 100, currency: 'GBP' },
    });
  });

  it('3_pnrs.edi: DOCA address, cash payment, many travellers', () => {
    const p = push('3_pnrs.edi');
    const dye = p.pnrs[1]!.travellers[0]!;
    expect(dye.addresses).toContainEqual({
      country: 'AUS',
      street: '13 SHORE AVENUE',
      city: 'BROADBEACH',
      region: 'QLD',
      postalCode: '4215',
    });
    expect(p.pnrs[0]!.payments[0]).toMatchObject({
      type: 'cash',
      amount: { amount: 1999.99, currency: 'SGD' },
    });
  });

  it('masks and fingerprints a full card number', () => {
    const text =
      "UNB+IATA:1+XX+GOV+240501:1000+1'UNH+1+PNRGOV:13:1:IA'MSG+:141'TVL+010524:1000:010524:1300+FRA+JFK+LH+400'EQN+1'SRC'RCI+LH:ABC123'TIF+DOE+JANE:A:1'FOP+CC:::VI:4111111111111111:0130'UNT+9+1'UNZ+1+1'";
    const r = decodePnrgov(text, { cardSalt: 'k' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]!.pushType).toBe('changed');
    const pay = r.value[0]!.pnrs[0]!.payments[0]!;
    expect(pay.cardMasked).toBe('XXXXXXXXXXXX1111');
    expect(pay.cardFingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(r.value)).not.toContain('4111111111111111');
  });

  it('reads a group booking, its name and an OSI phone contact', () => {
    const text =
      "UNB+IATA:1+XX+GOV+240501:1000+1'UNH+1+PNRGOV:11:1:IA'MSG+:22'TVL+010524:1000:010524:1300+FRA+JFK+LH+400'EQN+1'SRC'RCI+LH:GRP001'" +
      "IFT+4:28+LH CTCP FRA 4969 1234'TIF+SCHOOL TRIP:G+:G:1'TIF+DOE+JANE:A:2'UNT+10+1'UNZ+1+1'";
    const r = decodePnrgov(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pnr = r.value[0]!.pnrs[0]!;
    expect(pnr.groupName).toBe('SCHOOL TRIP');
    expect(pnr.travellers.map((t) => t.type)).toEqual(['group', 'adult']);
    expect(pnr.contacts.phones).toEqual(['FRA 4969 1234']);
  });

  it('rejects a push without a header flight, and an unsupported version in strict mode', () => {
    const r = decodePnrgov(
      "UNB+IATA:1+XX+GOV+240501:1000+1'UNH+1+PNRGOV:9:1:IA'MSG+:22'UNT+3+1'UNZ+1+1'",
    );
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual([
      'PNRGOV_VERSION_UNSUPPORTED',
      'FLIGHT_MISSING',
    ]);
  });
});
