import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureNames } from '../test-fixtures/gtas-fixtures.ts';
import { decodeCusres } from './cusres-codec.ts';
import { decodePaxlst } from './paxlst-decoder.ts';
import { decodePnrgov } from './pnrgov-decoder.ts';

const BODY =
  "UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'TDT+20+DL1+++DL'LOC+125+ATL'LOC+87+CDG'NAD+FL+++DOE'";

function codes(text: string, mode: 'strict' | 'lenient' = 'strict') {
  const r = decodePaxlst(text, { mode });
  return {
    ok: r.ok,
    errors: r.ok ? [] : r.errors.map((e) => e.code),
    warnings: r.warnings.map((w) => w.code),
  };
}

describe('envelope errors', () => {
  it('a message without UNT, a missing UNB and a missing UNZ', () => {
    expect(codes(`UNB+UNOA:4+S+R+240101:0000+1'${BODY}UNZ+1+1'`).errors).toEqual(['UNT_MISSING']);
    expect(codes(`${BODY}UNT+7+1'`).errors).toEqual(['UNB_MISSING']);
    expect(codes(`UNB+UNOA:4+S+R+240101:0000+1'${BODY}UNT+7+1'`).errors).toEqual(['UNZ_MISSING']);
    expect(codes(`${BODY}UNT+7+1'`, 'lenient')).toMatchObject({
      ok: true,
      warnings: ['UNB_MISSING'],
    });
  });

  it('segments outside a message and trailing data after UNZ', () => {
    const text = `UNB+UNOA:4+S+R+240101:0000+1'FTX+X'${BODY}UNT+7+1'UNZ+1+1'garbage`;
    expect(codes(text).errors).toEqual(['SEGMENT_OUTSIDE_MESSAGE', 'TRAILING_DATA']);
    expect(codes(text, 'lenient').ok).toBe(true);
  });

  it('an unknown syntax identifier and an invalid tag', () => {
    expect(codes(`UNB+UNOZ:4+S+R+240101:0000+1'${BODY}UNT+7+1'UNZ+1+1'`).errors).toEqual([
      'SYNTAX_ID_UNKNOWN',
    ]);
    expect(codes(`UNB+UNOA:4+S+R+240101:0000+1'${BODY}NADX+1'UNT+8+1'UNZ+1+1'`).errors).toEqual([
      'TAG_INVALID',
    ]);
  });

  it('an empty or blank text', () => {
    expect(codes('').errors).toEqual(['NO_MESSAGE']);
    expect(codes('  \r\n ').errors).toEqual(['NO_MESSAGE']);
  });

  it('a bad UNH sequence indicator', () => {
    const text = `UNB+UNOA:4+S+R+240101:0000+1'${BODY.replace('IATA', 'IATA+REF+01:X')}UNT+7+1'UNZ+1+1'`;
    expect(codes(text).errors).toEqual(['UNH_SEQUENCE_FLAG_INVALID']);
  });
});

describe('every decoder survives random mutations of the GTAS samples (property)', () => {
  const samples = [
    ...fixtureNames('paxlst').map((n) => fixture('paxlst', n)),
    ...fixtureNames('pnrgov').map((n) => fixture('pnrgov', n)),
  ];
  it('returns a result with positioned errors, never throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat({ max: 40 }),
            fc.constantFrom("'", '+', ':', '?', '\\', 'X', '9', '\n', ''),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (text, edits) => {
          let t = text;
          for (const [pos, len, ch] of edits) {
            const i = pos % (t.length + 1);
            t = t.slice(0, i) + ch + t.slice(i + (len % 3));
          }
          for (const r of [
            decodePaxlst(t, { mode: 'lenient' }),
            decodePnrgov(t),
            decodeCusres(t, { mode: 'lenient' }),
          ]) {
            if (!r.ok) {
              for (const e of r.errors) {
                expect(e.code).toMatch(/^[A-Z_]+$/);
                if (e.code !== 'TOO_MANY_ISSUES')
                  expect(e.segmentIndex ?? e.offset).toBeTypeOf('number');
              }
            }
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
