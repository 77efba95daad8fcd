import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Flight } from '@paxguard/domain';
import { addMonths, ageOn, formatDay, parseIsoDate } from './calendar-date.ts';
import { isStateCode, lookupStateCode, ALL_STATE_CODES } from './state-codes.ts';
import {
  InMemoryAuthorisationRegistry,
  parseAuthorisationsJson,
} from './travel-authorisation-registry.ts';
import { journeyFromFlight } from './journey.ts';
import { traveller } from '../test/fixtures.ts';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-1-01', false],
    ['20x4-01-01', false],
  ])('%s valid: %s', (s, ok) => expect(parseIsoDate(s) !== null).toBe(ok));

  it('round-trips every day between 1900 and 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (n) => {
        expect(parseIsoDate(formatDay(n))).toBe(n);
      }),
    );
  });

  it('agrees with Date.UTC', () => {
    expect(parseIsoDate('2025-06-01')).toBe(Date.UTC(2025, 5, 1) / 86400000);
  });

  it.each([
    ['2025-08-31', 6, '2026-02-28'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2025-06-01', 3, '2025-09-01'],
    ['2025-03-31', -1, '2025-02-28'],
  ])('%s + %i months = %s', (from, m, to) =>
    expect(formatDay(addMonths(parseIsoDate(from)!, m))).toBe(to),
  );

  it('computes age on a day', () => {
    expect(ageOn(parseIsoDate('2007-06-02')!, parseIsoDate('2025-06-01')!)).toBe(17);
    expect(ageOn(parseIsoDate('2007-06-01')!, parseIsoDate('2025-06-01')!)).toBe(18);
  });
});

describe('state codes', () => {
  it.each([
    ['DEU', 'iso', 'DEU'],
    ['D', 'icao', 'DEU'],
    ['GBD', 'icao', 'GBR'],
    ['GBN', 'icao', 'GBR'],
    ['GBO', 'icao', 'GBR'],
    ['GBP', 'icao', 'GBR'],
    ['GBS', 'icao', 'GBR'],
    ['RKS', 'icao', 'XKX'],
    ['UNK', 'icao', 'XKX'],
    ['UNO', 'icao', null],
    ['UNA', 'icao', null],
    ['EUE', 'icao', null],
    ['XXA', 'icao', null],
    ['XXB', 'icao', null],
    ['XXC', 'icao', null],
    ['XXX', 'icao', null],
  ])('%s is %s, country %s', (code, kind, country) => {
    expect(lookupStateCode(code)).toMatchObject({ kind, country });
  });

  it.each(['UTO', 'ZZZ', 'de', 'DE', ''])('%s is not a state code', (code) =>
    expect(isStateCode(code)).toBe(false),
  );

  it('has 249 ISO codes and fits a 9-bit index', () => {
    expect(ALL_STATE_CODES.filter((c) => lookupStateCode(c)?.kind === 'iso')).toHaveLength(249);
    expect(ALL_STATE_CODES.length).toBeLessThan(512);
  });
});

describe('InMemoryAuthorisationRegistry', () => {
  const base = {
    kind: 'visa',
    number: 'V1',
    documentNumber: 'AB 123456',
    nationality: 'IND',
    issuingState: 'FRA',
    validFor: ['FRA'],
    validFrom: '2025-01-01',
    validUntil: '2025-12-31',
    entriesAllowed: 2,
  };

  it('finds by normalised document number and nationality (D = DEU)', () => {
    const r = new InMemoryAuthorisationRegistry();
    expect(r.add([base, { ...base, nationality: 'D', number: 'V2' }])).toEqual([]);
    expect(r.find('ab-123456', 'IND').map((a) => a.number)).toEqual(['V1']);
    expect(r.find('AB123456', 'DEU').map((a) => a.number)).toEqual(['V2']);
    expect(r.find('AB123456', 'PAK')).toEqual([]);
  });

  it.each([
    [{ ...base, nationality: 'ZZZ' }, 'nationality'],
    [{ ...base, validFor: ['FRA', 'QQQ'] }, 'validFor.1'],
    [{ ...base, validFrom: '2025-02-30' }, 'validFrom'],
    [{ ...base, validUntil: '2024-01-01' }, 'validUntil'],
    [{ ...base, entriesAllowed: 0 }, 'entriesAllowed'],
    [{ ...base, extra: 1 }, ''],
  ])('rejects a bad record (%#) at %s', (record, path) => {
    const r = new InMemoryAuthorisationRegistry();
    const issues = r.add([record]);
    expect(issues[0]?.path).toBe(path);
    expect(r.size).toBe(0);
  });
});

describe('parseAuthorisationsJson', () => {
  const good = {
    kind: 'eta',
    number: 'E1',
    documentNumber: 'X1234567',
    nationality: 'DEU',
    issuingState: 'USA',
    validFor: ['USA'],
    validFrom: '2025-01-01',
    validUntil: '2027-01-01',
    entriesAllowed: null,
  };

  it('keeps valid records and names the bad ones', () => {
    const r = parseAuthorisationsJson(JSON.stringify([good, { ...good, kind: 'permit' }, good]));
    expect(r.records).toHaveLength(2);
    expect(r.issues).toEqual([expect.objectContaining({ index: 1, path: 'kind' })]);
  });

  it.each(['{', '{"a":1}'])('rejects %s as a whole', (text) => {
    const r = parseAuthorisationsJson(text);
    expect(r.records).toEqual([]);
    expect(r.issues[0]?.index).toBe(-1);
  });
});

describe('journeyFromFlight', () => {
  const flight: Flight = {
    carrier: 'LH',
    number: '400',
    legs: [
      {
        departure: { airport: 'FRA', local: '2025-06-01T10:00' },
        arrival: { airport: 'JFK', local: '2025-06-01T12:50' },
        overflight: false,
      },
      {
        departure: { airport: 'JFK', local: '2025-06-01T15:00' },
        arrival: { airport: 'YYZ', local: '2025-06-02T00:10' },
        overflight: false,
      },
    ],
  };
  const countries: Record<string, string> = { FRA: 'DEU', JFK: 'USA', YYZ: 'CAN' };
  const airport = (a: string) => countries[a];

  it('takes the leg the traveller debarks from', () => {
    expect(journeyFromFlight(flight, traveller({ debarkation: 'JFK' }), airport)).toEqual({
      ok: true,
      journey: { destination: 'USA', arrivalDate: '2025-06-01', transit: false },
    });
    expect(journeyFromFlight(flight, traveller({ debarkation: undefined }), airport)).toMatchObject(
      { ok: true, journey: { destination: 'CAN', arrivalDate: '2025-06-02' } },
    );
  });

  it('marks transit by role or by a final destination elsewhere', () => {
    expect(
      journeyFromFlight(
        flight,
        traveller({ role: 'transit-passenger', debarkation: 'JFK' }),
        airport,
      ),
    ).toMatchObject({ journey: { transit: true } });
    expect(
      journeyFromFlight(flight, traveller({ debarkation: 'JFK' }), airport, {
        finalDestination: 'MEX',
      }),
    ).toMatchObject({ journey: { transit: true, finalDestination: 'MEX' } });
  });

  it('explains what it cannot derive', () => {
    expect(journeyFromFlight(flight, traveller({ debarkation: 'LHR' }), airport)).toMatchObject({
      ok: false,
      code: 'INSUFFICIENT_DATA',
      where: 'traveller.debarkation',
    });
    expect(
      journeyFromFlight(flight, traveller({ debarkation: 'JFK' }), () => undefined),
    ).toMatchObject({ ok: false, code: 'STATE_CODE_INVALID' });
  });
});
