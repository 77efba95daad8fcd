// Differential tests: our tokeniser against the `edifact` package's event Parser, an
// independent implementation, on segment/element/component structure.
import fc from 'fast-check';
import { Parser } from 'edifact';
import { describe, expect, it } from 'vitest';
import { fixture } from '../test-fixtures/gtas-fixtures.ts';
import { tokenise } from './tokeniser.ts';

type Structure = [string, string[][]][];

function oracle(text: string): Structure {
  const out: Structure = [];
  let elements: string[][] = [];
  let components: string[] = [];
  const p = new Parser();
  p.on('opensegment', (tag) => {
    elements = [];
    out.push([tag, elements]);
  });
  p.on('element', () => {
    components = [];
    elements.push(components);
  });
  p.on('component', (v) => components.push(v));
  p.on('closesegment', () => {});
  p.write(text);
  p.end();
  return out;
}

function ours(text: string): Structure {
  const r = tokenise(text, { mode: 'lenient' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.segments.map((s) => [s.tag, s.elements]);
}

describe('tokeniser vs the edifact package', () => {
  it('agrees on the GTAS samples the edifact package can read', () => {
    for (const name of [
      'multiple_flight_leg_pnr.txt',
      'pnr3.txt',
      'pnr4.txt',
      'pnrMessageExample.txt',
    ]) {
      const text = fixture('pnrgov', name);
      expect(ours(text)).toEqual(oracle(text));
    }
  });

  it('agrees on random segments with released delimiters (property)', () => {
    const UNOA = [...'ABCXYZ0189 .,-()/=!"%&*;<>', "'", '+', ':', '?'];
    const value = fc.array(fc.constantFrom(...UNOA), { maxLength: 8 }).map((cs) => cs.join(''));
    const segment = fc.tuple(
      fc.stringMatching(/^[A-Z]{3}$/).filter((t) => !t.startsWith('UN')),
      fc.array(fc.array(value, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
    );
    const escape = (v: string) => v.replace(/['+:?]/g, (c) => `?${c}`);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 10 }), (segments) => {
        const text =
          "UNB+UNOA:4+S+R+240101:0000+1'" +
          segments
            .map(([tag, els]) => `${tag}+${els.map((cs) => cs.map(escape).join(':')).join('+')}'`)
            .join('');
        expect(ours(text)).toEqual(oracle(text));
      }),
      { numRuns: 120 },
    );
  });

  it("agrees on custom delimiters (UNA*^.? ')", () => {
    const text = "UNA*^.? 'UNB^UNOA*4^A^B'NAD^FL^^^DOE*JOHN?^JR'";
    expect(ours(text)).toEqual(oracle(text));
  });

  it('reads the UNA with a repetition separator that the edifact package rejects (GTAS PNRGOV form)', () => {
    const text = fixture('pnrgov', 'pnr_split.edi');
    expect(() => oracle(text)).toThrow();
    expect(ours(text).length).toBeGreaterThan(60);
  });
});
