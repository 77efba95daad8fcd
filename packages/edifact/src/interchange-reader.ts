// The interchange envelope: UNB/UNZ, UNG/UNE and UNH/UNT with their control counts and
// references checked, handing each message's segments to a message-specific decoder.
import type { IssueSink } from './codec-issues.ts';
import {
  readUnb,
  readUnh,
  where,
  type GroupHeader,
  type InterchangeHeader,
  type MessageDecoder,
  type MessageHeader,
  type MessageContext,
} from './envelope-headers.ts';
import { SegmentScanner, codeKey } from './segment-scanner.ts';
import { readServiceString, skipBlank } from './service-string.ts';

export type {
  GroupHeader,
  InterchangeHeader,
  MessageContext,
  MessageDecoder,
  MessageHeader,
} from './envelope-headers.ts';

const UNB = codeKey('UNB');
const UNG = codeKey('UNG');
const UNH = codeKey('UNH');
const UNT = codeKey('UNT');
const UNE = codeKey('UNE');
const UNZ = codeKey('UNZ');
/** codeKey('UN') : the tag code of every UN* service segment divided by 256. */
const UN_PREFIX = codeKey('UN');

export interface InterchangeResult<T> {
  interchange?: InterchangeHeader;
  messages: T[];
}

/**
 * Walks one interchange. `open` decides per message header whether it can decode that
 * message (returning undefined skips it, after it has reported why).
 */
