// PAXLST header segments read into values: BGM (list type, function code, document
// reference), TDT (the transport group of a leg) and CNT (the declared traveller count).
import { normaliseFlightNumber, type FunctionCode, type ListType } from '@paxguard/domain';
import type { IssueSink } from './codec-issues.ts';
import type { TransportGroup } from './paxlst-legs.ts';
import { where } from './code-readers.ts';
import { codeKey, type SegmentScanner } from './segment-scanner.ts';

const T34 = codeKey('34');

const LIST_TYPES = new Map<string, ListType>([
  ['745', 'passenger'],
  ['250', 'crew'],
  ['266', 'flight-status'],
  ['336', 'master-crew'],
  ['655', 'gate-pass'],
]);

export const FUNCTION_CODES = new Map<string, FunctionCode>([
  ['CP', 'change'],
  ['XR', 'cancel-reservation'],
  ['RP', 'reduction-in-party'],
  ['CL', 'flight-close'],
  ['CLNB', 'flight-close-no-board'],
  ['CLOB', 'flight-close-on-board'],
  ['XF', 'cancel-flight'],
  ['CF', 'change-flight'],
]);

export function readBgm(
  s: SegmentScanner,
  sink: IssueSink,
): { listType?: ListType; functionCode?: FunctionCode; documentRef?: string } {
  const out: { listType?: ListType; functionCode?: FunctionCode; documentRef?: string } = {};
  const code = s.value(1, 1);
  const listType = LIST_TYPES.get(code);
  if (listType) out.listType = listType;
  else
    sink.problem(
      'BGM_TYPE_UNKNOWN',
      `BGM document code "${code}" is not 745, 250, 266, 336 or 655.`,
      where(s, 1, 1),
    );
  for (let c = 1; c <= Math.max(1, s.componentCount(2)); c++) {
    const v = s.value(2, c).toUpperCase();
    const fc = FUNCTION_CODES.get(v);
    if (fc) {
      out.functionCode = fc;
      return out;
    }
  }
  const ref = s.value(2, 1);
  if (ref) out.documentRef = ref;
  return out;
}

export function readTdt(s: SegmentScanner, sink: IssueSink): TransportGroup {
  const id = s.value(2, 1).trim().toUpperCase();
  let carrier = s.value(5, 1).trim().toUpperCase();
  if (!carrier && /^[A-Z0-9]{2}[0-9]/.test(id)) carrier = id.slice(0, 2);
  if (!/^[A-Z0-9]{2,3}$/.test(carrier)) {
    sink.error(
      'CARRIER_MISSING',
      `TDT has no usable carrier code (element 5) for flight "${id}".`,
      where(s, 5, 1),
    );
  }
  const number = normaliseFlightNumber(id, carrier);
  if (!/^[0-9]{1,4}[A-Z]?$/.test(number)) {
    sink.error(
      'FLIGHT_NUMBER_INVALID',
      `"${s.value(2, 1)}" is not a flight number such as DL123.`,
      where(s, 2, 1),
    );
  }
  return {
    carrier,
    number,
    overflight: s.key(1, 1) === T34,
    points: [],
    segmentIndex: s.index,
  };
}

export function readCnt(s: SegmentScanner, sink: IssueSink): number | undefined {
  let v = s.value(1, 2);
  if (!v && s.elementCount >= 2) {
    v = s.value(2, 1);
    sink.problem(
      'CNT_FORMAT',
      'CNT count belongs in element 1 component 2 (CNT+42:n).',
      where(s, 2, 1),
    );
  }
  if (/^\d+$/.test(v)) return Number(v);
  sink.problem('CNT_INVALID', `CNT count "${v}" is not a number.`, where(s, 1, 2));
  return undefined;
}
