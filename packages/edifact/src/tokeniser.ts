// The generic tokeniser API: an interchange as a list of segments (tag, elements,
// components), for tools, differential tests and message types without a decoder.
import { IssueSink, type DecodeMode, type DecodeResult } from './codec-issues.ts';
import { SegmentScanner } from './segment-scanner.ts';
import { readServiceString, SYNTAX_IDS, type Delimiters, type SyntaxId } from './service-string.ts';

export interface Segment {
  tag: string;
  /** Data elements after the tag, each as its components (release characters resolved). */
  elements: string[][];
  /** 1-based ordinal, UNA included. */
  index: number;
  offset: number;
}

export interface Tokenised {
  delimiters: Delimiters;
  una: boolean;
  segments: Segment[];
}

export function tokenise(
  text: string,
  options: { mode?: DecodeMode } = {},
): DecodeResult<Tokenised> {
  const sink = new IssueSink((options.mode ?? 'strict') === 'strict');
  if (typeof text !== 'string') {
    sink.error('INPUT_NOT_TEXT', 'The input must be a string.');
    return sink.result({
      delimiters: readServiceString('', sink).delimiters,
      una: false,
      segments: [],
    });
  }
  const una = readServiceString(text, sink);
  const s = new SegmentScanner(text, una.delimiters, una.end, sink, una.present ? 1 : 0);
  const segments: Segment[] = [];
  while (s.next()) {
    if (!s.terminated) {
      sink.problem('SEGMENT_UNTERMINATED', 'The text ends inside a segment (no terminator).', {
        segmentIndex: s.index,
        offset: s.offset,
      });
    }
    const tag = s.tag;
    if (tag === 'UNB' || tag === 'unb') {
      const id = s.value(1, 1).toUpperCase() as SyntaxId;
      if (SYNTAX_IDS.includes(id)) s.setSyntax(id);
    }
    segments.push({ tag, elements: s.elements(), index: s.index, offset: s.offset });
  }
  return sink.result({ delimiters: una.delimiters, una: una.present, segments });
}
