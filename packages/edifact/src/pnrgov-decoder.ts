// PNRGOV (10.1, 11.1, 13.1) into the domain PnrPush: the pushed flight, full or
// changed-only push, and every PNR (SRC group) in the message.
import { normaliseFlightNumber, type PnrPush } from '@paxguard/domain';
import { defaultAirportZones, type AirportZones } from './airport-zones.ts';
import { IssueSink, type DecodeMode, type DecodeResult } from './codec-issues.ts';
import { readInterchange, type MessageContext, type MessageDecoder } from './interchange-reader.ts';
import { where } from './code-readers.ts';
import { PnrBuilder } from './pnrgov-pnr-builder.ts';
import { readTvl } from './pnrgov-fields.ts';
import type { SegmentScanner } from './segment-scanner.ts';

export interface PnrgovDecodeOptions {
  mode?: DecodeMode;
  /** Called every few thousand segments with the character offset reached (for progress bars). */
  onProgress?: (offset: number, total: number) => void;
  zones?: AirportZones;
  /** Secret mixed into card fingerprints (see maskCard). */
  cardSalt?: string;
}

const SUPPORTED_VERSIONS = new Set(['10.1', '11.1', '13.1']);

class PnrgovMessageDecoder implements MessageDecoder<PnrPush> {
  private pushType: PnrPush['pushType'] | undefined;
  private flight: PnrPush['flight'] | undefined;
  private declared: number | undefined;
  private current: PnrBuilder | undefined;
  private readonly pnrs: PnrPush['pnrs'] = [];

  constructor(
    private readonly ctx: MessageContext,
    private readonly options: PnrgovDecodeOptions,
    private readonly zones: AirportZones,
  ) {}

  segment(s: SegmentScanner): void {
    const tag = s.tag.toUpperCase();
    const sink = this.ctx.sink;
    if (tag === 'SRC') {
      this.close();
      this.current = new PnrBuilder(sink, this.zones, this.options.cardSalt ?? '', s.index);
      return;
    }
    if (this.current) {
      this.current.segmentIn(s);
      return;
    }
    if (tag === 'MSG') {
      const code = s.value(1, 2) || s.value(1, 1);
      if (code === '22') this.pushType = 'full';
      else if (code === '141') this.pushType = 'changed';
      else
        sink.problem(
          'MSG_FUNCTION_UNKNOWN',
          `MSG function "${code}" is not 22 (full) or 141 (changed PNRs).`,
          where(s, 1, 2),
        );
    } else if (tag === 'TVL') {
      const seg = readTvl(s, this.zones);
      if (!seg)
        sink.error(
          'TVL_INVALID',
          'The header TVL does not name airports, carrier and flight number.',
          where(s),
        );
      else if (!this.flight) {
        this.flight = {
          carrier: seg.carrier,
          number: normaliseFlightNumber(seg.number, seg.carrier),
          departure: seg.departure,
          arrival: seg.arrival,
        };
      }
    } else if (tag === 'EQN') {
      const n = Number(s.value(1, 1));
      if (Number.isInteger(n) && n >= 0) this.declared = n;
      else
        sink.problem(
          'EQN_INVALID',
          `EQN count "${s.value(1, 1)}" is not a number.`,
          where(s, 1, 1),
        );
    } else if (tag !== 'ORG' && tag !== 'DAT') {
      sink.problem(
        'SEGMENT_UNEXPECTED',
        `Segment ${s.tag} is not expected before the first SRC.`,
        where(s),
      );
    }
  }

  private close(): void {
    if (!this.current) return;
    const pnr = this.current.finish();
    if (!pnr.bookingRef) {
      this.ctx.sink.problem(
        'PNR_REF_MISSING',
        'A PNR (SRC group) has no RCI booking reference; it was skipped.',
        {
          segmentIndex: this.current.segmentIndex,
          segmentTag: 'SRC',
        },
      );
    } else this.pnrs.push(pnr);
    this.current = undefined;
  }

  finish(): PnrPush | undefined {
    this.close();
    const { header, interchange, sink } = this.ctx;
    const at = { segmentIndex: header.segmentIndex, segmentTag: 'UNH' };
    const version =
      header.version && header.release ? `${header.version}.${header.release}` : undefined;
    if (!version || !SUPPORTED_VERSIONS.has(version)) {
      sink.problem(
        'PNRGOV_VERSION_UNSUPPORTED',
        `PNRGOV version ${version ?? '(none)'} is not 10.1, 11.1 or 13.1.`,
        { ...at, element: 2 },
      );
    }
    if (!this.pushType) {
      sink.problem(
        'MSG_MISSING',
        'No MSG segment says whether this is a full (22) or changed-only (141) push.',
        at,
      );
    }
    if (!this.flight) {
      sink.error(
        'FLIGHT_MISSING',
        `Message ${header.ref} has no header TVL naming the flight.`,
        at,
      );
      return undefined;
    }
    if (this.declared !== undefined && this.declared !== this.pnrs.length) {
      sink.warn(
        'EQN_MISMATCH',
        `EQN declares ${this.declared} PNRs but message ${header.ref} holds ${this.pnrs.length}.`,
        at,
      );
    }
    return {
      source: 'PNRGOV',
      messageVersion: version,
      pushType: this.pushType ?? 'full',
      sender: interchange?.sender || undefined,
      recipient: interchange?.recipient || undefined,
      interchangeRef: interchange?.ref || undefined,
      messageRef: header.ref || undefined,
      flight: this.flight,
      declaredPnrCount: this.declared,
      pnrs: this.pnrs,
    };
  }
}

/** Decodes every PNRGOV message of an interchange (one PnrPush per UNH). */
export function decodePnrgov(
  text: string,
  options: PnrgovDecodeOptions = {},
): DecodeResult<PnrPush[]> {
  const sink = new IssueSink((options.mode ?? 'strict') === 'strict');
  if (typeof text !== 'string') {
    sink.error('INPUT_NOT_TEXT', 'The PNRGOV input must be a string.');
    return sink.result([]);
  }
  const zones = options.zones ?? defaultAirportZones();
  const { messages } = readInterchange(
    text,
    sink,
    (ctx) => {
      if (ctx.header.type.toUpperCase() !== 'PNRGOV') {
        sink.error(
          'MESSAGE_TYPE_UNEXPECTED',
          `UNH names message type "${ctx.header.type}", not PNRGOV.`,
          {
            segmentIndex: ctx.header.segmentIndex,
            segmentTag: 'UNH',
            element: 2,
          },
        );
        return undefined;
      }
      return new PnrgovMessageDecoder(ctx, options, zones);
    },
    options.onProgress,
  );
  return sink.result(messages);
}
