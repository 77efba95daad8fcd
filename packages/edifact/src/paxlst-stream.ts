// Streaming PAXLST: a push of many messages arrives in chunks and each message is decoded
// as soon as its UNT arrives, so memory holds one message, not the whole push.
import { IssueSink, type CodecIssue, type DecodeResult } from './codec-issues.ts';
import { decodePaxlst, type PaxlstDecodeOptions, type PaxlstMessage } from './paxlst-decoder.ts';
import { createSegmentSplitter } from './segment-splitter.ts';
import { tokenise } from './tokeniser.ts';

export interface PaxlstStream {
  /** Feeds a chunk; returns one result per message completed by it (in order). */
  push(chunk: string): DecodeResult<PaxlstMessage>[];
  /** Ends the stream: any unfinished message, then the interchange-level checks (UNZ). */
  end(): {
    messages: DecodeResult<PaxlstMessage>[];
    interchange: DecodeResult<{ messageCount: number }>;
  };
}

interface Held {
  raw: string;
  offset: number;
}

/** The tag of a UN* service segment (upper-cased), or '' for any data segment. */
function tagOf(raw: string): string {
  const u = raw.charCodeAt(0) & ~32;
  const n = raw.charCodeAt(1) & ~32;
  return u === 85 && n === 78 ? raw.slice(0, 3).toUpperCase() : '';
}

/**
 * Positions reported by the per-message decode refer to a small interchange made of the
 * header segments and that message; this maps them back onto the whole stream.
 */
function relocate(
  issue: CodecIssue,
  header: Held[],
  message: Held[],
  firstIndex: number,
  headerChars: number,
): CodecIssue | undefined {
  const out = { ...issue };
  const h = header.length;
  if (out.segmentIndex !== undefined) {
    if (out.segmentIndex > h + message.length) return undefined;
    if (out.segmentIndex > h) out.segmentIndex += firstIndex - (h + 1);
  }
  if (out.offset !== undefined) {
    if (out.offset >= headerChars) {
      let rel = out.offset - headerChars;
      for (const seg of message) {
        if (rel < seg.raw.length) {
          out.offset = seg.offset + rel;
          return out;
        }
        rel -= seg.raw.length;
      }
      const last = message[message.length - 1];
      out.offset = last ? last.offset + last.raw.length : out.offset;
    } else {
      let rel = out.offset;
      for (const seg of header) {
        if (rel < seg.raw.length) {
          out.offset = seg.offset + rel;
          break;
        }
        rel -= seg.raw.length;
      }
    }
  }
  return out;
}

export function createPaxlstStream(options: PaxlstDecodeOptions = {}): PaxlstStream {
  const mode = options.mode ?? 'strict';
  const splitter = createSegmentSplitter({ mode });
  const sink = new IssueSink(mode === 'strict');
  const header: Held[] = [];
  let message: Held[] | undefined;
  let firstIndex = 0;
  let index = 0;
  let count = 0;
  let unbRef: string | undefined;
  let ungRef: string | undefined;
  let headerReported = false;
  let sawUnz = false;

  const envelopeRef = (raw: string): string | undefined => {
    const t = tokenise(raw, { mode: 'lenient' });
    return t.ok ? t.value.segments[0]?.elements[4]?.[0] : undefined;
  };

  function decodeHeld(): DecodeResult<PaxlstMessage> {
    const held = message ?? [];
    message = undefined;
    count++;
    const d = splitter.delimiters;
    const esc = (v: string) =>
      v.replace(/./g, (c) =>
        [d.component, d.element, d.release, d.terminator].includes(c) ? d.release + c : c,
      );
    const trailer =
      (ungRef !== undefined ? `UNE${d.element}1${d.element}${esc(ungRef)}${d.terminator}` : '') +
      (unbRef !== undefined ? `UNZ${d.element}1${d.element}${esc(unbRef)}${d.terminator}` : '');
    const headerText = header.map((x) => x.raw).join('');
    const r = decodePaxlst(headerText + held.map((x) => x.raw).join('') + trailer, options);
    const keep = (i: CodecIssue) =>
      headerReported === false || i.segmentIndex === undefined || i.segmentIndex > header.length;
    const map = (list: CodecIssue[]) =>
      list
        .filter(keep)
        .map((i) => relocate(i, header, held, firstIndex, headerText.length))
        .filter((i): i is CodecIssue => i !== undefined);
    headerReported = true;
    const warnings = map(r.warnings);
    if (!r.ok) return { ok: false, errors: map(r.errors), warnings };
    const value = r.value[0];
    if (!value)
      return {
        ok: false,
        errors: [{ code: 'NO_MESSAGE', message: 'The message held no UNH.' }],
        warnings,
      };
    return { ok: true, value, warnings };
  }

  function take(segments: string[], offsets: readonly number[]): DecodeResult<PaxlstMessage>[] {
    const done: DecodeResult<PaxlstMessage>[] = [];
    segments.forEach((raw, i) => {
      index++;
      const held = { raw, offset: offsets[i] ?? 0 };
      const tag = tagOf(raw);
      if (tag === 'UNA' || tag === 'UNB' || tag === 'UNG') {
        if (message) done.push(decodeHeld());
        if (tag === 'UNB') unbRef = envelopeRef(raw);
        if (tag === 'UNG') ungRef = envelopeRef(raw);
        header.push(held);
      } else if (tag === 'UNH') {
        if (message) done.push(decodeHeld());
        message = [held];
        firstIndex = index;
      } else if (message) {
        message.push(held);
        if (tag === 'UNT') done.push(decodeHeld());
      } else if (tag === 'UNZ') {
        sawUnz = true;
        const t = tokenise(raw, { mode: 'lenient' });
        const n = t.ok ? Number(t.value.segments[0]?.elements[0]?.[0]) : NaN;
        const ref = t.ok ? t.value.segments[0]?.elements[1]?.[0] : undefined;
        const at = { segmentIndex: index, segmentTag: 'UNZ', offset: held.offset };
        if (n !== count && ungRef === undefined)
          sink.problem(
            'UNZ_COUNT_MISMATCH',
            `UNZ declares ${n} messages but the stream held ${count}.`,
            { ...at, element: 1 },
          );
        if (ref !== unbRef)
          sink.problem(
            'UNZ_REF_MISMATCH',
            `UNZ reference "${ref}" does not match UNB reference "${unbRef}".`,
            { ...at, element: 2 },
          );
      } else if (tag !== 'UNE') {
        sink.problem(
          'SEGMENT_OUTSIDE_MESSAGE',
          `Segment ${raw.slice(0, 3)} is outside any UNH…UNT message.`,
          {
            segmentIndex: index,
            offset: held.offset,
          },
        );
      }
    });
    return done;
  }

  return {
    push(chunk) {
      const segments = splitter.push(chunk);
      return take(segments, splitter.lastOffsets);
    },
    end() {
      const tail = splitter.end();
      for (const i of tail.issues) sink.problem(i.code, i.message, i);
      const messages = take(tail.segments, splitter.lastOffsets);
      if (message) messages.push(decodeHeld());
      if (!sawUnz && unbRef !== undefined)
        sink.problem('UNZ_MISSING', 'The interchange has no UNZ trailer.');
      if (count === 0) sink.error('NO_MESSAGE', 'The stream held no UNH message.');
      return { messages, interchange: sink.result({ messageCount: count }) };
    },
  };
}
