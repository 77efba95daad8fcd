import { Manifest, Pnr } from '@paxguard/domain';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from './feature-catalogue.ts';
import { deriveFeatures } from './feature-deriver.ts';

const manifest = Manifest.parse({
  source: 'JSON',
  listType: 'passenger',
  functionCode: 'original',
  flight: {
    carrier: 'XX',
    number: '123',
    legs: [
      { departure: { airport: 'IST', utc: '2026-03-10T08:00:00Z' }, arrival: { airport: 'BEG' } },
      { departure: { airport: 'BEG' }, arrival: { airport: 'LHR' } },
    ],
  },
  travellers: [
    {
      role: 'passenger',
      name: { surname: 'DOE', given: ['JOHN'] },
      sex: 'M',
      birthDate: '1990-03-11',
      nationality: 'UTO',
      residenceCountry: 'UTO',
      references: { booking: 'ABC123' },
      bags: { count: 0 },
      documents: [
        {
          type: 'P',
          number: 'X1234567',
          issuingState: 'UTO',
          issueDate: '2026-02-08',
          expiryDate: '2036-02-08',
        },
      ],
      verified: false,
    },
  ],
});

const pnr = Pnr.parse({
  bookingRef: 'ABC123',
  createdAt: '2026-03-08T20:00:00Z',
  originator: { agencyId: '12345675', type: 'T' },
  travellers: [
    {
      name: { surname: 'DOE', given: ['JOHN'] },
      documents: [{ type: 'P', number: 'X1234567' }],
      tickets: [{ number: '1', oneWay: true }],
    },
    { name: { surname: 'ROE', given: ['ANNA'] }, type: 'child' },
    { name: { surname: 'POE', given: ['ALI'] }, birthDate: '2015-01-01' },
    { name: { surname: 'DOE', given: ['MIA'] }, birthDate: '2012-05-05' },
  ],
  payments: [{ type: 'cash', payer: { name: 'SMITH KARL' } }],
  itinerary: [
    { carrier: 'XX', number: '123', departure: { airport: 'IST' }, arrival: { airport: 'BEG' } },
    { carrier: 'XX', number: '123', departure: { airport: 'BEG' }, arrival: { airport: 'LHR' } },
  ],
});

const traveller = manifest.travellers[0]!;
const now = new Date('2026-03-09T12:00:00Z');

describe('deriveFeatures', () => {
  const f = deriveFeatures({
    traveller,
    manifest,
    pnr,
    now,
    history: [
      { departedAt: '2025-01-01', destination: 'LHR' },
      { departedAt: '2025-06-01T10:00', destination: 'CDG' },
      { departedAt: '2027-01-01T00:00:00Z', destination: 'LHR' },
    ],
    airportCountries: new Map([
      ['IST', 'TUR'],
      ['BEG', 'SRB'],
      ['LHR', 'GBR'],
    ]),
  });

  it('derives route, booking and group features', () => {
    expect(f).toMatchObject({
      origin: 'IST',
      destination: 'LHR',
      transitPoints: ['BEG'],
      routeAirports: ['IST', 'BEG', 'LHR'],
      routeCountries: ['TUR', 'SRB', 'GBR'],
      bookingLeadDays: 1.5,
      oneWay: true,
      paymentType: 'cash',
      paidInCash: true,
      thirdPartyPayer: true,
      travelAgencyId: '12345675',
      bookedThroughAgency: true,
      groupSize: 4,
      adultsInBooking: 1,
      minorsInBooking: 3,
      minorsWithUnrelatedAdults: 2,
      coTravellerCount: 3,
      bagCount: 0,
      documentType: 'P',
      documentIssuingState: 'UTO',
      documentAgeDays: 29,
      documentNationality: 'UTO',
      residenceCountry: 'UTO',
      documentVerified: false,
      previousTripsCount: 2,
      previousTripsToDestination: 1,
    });
  });

  it('has every catalogue key and nothing else (no sex, no names)', () => {
    expect(Object.keys(f).sort()).toEqual([...FEATURE_NAMES].sort());
    expect(JSON.stringify(f)).not.toMatch(/DOE|JOHN/);
  });

  it('infers one-way from the itinerary and a traveller payer from the surname', () => {
    const roundTrip = Pnr.parse({
      ...pnr,
      travellers: [{ name: { surname: 'DOE', given: ['JOHN'] } }],
      payments: [{ type: 'card', cardHolder: 'JOHN DOE' }],
      itinerary: [
        ...pnr.itinerary,
        {
          carrier: 'XX',
          number: '124',
          departure: { airport: 'LHR' },
          arrival: { airport: 'IST' },
        },
      ],
    });
    const g = deriveFeatures({ traveller, manifest, pnr: roundTrip, now });
    expect(g).toMatchObject({
      oneWay: false,
      thirdPartyPayer: false,
      paidInCash: false,
      transitPoints: ['BEG'],
      groupSize: 1,
      minorsWithUnrelatedAdults: 0,
    });
  });

  it('leaves PNR features unknown without a PNR and falls back to the manifest booking', () => {
    const g = deriveFeatures({ traveller, manifest, now });
    expect(g.paymentType).toBeUndefined();
    expect(g.oneWay).toBeUndefined();
    expect(g.groupSize).toBe(1);
    expect(g.previousTripsCount).toBeUndefined();
    expect(g.transitPoints).toEqual(['BEG']);
  });

  it('does not count unaccompanied minors as a feature', () => {
    const kids = Pnr.parse({
      ...pnr,
      travellers: [{ name: { surname: 'ROE', given: ['A'] }, type: 'child' }],
    });
    expect(deriveFeatures({ traveller, manifest, pnr: kids, now }).minorsWithUnrelatedAdults).toBe(
      0,
    );
  });

  it('leaves clock-dependent features unknown when the clock is invalid', () => {
    const g = deriveFeatures({
      traveller,
      manifest,
      pnr,
      now: new Date('not a date'),
      history: [{ departedAt: '2025-01-01' }],
    });
    expect(g.documentAgeDays).toBeUndefined();
    expect(g.documentValidityDays).toBeUndefined();
    expect(g.previousTripsCount).toBeUndefined();
    expect(g.bookingLeadDays).toBe(1.5);
  });
});
