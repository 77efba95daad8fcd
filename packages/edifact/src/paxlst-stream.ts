// Streaming PAXLST: a push of many messages arrives in chunks and each message is decoded
// as soon as its UNT arrives, so memory holds one message, not the whole push.
import { IssueSink, type CodecIssue, type DecodeResult } from './codec-issues.ts';
import { decodePaxlst, type PaxlstDecodeOptions, type PaxlstMessage } from './paxlst-decoder.ts';
import { readServiceString, skipBlank, type Delimiters } from './service-string.ts';
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

interface HeaderSegment {
  raw: string;
  offset: number;
}

/** The UN* tag at `p` (upper-cased), or '' for a data segment; no allocation for data. */
function serviceTag(text: string, p: number): string {
  const u = text.charCodeAt(p) & ~32;
  const n = text.charCodeAt(p + 1) & ~32;
  return u === 85 && n === 78 ? text.slice(p, p + 3).toUpperCase() : '';
}

export function createPaxlstStream(options: PaxlstDecodeOptions = {}): PaxlstStream {
  const mode = options.mode ?? 'strict';
  const sink = new IssueSink(mode === 'strict');
  const header: HeaderSegment[] = [];
  let delimiters: Delimiters | undefined;
  let rel = 63;
  /** Unprocessed text; `base` is the stream offset of its first character. */
  let buf = '';
  let base = 0;
  /** Where splitting resumes in `buf` (always at a segment boundary). */
  let scan = 0;
  /** Start of the open message in `buf`, or -1. */
  let msgStart = -1;
  let msgIndex = 0;
  let index = 0;
  let count = 0;
  let unbRef: string | undefined;
  let ungRef: string | undefined;
  let headerReported = false;
  let sawUnz = false;

  const elementOf = (raw: string, e: number): string | undefined => {
    const t = tokenise(raw, { mode: 'lenient' });
    return t.ok ? t.value.segments[0]?.elements[e - 1]?.[0] : undefined;
  };

  /** Decodes header + the message text `buf[msgStart, end)` and maps positions back. */
  function decodeMessage(end: number): DecodeResult<PaxlstMessage> {
    const d = delimiters!;
    const start = msgStart;
    msgStart = -1;
    count++;
    const esc = (v: string) =>
      [...v]
        .map((c) =>
          [d.component, d.element, d.release, d.terminator].includes(c) ? d.release + c : c,
        )
        .join('');
    const trailer =
      (ungRef !== undefined ? `UNE${d.element}1${d.element}${esc(ungRef)}${d.terminator}` : '') +
      (unbRef !== undefined ? `UNZ${d.element}1${d.element}${esc(unbRef)}${d.terminator}` : '');
    const headerText = header.map((x) => x.raw).join('');
    const body = buf.slice(start, end);
    const r = decodePaxlst(headerText + body + trailer, options);
    const h = header.length;
    const bodyStart = base + start;
    const lastIndex = index;
    const map = (list: CodecIssue[]): CodecIssue[] => {
      const out: CodecIssue[] = [];
      for (const issue of list) {
        const i = { ...issue };
        if (i.segmentIndex !== undefined) {
          if (i.segmentIndex <= h && headerReported) continue;
          if (i.segmentIndex > h) i.segmentIndex += msgIndex - (h + 1);
          if (i.segmentIndex > lastIndex) continue;
        }
        if (i.offset !== undefined) {
          if (i.offset >= headerText.length) {
            if (i.offset > headerText.length + body.length)
              i.offset = headerText.length + body.length;
            i.offset = bodyStart + (i.offset - headerText.length);
          } else {
            let rel = i.offset;
            for (const seg of header) {
              if (rel < seg.raw.length) {
                i.offset = seg.offset + rel;
                break;
              }
              rel -= seg.raw.length;
            }
          }
        }
        out.push(i);
      }
      return out;
    };
    const warnings = map(r.warnings);
    const errors = r.ok ? [] : map(r.errors);
    headerReported = true;
    if (!r.ok) return { ok: false, errors, warnings };
    const value = r.value[0];
    if (!value)
      return {
        ok: false,
        errors: [{ code: 'NO_MESSAGE', message: 'The message held no UNH.' }],
        warnings,
      };
    return { ok: true, value, warnings };
  }

  /** One complete segment `buf[s, e]` (e = terminator position or end of text). */
  function segment(s: number, e: number, done: DecodeResult<PaxlstMessage>[]): void {
    index++;
    const tag = serviceTag(buf, s);
    if (tag === '') {
      if (msgStart < 0) {
        sink.problem(
          'SEGMENT_OUTSIDE_MESSAGE',
          `Segment ${buf.slice(s, s + 3)} is outside any UNH…UNT message.`,
          {
            segmentIndex: index,
            offset: base + s,
          },
        );
      }
      return;
    }
    if (tag === 'UNB' || tag === 'UNG') {
      if (msgStart >= 0) done.push(decodeMessage(s));
      const raw = buf.slice(s, e + 1);
      if (tag === 'UNB') unbRef = elementOf(raw, 5);
      else ungRef = elementOf(raw, 5);
      header.push({ raw, offset: base + s });
    } else if (tag === 'UNH') {
      if (msgStart >= 0) done.push(decodeMessage(s));
      msgStart = s;
      msgIndex = index;
    } else if (tag === 'UNT') {
      if (msgStart >= 0) done.push(decodeMessage(e + 1));
      else
        sink.problem('UNT_UNEXPECTED', 'UNT without an open message.', {
          segmentIndex: index,
          offset: base + s,
        });
    } else if (tag === 'UNZ') {
      if (msgStart >= 0) done.push(decodeMessage(s));
      sawUnz = true;
      const raw = buf.slice(s, e + 1);
      const n = Number(elementOf(raw, 1));
      const ref = elementOf(raw, 2);
      const at = { segmentIndex: index, segmentTag: 'UNZ', offset: base + s };
      if (n !== count && ungRef === undefined) {
        sink.problem(
          'UNZ_COUNT_MISMATCH',
          `UNZ declares ${n} messages but the stream held ${count}.`,
          { ...at, element: 1 },
        );
      }
      if (ref !== unbRef) {
        sink.problem(
          'UNZ_REF_MISMATCH',
          `UNZ reference "${ref}" does not match UNB reference "${unbRef}".`,
          { ...at, element: 2 },
        );
      }
    } else if (tag !== 'UNE' && msgStart < 0) {
      sink.problem('SEGMENT_OUTSIDE_MESSAGE', `Segment ${tag} is outside any UNH…UNT message.`, {
        segmentIndex: index,
        offset: base + s,
      });
    }
  }

  function split(final: boolean): DecodeResult<PaxlstMessage>[] {
    const done: DecodeResult<PaxlstMessage>[] = [];
    if (!delimiters) {
      if (!final && skipBlank(buf, 0) + 9 > buf.length) return done;
      const una = readServiceString(buf, sink);
      delimiters = una.delimiters;
      rel = delimiters.release.charCodeAt(0);
      if (una.present) {
        index++;
        header.push({ raw: buf.slice(skipBlank(buf, 0), una.end), offset: skipBlank(buf, 0) });
      }
      scan = una.end;
    }
    const len = buf.length;
    const termChar = delimiters.terminator;
    // indexOf finds the terminators natively; one is released when an odd run of release
    // characters (counted back to the segment start) stands right before it.
    let p = buf.indexOf(termChar, scan);
    while (p >= 0) {
      let r = p;
      while (r > scan && buf.charCodeAt(r - 1) === rel) r--;
      if ((p - r) % 2 === 0) {
        const s = skipBlank(buf, scan);
        if (s < p) segment(s, p, done);
        scan = p + 1;
      }
      p = buf.indexOf(termChar, p + 1);
    }
    if (final) {
      const s = skipBlank(buf, scan);
      if (s < len) {
        sink.problem('SEGMENT_UNTERMINATED', 'The stream ends inside a segment (no terminator).', {
          offset: base + s,
        });
        segment(s, len, done);
        scan = len;
      }
    }
    // Keep only what is still needed: the open message, else the unsplit tail.
    const keep = msgStart >= 0 ? msgStart : scan;
    if (keep > 0) {
      buf = buf.slice(keep);
      base += keep;
      scan -= keep;
      if (msgStart >= 0) msgStart -= keep;
    }
    return done;
  }

  return {
    push(chunk) {
      if (typeof chunk !== 'string' || chunk.length === 0) return [];
      buf += chunk;
      void Number(buf); // flatten the rope before the charCodeAt loop (see segment-scanner.ts)
      return split(false);
    },
    end() {
      const messages = split(true);
      if (msgStart >= 0) messages.push(decodeMessage(buf.length));
      if (!sawUnz && unbRef !== undefined)
        sink.problem('UNZ_MISSING', 'The interchange has no UNZ trailer.');
      if (count === 0) sink.error('NO_MESSAGE', 'The stream held no UNH message.');
      return { messages, interchange: sink.result({ messageCount: count }) };
    },
  };
}
