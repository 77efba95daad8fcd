import { describe, expect, it } from 'vitest';
import { buildAirportZones, defaultAirportZones, localToUtc } from './airport-zones.ts';

describe('localToUtc', () => {
  it('converts an airport wall-clock time, across DST, per zone table', () => {
    const zones = defaultAirportZones();
    expect(localToUtc('2024-03-01T22:10', 'ATL', zones)).toBe('2024-03-02T03:10:00.000Z');
    expect(localToUtc('2024-07-01T22:10', 'ATL', zones)).toBe('2024-07-02T02:10:00.000Z');
    // Asked again (memoised): the same answer.
    expect(localToUtc('2024-03-01T22:10', 'ATL', zones)).toBe('2024-03-02T03:10:00.000Z');
    // Another table gives its own answer for the same airport and time.
    const paris = buildAirportZones([{ code: 'ATL', timezone: 'Europe/Paris' }]);
    expect(localToUtc('2024-03-01T22:10', 'ATL', paris)).toBe('2024-03-01T21:10:00.000Z');
    expect(localToUtc('2024-03-01T22:10', 'Q9Q', zones)).toBeUndefined();
    expect(localToUtc('2024-03-01T22:10', 'Q9Q', zones)).toBeUndefined();
    expect(localToUtc('not a time', 'ATL', zones)).toBeUndefined();
  });
});
