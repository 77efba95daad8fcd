// CUSRES, the interactive answer to the carrier: per traveller ERC 0Z board, 1Z do not
// board, 2Z contact the authority (advisory), 4Z insufficient data; writer and reader.
import { BoardingAnswer } from '@paxguard/domain';
import { z } from 'zod';
import { IssueSink, type DecodeMode, type DecodeResult } from './codec-issues.ts';
import { parseEdifactDate } from './edifact-dates.ts';
import { readInterchange, type MessageDecoder } from './interchange-reader.ts';
import { codeKey, type SegmentScanner } from './segment-scanner.ts';
import { wrapMessage, type EnvelopeOptions } from './segment-writer.ts';

export const ERC_BY_ANSWER: Record<BoardingAnswer, string> = {
  board: '0Z',
  'no-board': '1Z',
  'contact-authority': '2Z',
  'insufficient-data': '4Z',
};

/** Reader side also understands the APP-style codes some carriers' systems use. */
const ANSWER_BY_ERC = new Map<string, BoardingAnswer>([
  ['0Z', 'board'],
  ['1Z', 'no-board'],
  ['2Z', 'contact-authority'],
  ['4Z', 'insufficient-data'],
  ['8501', 'board'],
  ['8502', 'no-board'],
  ['8503', 'contact-authority'],
  ['8517', 'board'],
]);

export const CusresTravellerAnswer = z.object({
  /** RFF AVF: booking reference from the request. */
  booking: z.string().min(1).optional(),
  /** RFF ABO: the carrier's passenger reference from the request. */
  passenger: z.string().min(1).optional(),
  answer: BoardingAnswer,
  /** FTX AAP free text for the check-in agent (up to 512 characters). */
  text: z.string().max(512).optional(),
});
export type CusresTravellerAnswer = z.infer<typeof CusresTravellerAnswer>;

export const CusresInput = z.object({
  /** RFF TN: the request's transaction reference (its UNH/BGM reference). */
  requestRef: z.string().min(1),
  /** RFF AF: the flight, e.g. `DL123`. */
  flight: z.string().min(1).optional(),
  /** DTM 189: scheduled local departure `YYYY-MM-DDTHH:mm`. */
  departureLocal: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    .optional(),
  answers: z.array(CusresTravellerAnswer).min(1),
});
export type CusresInput = z.infer<typeof CusresInput>;

export interface CusresMessage {
  messageRef: string;
  requestRef?: string;
  flight?: string;
  departureLocal?: string;
  answers: CusresTravellerAnswer[];
}

/** Writes one CUSRES answer; the input is validated first and problems come back as issues. */
export function encodeCusres(input: CusresInput, envelope: EnvelopeOptions): DecodeResult<string> {
  const sink = new IssueSink(true);
  const parsed = CusresInput.safeParse(input);
  if (!parsed.success) {
    for (const i of parsed.error.issues.slice(0, 50))
      sink.error('CUSRES_INPUT_INVALID', i.message, { path: i.path.join('.') });
    return sink.result('');
  }
  const v = parsed.data;
  const text = wrapMessage(
    envelope,
    { type: 'CUSRES', version: 'D', release: '05B', agency: 'UN', association: 'IATA' },
    (w) => {
      w.add('BGM', '962');
      w.add('RFF', ['TN', v.requestRef]);
      if (v.flight) w.add('RFF', ['AF', v.flight]);
      if (v.departureLocal) {
        const l = v.departureLocal;
        w.add('DTM', [
          '189',
          l.slice(2, 4) + l.slice(5, 7) + l.slice(8, 10) + l.slice(11, 13) + l.slice(14, 16),
          '201',
        ]);
      }
      for (const a of v.answers) {
        w.add('ERP', '2');
        if (a.booking) w.add('RFF', ['AVF', a.booking]);
        if (a.passenger) w.add('RFF', ['ABO', a.passenger]);
        w.add('ERC', ERC_BY_ANSWER[a.answer]);
        if (a.text) w.add('FTX', 'AAP', undefined, undefined, a.text);
      }
    },
    'D:05B',
  );
  return sink.result(text);
}

const T = {
  BGM: codeKey('BGM'),
  RFF: codeKey('RFF'),
  DTM: codeKey('DTM'),
  ERP: codeKey('ERP'),
  ERC: codeKey('ERC'),
  FTX: codeKey('FTX'),
};

class CusresDecoder implements MessageDecoder<CusresMessage> {
  private readonly msg: CusresMessage;
  private current: CusresTravellerAnswer | undefined;

  constructor(
    ref: string,
    private readonly sink: IssueSink,
  ) {
    this.msg = { messageRef: ref, answers: [] };
  }

  segment(s: SegmentScanner): void {
    const tag = s.tagCode;
    const at = { segmentIndex: s.index, segmentTag: s.tag, offset: s.offset };
    if (tag === T.ERP) {
      this.current = undefined;
      return;
    }
    if (tag === T.RFF) {
      const q = s.value(1, 1);
      const v = s.value(1, 2);
      if (q === 'TN') this.msg.requestRef = v;
      else if (q === 'AF') this.msg.flight = v;
      else if (q === 'AVF' || q === 'ABO') {
        this.current ??= this.open();
        if (q === 'AVF') this.current.booking = v;
        else this.current.passenger = v;
      }
    } else if (tag === T.ERC) {
      const code = s.value(1, 1);
      const answer = ANSWER_BY_ERC.get(code);
      if (!answer) {
        this.sink.error('ERC_UNKNOWN', `ERC code "${code}" is not 0Z, 1Z, 2Z, 4Z or an APP code.`, {
          ...at,
          element: 1,
          component: 1,
        });
        return;
      }
      this.current ??= this.open();
      this.current.answer = answer;
    } else if (tag === T.FTX) {
      const text = [1, 2, 3, 4, 5].map((c) => s.value(4, c)).join('');
      if (this.current && text) this.current.text = text;
    } else if (tag === T.DTM) {
      const d = parseEdifactDate(s.value(1, 2), 2000, 'other');
      if (d?.time) this.msg.departureLocal = `${d.date}T${d.time}`;
    } else if (tag !== T.BGM) {
      this.sink.problem('SEGMENT_UNEXPECTED', `Segment ${s.tag} is not expected in CUSRES.`, at);
    }
  }

  private open(): CusresTravellerAnswer {
    const a: CusresTravellerAnswer = { answer: 'insufficient-data' };
    this.msg.answers.push(a);
    return a;
  }

  finish(): CusresMessage {
    return this.msg;
  }
}

export function decodeCusres(
  text: string,
  options: { mode?: DecodeMode } = {},
): DecodeResult<CusresMessage[]> {
  const sink = new IssueSink((options.mode ?? 'strict') === 'strict');
  if (typeof text !== 'string') {
    sink.error('INPUT_NOT_TEXT', 'The CUSRES input must be a string.');
    return sink.result([]);
  }
  const { messages } = readInterchange(text, sink, (ctx) => {
    if (ctx.header.type.toUpperCase() !== 'CUSRES') {
      sink.error(
        'MESSAGE_TYPE_UNEXPECTED',
        `UNH names message type "${ctx.header.type}", not CUSRES.`,
        { segmentIndex: ctx.header.segmentIndex, segmentTag: 'UNH', element: 2 },
      );
      return undefined;
    }
    return new CusresDecoder(ctx.header.ref, sink);
  });
  return sink.result(messages);
}
