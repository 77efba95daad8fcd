import { describe, expect, it } from 'vitest';
import type { Manifest, Traveller } from './manifest.ts';
import { manifestQuality, missingElements } from './manifest-quality.ts';

const complete: Traveller = {
  role: 'passenger',
  name: { surname: 'Okafor', given: ['Ada'] },
  birthDate: '1990-04-01',
  nationality: 'NGA',
  references: { passenger: 'P1' },
  documents: [{ type: 'P', number: 'A1234567', issuingState: 'NGA' }],
};
const manifest = (travellers: Traveller[], declaredCount?: number): Manifest =>
  ({
    source: 'JSON',
    listType: 'passenger',
    functionCode: 'original',
    flight: {
      carrier: 'PG',
      number: '1',
      legs: [
        {
          departure: { airport: 'LOS', local: '2026-12-01T10:00' },
          arrival: { airport: 'LHR', local: '2026-12-01T16:00' },
          overflight: false,
        },
      ],
    },
    travellers,
    declaredCount,
  }) as Manifest;

describe('manifest quality', () => {
  it('names each required element a traveller lacks', () => {
    expect(missingElements(complete)).toEqual([]);
    expect(
      missingElements({
        ...complete,
        name: { surname: 'Okafor', given: [] },
        birthDate: undefined,
        documents: [],
      }),
    ).toEqual(['full-name', 'date-of-birth', 'document-type', 'document-number']);
    expect(missingElements({ ...complete, nationality: undefined })).toEqual(['nationality']);
  });

  it('measures timeliness against the scheduled departure and the count against CNT', () => {
    const late = { ...complete, references: { passenger: 'P2' }, birthDate: undefined };
    const q = manifestQuality(manifest([complete, late], 3), {
      receivedAt: new Date('2026-12-01T08:30:00Z'),
      scheduledDeparture: new Date('2026-12-01T09:00:00Z'),
    });
    expect(q).toMatchObject({
      declaredCount: 3,
      listedCount: 2,
      countMatches: false,
      minutesBeforeDeparture: 30,
      travellersWithMissingElements: 1,
      missing: [{ travellerKey: 'ref:P2', elements: ['date-of-birth'] }],
    });
    const after = manifestQuality(manifest([complete]), {
      receivedAt: new Date('2026-12-01T09:05:30Z'),
      scheduledDeparture: new Date('2026-12-01T09:00:00Z'),
    });
    expect(after).toMatchObject({ countMatches: null, minutesBeforeDeparture: -5.5 });
    expect(manifestQuality(manifest([]), { receivedAt: new Date() }).minutesBeforeDeparture).toBe(
      null,
    );
  });
});
