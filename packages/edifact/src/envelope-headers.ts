// Envelope headers: what UNB, UNG and UNH say, read from the current segment, and the
// context a message decoder receives.
import type { IssueSink } from './codec-issues.ts';
import type { SegmentScanner } from './segment-scanner.ts';
import { SYNTAX_IDS, type Delimiters, type SyntaxId } from './service-string.ts';

export interface InterchangeHeader {
  syntax: SyntaxId;
  syntaxVersion: string;
  sender: string;
  recipient: string;
  /** `YYMMDD:HHMM` as sent. */
  date: string;
  time: string;
  ref: string;
  delimiters: Delimiters;
}

export interface GroupHeader {
  id: string;
  sender: string;
  recipient: string;
  ref: string;
  version: string;
}

export interface MessageHeader {
  ref: string;
  type: string;
  version: string;
  release: string;
  agency: string;
  association: string;
  commonAccessRef: string;
  /** UNH S010: sequence of transfers (`01:C` … `NN:F`). */
  sequence?: { number: number; last: boolean };
  segmentIndex: number;
}

export interface MessageContext {
  interchange?: InterchangeHeader;
  group?: GroupHeader;
  header: MessageHeader;
  sink: IssueSink;
}

/** Receives the segments between UNH and UNT (exclusive) of one message. */
export interface MessageDecoder<T> {
  segment(s: SegmentScanner): void;
  /**
   * Optional fast path: reads up to `max` data segments from `start` straight from the
   * text, advances the scanner past them (SegmentScanner.consumed) and returns how many it
   * read; 0 (having changed nothing) when the segment at `start` needs the general path:
   * anything unusual, and every segment with an issue.
   */
  fast?(s: SegmentScanner, start: number, max: number): number;
  finish(unt: { segmentIndex: number } | undefined): T | undefined;
}

export function where(s: SegmentScanner, element?: number, component?: number) {
  return {
    segmentIndex: s.index,
    segmentTag: s.tag,
    element,
    component,
    offset: element ? s.offsetOf(element, component) : s.offset,
  };
}

export function readUnb(
  s: SegmentScanner,
  sink: IssueSink,
  delimiters: Delimiters,
): InterchangeHeader {
  const raw = s.value(1, 1);
  let syntax = raw.toUpperCase() as SyntaxId;
  if (raw !== syntax) {
    sink.problem(
      'SYNTAX_ID_LOWERCASE',
      `Syntax identifier "${raw}" should be upper case.`,
      where(s, 1, 1),
    );
  }
  if (!SYNTAX_IDS.includes(syntax)) {
    sink.problem(
      'SYNTAX_ID_UNKNOWN',
      `Unknown syntax identifier "${raw}"; expected UNOA, UNOB, UNOC, UNOY or IATA.`,
      where(s, 1, 1),
    );
    syntax = 'UNOY';
  }
  return {
    syntax,
    syntaxVersion: s.value(1, 2),
    sender: s.value(2, 1),
    recipient: s.value(3, 1),
    date: s.value(4, 1),
    time: s.value(4, 2),
    ref: s.value(5, 1),
    delimiters,
  };
}

export function readUnh(s: SegmentScanner, sink: IssueSink): MessageHeader {
  const header: MessageHeader = {
    ref: s.value(1, 1),
    type: s.value(2, 1),
    version: s.value(2, 2),
    release: s.value(2, 3),
    agency: s.value(2, 4),
    association: s.value(2, 5),
    commonAccessRef: s.value(3, 1),
    segmentIndex: s.index,
  };
  if (!header.ref) sink.error('UNH_REF_MISSING', 'UNH has no message reference.', where(s, 1, 1));
  if (!header.type)
    sink.error('UNH_TYPE_MISSING', 'UNH does not name the message type.', where(s, 2, 1));
  const seq = s.value(4, 1);
  if (seq) {
    const n = Number(seq);
    const flag = s.value(4, 2).toUpperCase();
    if (!/^\d{1,2}$/.test(seq) || n < 1) {
      sink.error(
        'UNH_SEQUENCE_INVALID',
        `UNH sequence number "${seq}" must be 1 to 99.`,
        where(s, 4, 1),
      );
    } else if (flag !== 'C' && flag !== 'F') {
      sink.error(
        'UNH_SEQUENCE_FLAG_INVALID',
        `UNH first/last indicator "${s.value(4, 2)}" must be C (more follow) or F (final).`,
        where(s, 4, 2),
      );
    } else header.sequence = { number: n, last: flag === 'F' };
  }
  return header;
}
