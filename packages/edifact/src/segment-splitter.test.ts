import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture } from '../test-fixtures/gtas-fixtures.ts';
import { createSegmentSplitter } from './segment-splitter.ts';
import { tokenise } from './tokeniser.ts';

function splitAll(text: string, cuts: number[]): string[] {
  const s = createSegmentSplitter({ mode: 'lenient' });
  const out: string[] = [];
  let prev = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    out.push(...s.push(text.slice(prev, c)));
    prev = c;
  }
  out.push(...s.push(text.slice(prev)));
  out.push(...s.end().segments);
  return out;
}

describe('createSegmentSplitter', () => {
  it('gives the same segments as the tokeniser, wherever the chunks are cut (property)', () => {
    const texts = [
      fixture('paxlst', 'airline2.edi'),
      fixture('paxlst', 'Test1.txt'),
      "UNB+UNOA:4'FTX+A?'B?''UNZ+1+1'",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.array(fc.nat({ max: 3000 }), { maxLength: 8 }),
        (text, cuts) => {
          const segs = splitAll(
            text,
            cuts.map((c) => c % (text.length + 1)),
          );
          const tk = tokenise(text, { mode: 'lenient' });
          if (!tk.ok) throw new Error('fixture');
          const unaOffset = text.startsWith('UNA') ? 1 : 0;
          expect(segs.length).toBe(tk.value.segments.length + unaOffset);
          expect(segs.slice(unaOffset).map((s) => s.slice(0, 3))).toEqual(
            tk.value.segments.map((s) => s.tag.slice(0, 3)),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps a release character cut from the character it releases', () => {
    const s = createSegmentSplitter();
    expect(s.push("UNB+UNOA:4'FTX+A?")).toEqual(["UNB+UNOA:4'"]);
    expect(s.push("'B'")).toEqual(["FTX+A?'B'"]);
  });

  it('reports an unterminated tail', () => {
    const s = createSegmentSplitter();
    s.push("UNB+UNOA:4'UNZ+1");
    expect(s.end()).toMatchObject({
      segments: ['UNZ+1'],
      issues: [{ code: 'SEGMENT_UNTERMINATED' }],
    });
  });
});
