import { describe, expect, it } from 'vitest';
import { flightKey, normaliseFlightNumber, travellerKey } from './keys.ts';
import { worstOutcome } from './assessment.ts';

describe('flightKey', () => {
  it('names a flight by carrier, number and first local departure date', () => {
    expect(
      flightKey({
        carrier: 'DL',
        number: '123',
        legs: [
          {
            departure: { airport: 'ATL', local: '2024-03-01T22:10' },
            arrival: { airport: 'CDG', local: '2024-03-02T12:00' },
            overflight: false,
          },
        ],
      }),
    ).toBe('DL123/2024-03-01');
  });

  it('normalises flight numbers as carriers send them', () => {
    expect(normaliseFlightNumber('DL0123', 'DL')).toBe('123');
    expect(normaliseFlightNumber('0045a')).toBe('45A');
    expect(normaliseFlightNumber('0')).toBe('0');
  });
});

describe('travellerKey', () => {
  const base = {
    role: 'passenger' as const,
    name: { surname: 'Müller', given: ['Anna'] },
    references: {},
    documents: [],
  };
  it('prefers the passenger reference, then a non-visa document, then the name', () => {
    expect(travellerKey({ ...base, references: { passenger: 'abc 1' } })).toBe('ref:ABC1');
    expect(
      travellerKey({
        ...base,
        documents: [
          { type: 'V', number: 'V1' },
          { type: 'P', number: 'x-12', issuingState: 'DEU' },
        ],
      }),
    ).toBe('doc:DEU:X12:');
    expect(travellerKey({ ...base, birthDate: '1980-01-02' })).toBe(
      'name:MULLER:ANNA:1980-01-02:passenger',
    );
  });
});

describe('worstOutcome', () => {
  it('ranks no-board above refer above advisory', () => {
    expect(worstOutcome([])).toBe('cleared');
    expect(worstOutcome([{ severity: 'advisory' }, { severity: 'refer' }])).toBe('refer');
    expect(worstOutcome([{ severity: 'no-board' }, { severity: 'refer' }])).toBe('no-board');
  });
});
