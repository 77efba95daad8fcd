// Incremental segment splitter for large pushes arriving in chunks: keeps only the
// unfinished tail between calls, so memory stays flat however long the interchange is.
import { IssueSink, type CodecIssue } from './codec-issues.ts';
import {
  readServiceString,
  skipBlank,
  DEFAULT_DELIMITERS,
  type Delimiters,
} from './service-string.ts';

export interface SegmentSplitter {
  /** Feeds the next chunk; returns the raw segments (terminator included) it completed. */
  push(chunk: string): string[];
  /** Flushes the tail: a last segment without terminator comes back with an issue. */
  end(): { segments: string[]; issues: CodecIssue[] };
  /** The delimiters in force (known once the first chunk has been seen). */
  readonly delimiters: Delimiters;
  /** Character offsets in the whole stream of the segments the last push/end returned. */
  readonly lastOffsets: readonly number[];
}

/** UNA is read from the first 9 characters, so the splitter waits for that many before splitting. */
export function createSegmentSplitter(
  options: { mode?: 'strict' | 'lenient' } = {},
): SegmentSplitter {
  const sink = new IssueSink((options.mode ?? 'strict') === 'strict');
  let delimiters: Delimiters = DEFAULT_DELIMITERS;
  let started = false;
  let tail = '';
  let term = 39;
  let rel = 63;
  /** Offset in the whole stream of the first character of the text being split. */
  let consumed = 0;
  let offsets: number[] = [];

  function split(text: string, final: boolean): string[] {
    const out: string[] = [];
    let start = 0;
    let p = 0;
    const len = text.length;
    while (p < len) {
      const c = text.charCodeAt(p);
      if (c === rel) {
        if (p + 1 >= len && !final) break;
        p += 2;
      } else if (c === term) {
        p++;
        const s = skipBlank(text, start);
        if (s < p) {
          out.push(text.slice(s, p));
          offsets.push(consumed + s);
        }
        start = p;
      } else p++;
    }
    tail = text.slice(start);
    consumed += start;
    return out;
  }

  const splitter: SegmentSplitter = {
    get delimiters() {
      return delimiters;
    },
    get lastOffsets() {
      return offsets;
    },
    push(chunk: string): string[] {
      offsets = [];
      if (typeof chunk !== 'string' || chunk.length === 0) return [];
      let text = tail + chunk;
      if (!started) {
        if (skipBlank(text, 0) + 9 > text.length) {
          tail = text;
          return [];
        }
        const una = readServiceString(text, sink);
        delimiters = una.delimiters;
        term = delimiters.terminator.charCodeAt(0);
        rel = delimiters.release.charCodeAt(0);
        started = true;
        const head = una.present ? [text.slice(skipBlank(text, 0), una.end)] : [];
        if (una.present) offsets.push(skipBlank(text, 0));
        text = text.slice(una.end);
        consumed += una.end;
        return [...head, ...split(text, false)];
      }
      return split(text, false);
    },
    end() {
      // A stream shorter than a UNA is split with the default delimiters.
      offsets = [];
      const segments = split(tail, true);
      const rest = tail.trim();
      if (rest) {
        sink.problem('SEGMENT_UNTERMINATED', 'The stream ends inside a segment (no terminator).', {
          offset: consumed + skipBlank(tail, 0),
        });
        segments.push(rest);
        offsets.push(consumed + skipBlank(tail, 0));
      }
      tail = '';
      const issues = [...sink.errors, ...sink.warnings];
      return { segments, issues };
    },
  };
  return splitter;
}
