import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manifestArbitrary } from '../test-support/manifest-arbitrary.ts';
import { encodePaxlst } from './paxlst-writer.ts';
import { fixture } from '../test-fixtures/gtas-fixtures.ts';
import { decodeManifestJson, decodePnrJson } from './json-forms.ts';
import { decodePaxlst } from './paxlst-decoder.ts';

describe('decodeManifestJson', () => {
  it('gives the same domain object as the PAXLST form', () => {
    const r = decodePaxlst(fixture('paxlst', 'multiple_flight_leg_apis.txt'), { mode: 'lenient' });
    if (!r.ok) throw new Error('fixture');
    const fromEdifact = r.value[0]!.manifest;
    const body = JSON.parse(JSON.stringify({ ...fromEdifact, source: undefined }));
    for (const leg of body.flight.legs) {
      delete leg.departure.utc;
      delete leg.arrival.utc;
    }
    body.flight.number = 'QQ0827';
    const j = decodeManifestJson(body);
    expect(j.ok).toBe(true);
    if (!j.ok) return;
    expect(j.value).toEqual({ ...JSON.parse(JSON.stringify(fromEdifact)), source: 'JSON' });
  });

  it('reports every problem with its path', () => {
    const j = decodeManifestJson({
      listType: 'passenger',
      flight: {
        carrier: 'DL',
        number: 'ABCDEFG',
        legs: [{ departure: { airport: 'ATL' }, arrival: { airport: 'cdg' } }],
      },
      travellers: [{ role: 'passenger', name: { surname: '', given: [] }, birthDate: '1980-13' }],
    });
    expect(j.ok).toBe(false);
    if (j.ok) return;
    expect(j.errors.map((e) => e.path).sort()).toEqual([
      'flight.legs.0.arrival.airport',
      'travellers.0.birthDate',
      'travellers.0.name.surname',
    ]);
    expect(j.errors.every((e) => e.code.startsWith('JSON_') && e.message.includes(e.path!))).toBe(
      true,
    );
  });

  it('rejects a flight number that does not normalise and non-objects', () => {
    const j = decodeManifestJson({
      listType: 'crew',
      flight: {
        carrier: 'DL',
        number: 'DLXYZ',
        legs: [{ departure: { airport: 'ATL' }, arrival: { airport: 'CDG' } }],
      },
      travellers: [],
    });
    expect(!j.ok && j.errors[0]).toMatchObject({
      code: 'FLIGHT_NUMBER_INVALID',
      path: 'flight.number',
    });
    expect(decodeManifestJson('nope').ok).toBe(false);
    expect(decodeManifestJson(null).ok).toBe(false);
  });
});

describe('JSON and EDIFACT forms agree (property)', () => {
  it('a manifest posted as JSON equals the same manifest sent as PAXLST', () => {
    fc.assert(
      fc.property(manifestArbitrary, (m) => {
        const env = {
          sender: 'S',
          recipient: 'R',
          interchangeRef: 'I',
          messageRef: 'M',
          preparedAt: '2024-01-01T00:00',
        };
        const text = encodePaxlst(m, env);
        if (!text.ok) throw new Error('encode');
        const edi = decodePaxlst(text.value);
        if (!edi.ok) throw new Error(JSON.stringify(edi.errors));
        const json = decodeManifestJson(
          JSON.parse(
            JSON.stringify({ ...m, source: undefined, declaredCount: m.travellers.length }),
          ),
        );
        if (!json.ok) throw new Error(JSON.stringify(json.errors));
        const strip = (x: object) =>
          JSON.parse(
            JSON.stringify({
              ...x,
              source: undefined,
              sender: undefined,
              recipient: undefined,
              interchangeRef: undefined,
              messageRef: undefined,
              messageVersion: undefined,
              preparedAt: undefined,
            }),
          );
        expect(strip(json.value)).toEqual(strip(edi.value[0]!.manifest));
      }),
      { numRuns: 25 },
    );
    // Generating manifests is the slow part: 4.8 s alone at load average 12 on 2026-11-22.
  }, 30_000);
});

describe('decodePnrJson', () => {
  const push = {
    pushType: 'full',
    flight: {
      carrier: 'LH',
      number: '0400',
      departure: { airport: 'FRA', local: '2024-05-01T10:00' },
      arrival: { airport: 'JFK' },
    },
    declaredPnrCount: 1,
    pnrs: [
      {
        bookingRef: 'ABC123',
        travellers: [{ name: { surname: 'DOE', given: ['JANE'] } }],
        payments: [{ type: 'card', cardType: 'VI', cardNumber: '4111 1111 1111 1111' }],
      },
    ],
  };

  it('masks and fingerprints a full card number, never keeps it', () => {
    const r = decodePnrJson(push, { cardSalt: 's1' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pay = r.value.pnrs[0]!.payments[0]!;
    expect(pay.cardMasked).toBe('XXXXXXXXXXXX1111');
    expect(pay.cardFingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(r.value)).not.toContain('4111111111111111');
    expect(JSON.stringify(r.value)).not.toContain('cardNumber');
    const other = decodePnrJson(push, { cardSalt: 's2' });
    expect(other.ok && other.value.pnrs[0]!.payments[0]!.cardFingerprint).not.toBe(
      pay.cardFingerprint,
    );
    expect(r.value.flight).toMatchObject({
      number: '400',
      departure: { utc: '2024-05-01T08:00:00.000Z' },
    });
  });

  it('warns when EQN disagrees and errors with paths', () => {
    const r = decodePnrJson({ ...push, declaredPnrCount: 2 });
    expect(r.warnings.map((w) => w.code)).toEqual(['EQN_MISMATCH']);
    const bad = decodePnrJson({ ...push, pnrs: [{ travellers: [] }] });
    expect(!bad.ok && bad.errors[0]!.path).toBe('pnrs.0.bookingRef');
  });
});