export function readInterchange<T>(
  text: string,
  sink: IssueSink,
  open: (ctx: MessageContext) => MessageDecoder<T> | undefined,
  onProgress?: (offset: number, total: number) => void,
): InterchangeResult<T> {
  const una = readServiceString(text, sink);
  const s = new SegmentScanner(text, una.delimiters, una.end, sink, una.present ? 1 : 0);
  const messages: T[] = [];
  let interchange: InterchangeHeader | undefined;
  let group: GroupHeader | undefined;
  let decoder: MessageDecoder<T> | undefined;
  let header: MessageHeader | undefined;
  let state: 'start' | 'interchange' | 'message' | 'done' = 'start';
  let segCount = 0;
  let messageCount = 0;
  let groupCount = 0;
  let groupMessages = 0;
  let sawMessage = false;

  const closeMessage = (unt: { segmentIndex: number } | undefined): void => {
    const value = decoder?.finish(unt);
    if (value !== undefined) messages.push(value);
    decoder = undefined;
    header = undefined;
    state = 'interchange';
  };

  let tick = 0;
  for (;;) {
    // Fast path first: the decoder reads a common data segment itself, straight from the text.
    if (state === 'message' && decoder?.fast) {
      const start = s.peek();
      const n = start < 0 ? 0 : decoder.fast(s, start, onProgress ? 8192 - tick : 1e9);
      if (n > 0) {
        segCount += n;
        if (onProgress && (tick += n) === 8192) {
          tick = 0;
          onProgress(s.offset, text.length);
        }
        continue;
      }
    }
    if (!s.next()) break;
    if (onProgress && ++tick === 8192) {
      tick = 0;
      onProgress(s.offset, text.length);
    }
    if (!s.terminated) {
      sink.problem(
        'SEGMENT_UNTERMINATED',
        'The text ends inside a segment (no terminator).',
        where(s),
      );
    }
    const tag = s.tagCode;
    // Fast path: a data segment inside a message (every tag but the UN* service segments).
    if (state === 'message' && tag > 0 && Math.floor(tag / 256) !== UN_PREFIX) {
      segCount++;
      decoder?.segment(s);
      continue;
    }
    if (tag === UNB) {
      if (state !== 'start')
        sink.error('UNB_UNEXPECTED', 'A second UNB inside one interchange.', where(s));
      interchange = readUnb(s, sink, una.delimiters);
      s.setSyntax(interchange.syntax);
      state = 'interchange';
    } else if (tag === UNG) {
      if (state === 'message') {
        sink.problem(
          'UNT_MISSING',
          `Message ${header?.ref ?? ''} has no UNT before UNG.`,
          where(s),
        );
        closeMessage(undefined);
      }
      group = {
        id: s.value(1, 1),
        sender: s.value(2, 1),
        recipient: s.value(3, 1),
        ref: s.value(5, 1),
        version: s.value(7, 1),
      };
      groupCount++;
      groupMessages = 0;
      if (state === 'start')
        sink.problem('UNB_MISSING', 'The interchange has no UNB header.', where(s));
      state = 'interchange';
    } else if (tag === UNH) {
      if (state === 'message') {
        sink.problem(
          'UNT_MISSING',
          `Message ${header?.ref ?? ''} has no UNT before the next UNH.`,
          where(s),
        );
        closeMessage(undefined);
      }
      if (state === 'start')
        sink.problem('UNB_MISSING', 'The interchange has no UNB header.', where(s));
      header = readUnh(s, sink);
      sawMessage = true;
      messageCount++;
      groupMessages++;
      segCount = 1;
      state = 'message';
      decoder = open({ interchange, group, header, sink });
    } else if (tag === UNT) {
      if (state !== 'message' || !header) {
        sink.problem('UNT_UNEXPECTED', 'UNT without an open message.', where(s));
        continue;
      }
      segCount++;
      const declared = s.value(1, 1);
      if (!/^\d+$/.test(declared) || Number(declared) !== segCount) {
        sink.problem(
          'UNT_COUNT_MISMATCH',
          `UNT declares ${declared || 'no'} segments but message ${header.ref} has ${segCount} (UNH to UNT).`,
          where(s, 1, 1),
        );
      }
      const ref = s.value(2, 1);
      if (ref !== header.ref) {
        sink.problem(
          'UNT_REF_MISMATCH',
          `UNT reference "${ref}" does not match UNH reference "${header.ref}".`,
          where(s, 2, 1),
        );
      }
      closeMessage({ segmentIndex: s.index });
    } else if (tag === UNE) {
      if (state === 'message') {
        sink.problem('UNT_MISSING', `Message ${header?.ref ?? ''} has no UNT.`, where(s));
        closeMessage(undefined);
      }
      if (!group) sink.problem('UNE_UNEXPECTED', 'UNE without a UNG.', where(s));
      else {
        if (Number(s.value(1, 1)) !== groupMessages) {
          sink.problem(
            'UNE_COUNT_MISMATCH',
            `UNE declares ${s.value(1, 1) || 'no'} messages but the group holds ${groupMessages}.`,
            where(s, 1, 1),
          );
        }
        if (s.value(2, 1) !== group.ref) {
          sink.problem(
            'UNE_REF_MISMATCH',
            `UNE reference "${s.value(2, 1)}" does not match UNG reference "${group.ref}".`,
            where(s, 2, 1),
          );
        }
      }
      group = undefined;
    } else if (tag === UNZ) {
      if (state === 'message') {
        sink.problem('UNT_MISSING', `Message ${header?.ref ?? ''} has no UNT.`, where(s));
        closeMessage(undefined);
      }
      if (!interchange) sink.problem('UNZ_UNEXPECTED', 'UNZ without a UNB.', where(s));
      else {
        const n = Number(s.value(1, 1));
        const expected = groupCount > 0 ? groupCount : messageCount;
        if (n !== expected && n !== messageCount) {
          sink.problem(
            'UNZ_COUNT_MISMATCH',
            `UNZ declares ${s.value(1, 1) || 'no'} ${groupCount > 0 ? 'groups' : 'messages'} but the interchange holds ${expected}.`,
            where(s, 1, 1),
          );
        }
        if (s.value(2, 1) !== interchange.ref) {
          sink.problem(
            'UNZ_REF_MISMATCH',
            `UNZ reference "${s.value(2, 1)}" does not match UNB reference "${interchange.ref}".`,
            where(s, 2, 1),
          );
        }
      }
      state = 'done';
      // Whatever follows UNZ is not read (it might not even use the same delimiters).
      const rest = skipBlank(text, s.next_);
      if (rest < text.length) {
        sink.problem(
          'TRAILING_DATA',
          'Characters follow the UNZ interchange trailer; they were ignored.',
          {
            offset: rest,
          },
        );
      }
      break;
    } else if (state === 'message') {
      segCount++;
      if (s.tagCode < 0) {
        sink.problem(
          'TAG_INVALID',
          `"${s.tag.slice(0, 20)}" is not a three-letter segment tag.`,
          where(s),
        );
      } else decoder?.segment(s);
    } else {
      sink.problem(
        'SEGMENT_OUTSIDE_MESSAGE',
        `Segment ${s.tag.slice(0, 20)} is outside any UNH…UNT message.`,
        where(s),
      );
    }
  }
  if (state === 'message') {
    sink.problem('UNT_MISSING', `Message ${header?.ref ?? ''} has no UNT trailer.`, {
      offset: text.length,
    });
    closeMessage(undefined);
  }
  if (state === 'interchange' && interchange) {
    sink.problem('UNZ_MISSING', 'The interchange has no UNZ trailer.', { offset: text.length });
  }
  if (!sawMessage) sink.error('NO_MESSAGE', 'The text holds no UNH message.', { offset: 0 });
  if (s.badChars > 1 && !sink.strict) {
    sink.warn(
      'CHARACTER_NOT_IN_SYNTAX',
      `${s.badChars} characters in all lie outside the declared character set; they were kept.`,
    );
  }
  if (s.lineBreaks > 1 && !sink.strict) {
    sink.warn('LINE_BREAK_IN_SEGMENT', `${s.lineBreaks} line breaks inside segments were removed.`);
  }
  return { interchange, messages };
}
