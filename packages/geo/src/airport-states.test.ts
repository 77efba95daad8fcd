import { describe, expect, it } from 'vitest';
import { airportState, airportStates } from './airport-states.ts';

describe('airportState', () => {
  it('maps airports to alpha-3 States', () => {
    expect(airportState('LHR')).toBe('GBR');
    expect(airportState('jfk')).toBe('USA');
    expect(airportState('FRA')).toBe('DEU');
    expect(airportState('IST')).toBe('TUR');
    expect(airportState('Q9Q')).toBeUndefined();
    expect(airportStates().size).toBeGreaterThan(5000);
  });
});
