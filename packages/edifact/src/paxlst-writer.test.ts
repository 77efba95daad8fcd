import fc from 'fast-check';
import type { Manifest } from '@paxguard/domain';
import { describe, expect, it } from 'vitest';
import { manifestArbitrary } from '../test-support/manifest-arbitrary.ts';
import { decodePaxlst } from './paxlst-decoder.ts';
import { encodePaxlst, type PaxlstEnvelope } from './paxlst-writer.ts';
import { tokenise } from './tokeniser.ts';

function envelopeFor(m: Manifest): PaxlstEnvelope {
  const first = m.flight.legs[0]!.departure.local!;
  return {
    sender: 'SIM',
    recipient: 'PAXGUARD',
    interchangeRef: 'IC42',
    messageRef: 'M7',
    preparedAt: first,
  };
}

/** What decoding adds or derives: UTC times, envelope fields, undefined optionals. */
function comparable(m: Manifest): unknown {
  const strip = JSON.parse(JSON.stringify(m)) as Manifest;
  for (const leg of strip.flight.legs) {
    delete leg.departure.utc;
    delete leg.arrival.utc;
  }
  return {
    ...strip,
    messageVersion: undefined,
    sender: undefined,
    recipient: undefined,
    interchangeRef: undefined,
    messageRef: undefined,
    preparedAt: undefined,
    declaredCount: undefined,
  };
}

describe('encodePaxlst', () => {
  it('round-trips through the strict decoder (property)', () => {
    fc.assert(
      fc.property(
        manifestArbitrary,
        fc.constantFrom(undefined, { element: '*', component: '^', release: '!' }),
        (m, delimiters) => {
          const env = { ...envelopeFor(m), delimiters };
          const text = encodePaxlst(m, env);
          expect(text.ok).toBe(true);
          if (!text.ok) return;
          const r = decodePaxlst(text.value);
          if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)) + text.value);
          expect(r.warnings).toEqual([]);
          const back = r.value[0]!.manifest;
          expect(comparable(back)).toEqual(comparable(m));
          expect(back.declaredCount).toBe(m.travellers.length);
          expect(back.messageRef).toBe('M7');
        },
      ),
      { numRuns: 40 },
    );
    // ~40 ms a run when idle; a generous budget for a machine busy with the rest of the suite.
  }, 30_000);

  it('writes the narrowest syntax identifier and escapes delimiters', () => {
    const m: Manifest = {
      source: 'JSON',
      listType: 'passenger',
      functionCode: 'original',
      flight: {
        carrier: 'DL',
        number: '12',
        legs: [
          {
            departure: { airport: 'ATL', local: '2024-03-01T10:00' },
            arrival: { airport: 'CDG' },
            overflight: false,
          },
        ],
      },
      travellers: [
        {
          role: 'passenger',
          name: { surname: "O'NEIL", given: ['Zoë'] },
          references: {},
          documents: [],
        },
      ],
    };
    const text = encodePaxlst(m, envelopeFor(m));
    expect(text.ok && text.value).toContain("UNB+UNOC:4+SIM+PAXGUARD+240301:1000+IC42'");
    expect(text.ok && text.value).toContain("NAD+FL+++O?'NEIL:Zoë'");
  });

  it('rejects an invalid manifest with paths instead of writing it', () => {
    const bad = {
      source: 'JSON',
      listType: 'passenger',
      functionCode: 'original',
      flight: { carrier: 'd', number: 'x', legs: [] },
      travellers: [],
    };
    const r = encodePaxlst(
      bad as unknown as Manifest,
      envelopeFor({ flight: { legs: [{ departure: { local: '2024-01-01T00:00' } }] } } as Manifest),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('flight.carrier');
  });

  it('random mutations never throw and every error carries a position', () => {
    const base = fc.sample(manifestArbitrary, { numRuns: 5, seed: 7 });
    const texts = base.map((m) => {
      const r = encodePaxlst(m, envelopeFor(m));
      return r.ok ? r.value : '';
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom('del', 'ins', 'rep'),
            fc.constantFrom("'", '+', ':', '?', 'A', '9', '\n', 'é', ''),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        fc.constantFrom('strict' as const, 'lenient' as const),
        (text, edits, mode) => {
          let t = text;
          for (const [pos, op, ch] of edits) {
            const i = pos % (t.length + 1);
            t =
              op === 'del'
                ? t.slice(0, i) + t.slice(i + 1)
                : op === 'ins'
                  ? t.slice(0, i) + ch + t.slice(i)
                  : t.slice(0, i) + ch + t.slice(i + 1);
          }
          const r = decodePaxlst(t, { mode });
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) {
            expect(r.errors.length).toBeGreaterThan(0);
            for (const e of r.errors) {
              expect(e.code).toMatch(/^[A-Z_]+$/);
              expect(e.message.length).toBeGreaterThan(5);
              if (e.code !== 'TOO_MANY_ISSUES')
                expect(e.segmentIndex ?? e.offset).toBeTypeOf('number');
            }
          }
          const tk = tokenise(t, { mode });
          expect(typeof tk.ok).toBe('boolean');
        },
      ),
      { numRuns: 100 },
    );
  });
});
