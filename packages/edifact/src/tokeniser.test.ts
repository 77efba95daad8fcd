import { describe, expect, it } from 'vitest';
import { tokenise } from './tokeniser.ts';

function ok<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error(`expected ok: ${JSON.stringify(r)}`);
  return r.value;
}

describe('tokenise', () => {
  it('splits segments, elements and components with the default delimiters', () => {
    const t = ok(tokenise("UNB+UNOA:4+A+B+240101:1200+R1'UNH+1+PAXLST:D:02B:UN:IATA'"));
    expect(t.una).toBe(false);
    expect(t.segments.map((s) => s.tag)).toEqual(['UNB', 'UNH']);
    expect(t.segments[1]!.elements).toEqual([['1'], ['PAXLST', 'D', '02B', 'UN', 'IATA']]);
    expect(t.segments[1]!.index).toBe(2);
  });

  it("reads custom UNA delimiters the edifact package rejects (UNA*^.? ')", () => {
    const t = ok(tokenise("UNA*^.? 'UNB^UNOA*4^A^B'NAD^FL^^^DOE*JOHN'"));
    expect(t.delimiters.element).toBe('^');
    expect(t.delimiters.component).toBe('*');
    expect(t.segments[1]!.elements[3]).toEqual(['DOE', 'JOHN']);
    expect(t.segments[1]!.index).toBe(3);
  });

  it('resolves the release character', () => {
    const t = ok(tokenise("UNB+UNOA:4'NAD+FL?+MC?:MD+++O?'BRIEN:A??B'"));
    expect(t.segments[1]!.elements[0]).toEqual(['FL+MC:MD']);
    expect(t.segments[1]!.elements[3]).toEqual(["O'BRIEN", 'A?B']);
  });

  it('accepts CR/LF and spaces between segments', () => {
    const t = ok(tokenise("UNB+UNOA:4'\r\nUNH+1'\n  BGM+745'\r\n"));
    expect(t.segments.map((s) => s.tag)).toEqual(['UNB', 'UNH', 'BGM']);
  });

  it('rejects lowercase under UNOA in strict mode with a position, accepts it in lenient mode', () => {
    const text = "UNB+UNOA:4'NAD+FL+++Doe'";
    const strict = tokenise(text);
    expect(strict.ok).toBe(false);
    if (!strict.ok) {
      expect(strict.errors[0]).toMatchObject({
        code: 'CHARACTER_NOT_IN_SYNTAX',
        segmentIndex: 2,
        offset: 21,
      });
      expect(strict.errors).toHaveLength(1);
    }
    const lenient = tokenise(text, { mode: 'lenient' });
    expect(lenient.ok).toBe(true);
    if (lenient.ok) expect(lenient.warnings[0]?.code).toBe('CHARACTER_NOT_IN_SYNTAX');
  });

  it('allows lowercase under UNOB, Latin-1 under UNOC and anything under UNOY', () => {
    expect(tokenise("UNB+UNOB:4'NAD+FL+++Doe'").ok).toBe(true);
    expect(tokenise("UNB+UNOB:4'NAD+FL+++Müller'").ok).toBe(false);
    expect(tokenise("UNB+UNOC:4'NAD+FL+++Müller'").ok).toBe(true);
    expect(tokenise("UNB+UNOC:4'NAD+FL+++Łukasz'").ok).toBe(false);
    expect(tokenise("UNB+UNOY:4'NAD+FL+++Łukasz'").ok).toBe(true);
  });

  it('repairs a UNA one character short and a typographic terminator in lenient mode', () => {
    const short = tokenise("UNA:+\\*'\nUNB+IATA:1'LTS+A\\*B'", { mode: 'lenient' });
    const v = ok(short);
    expect(v.delimiters).toMatchObject({ release: '\\', terminator: "'" });
    expect(v.segments[1]!.elements[0]).toEqual(['A*B']);
    expect(v.segments[1]!.index).toBe(3);
    expect(tokenise("UNA:+\\*'\nUNB+IATA:1'").ok).toBe(false);
    const curly = ok(tokenise("UNA:+.\\*\u2019 UNB+IATA:1'UNH+1'", { mode: 'lenient' }));
    expect(curly.segments.map((s) => s.tag)).toEqual(['UNB', 'UNH']);
  });

  it('infers delimiters from UNB when the UNA is missing (lenient)', () => {
    const r = tokenise("UNB*UNOA:4*A*B'NAD*FL'", { mode: 'lenient' });
    expect(ok(r).segments[1]!.elements[0]).toEqual(['FL']);
    expect(tokenise("UNB*UNOA:4*A*B'NAD*FL'").ok).toBe(false);
  });

  it('removes line breaks inside a segment, as an error in strict mode', () => {
    const text = "UNB+UNOA:4'ADD++45 HIGH\nSTREET'";
    expect(ok(tokenise(text, { mode: 'lenient' })).segments[1]!.elements[1]).toEqual([
      '45 HIGHSTREET',
    ]);
    const strict = tokenise(text);
    expect(strict.ok).toBe(false);
    if (!strict.ok)
      expect(strict.errors[0]).toMatchObject({ code: 'LINE_BREAK_IN_SEGMENT', offset: 23 });
  });

  it('reports an unterminated last segment', () => {
    const r = tokenise("UNB+UNOA:4'UNH+1");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'SEGMENT_UNTERMINATED', segmentIndex: 2 });
  });
});
