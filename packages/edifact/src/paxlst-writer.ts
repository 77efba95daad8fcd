// Writes a Manifest as a PAXLST interchange, for tests, demo data and the carrier
// simulator; what it writes the decoder reads back to the same manifest.
import { Manifest, type FlightLeg, type Traveller } from '@paxguard/domain';
import { IssueSink, type DecodeResult } from './codec-issues.ts';
import { FUNCTION_CODES } from './paxlst-header.ts';
import type { SegmentWriter } from './segment-writer.ts';
import { wrapMessage, type EnvelopeOptions } from './segment-writer.ts';

export interface PaxlstEnvelope extends EnvelopeOptions {
  /** `D02B` or `D05B` (default). */
  version?: 'D02B' | 'D05B';
  /** Write as one part of a multi-part message. */
  part?: { number: number; last: boolean; commonAccessRef: string };
}

const LIST_CODES: Record<Manifest['listType'], string> = {
  passenger: '745',
  crew: '250',
  'flight-status': '266',
  'master-crew': '336',
  'gate-pass': '655',
};

const NAD_QUALIFIERS: Record<Traveller['role'], string> = {
  passenger: 'FL',
  crew: 'FM',
  'transit-passenger': 'DDU',
  'transit-crew': 'DDT',
};

const FUNCTION_TO_CODE = new Map([...FUNCTION_CODES].map(([code, fn]) => [fn, code]));

function yymmdd(date: string): string {
  return date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);
}

function dateTime201(local: string): string {
  return yymmdd(local) + local.slice(11, 13) + local.slice(14, 16);
}

function writeLeg(w: SegmentWriter, carrier: string, number: string, leg: FlightLeg): void {
  w.add('TDT', leg.overflight ? '34' : '20', carrier + number, undefined, undefined, carrier);
  w.add('LOC', '125', leg.departure.airport);
  if (leg.departure.local) w.add('DTM', ['189', dateTime201(leg.departure.local), '201']);
  w.add('LOC', '87', leg.arrival.airport);
  if (leg.arrival.local) w.add('DTM', ['232', dateTime201(leg.arrival.local), '201']);
}

function writeTraveller(w: SegmentWriter, t: Traveller): void {
  const a = t.address;
  w.add(
    'NAD',
    NAD_QUALIFIERS[t.role],
    undefined,
    undefined,
    [t.name.surname, ...t.name.given],
    a?.street,
    a?.city,
    a?.region,
    a?.postalCode,
    a?.country,
  );
  if (t.sex) w.add('ATT', '2', undefined, t.sex);
  if (t.birthDate) w.add('DTM', ['329', yymmdd(t.birthDate)]);
  if (t.verified !== undefined) w.add('GEI', '4', t.verified ? '173' : '174');
  if (t.bags?.count !== undefined) w.add('MEA', 'CT', undefined, ['NMB', String(t.bags.count)]);
  if (t.bags?.weight)
    w.add('MEA', 'WT', undefined, [t.bags.weight.unit, String(t.bags.weight.value)]);
  for (const tag of t.bags?.tags ?? []) w.add('FTX', 'BAG', undefined, undefined, [tag, '1']);
  if (t.residenceCountry) w.add('LOC', '174', t.residenceCountry);
  if (t.embarkation) w.add('LOC', '178', t.embarkation);
  if (t.debarkation) w.add('LOC', '179', t.debarkation);
  if (t.placeOfBirth) w.add('LOC', '180', ['', '', '', t.placeOfBirth]);
  const phones = t.contacts?.phones ?? [];
  const emails = t.contacts?.emails ?? [];
  if (phones.length + emails.length > 0) {
    w.add('COM', ...phones.map((p) => [p, 'TE']), ...emails.map((e) => [e, 'EM']));
  }
  if (t.nationality) w.add('NAT', '2', t.nationality);
  const r = t.references ?? {};
  for (const [q, v] of [
    ['AVF', r.booking],
    ['ABO', r.passenger],
    ['SEA', r.seat],
    ['TN', r.transaction],
    ['AEA', r.government],
    ['CR', r.customer],
  ] as const) {
    if (v) w.add('RFF', [q, v]);
  }
  for (const d of t.documents ?? []) {
    w.add('DOC', d.type, d.number);
    if (d.expiryDate) w.add('DTM', ['36', yymmdd(d.expiryDate)]);
    if (d.issueDate) w.add('DTM', ['182', yymmdd(d.issueDate)]);
    if (d.issuingState) w.add('LOC', '91', d.issuingState);
  }
}

/**
 * Encodes a manifest (validated against the domain schema first) as one PAXLST message in
 * its own interchange. Two-digit years are written as carriers do (DTM format 201).
 */
export function encodePaxlst(manifest: Manifest, envelope: PaxlstEnvelope): DecodeResult<string> {
  const sink = new IssueSink(true);
  const parsed = Manifest.safeParse(manifest);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 50)) {
      sink.error('MANIFEST_INVALID', issue.message, { path: issue.path.join('.') });
    }
    return sink.result('');
  }
  const m = parsed.data;
  const version = envelope.version ?? 'D05B';
  const text = wrapMessage(
    envelope,
    {
      type: 'PAXLST',
      version: 'D',
      release: version.slice(1),
      agency: 'UN',
      association: 'IATA',
      commonAccessRef: envelope.part?.commonAccessRef,
      sequence: envelope.part,
    },
    (w) => {
      const fn =
        m.functionCode === 'original' ? m.documentRef : FUNCTION_TO_CODE.get(m.functionCode);
      w.add('BGM', LIST_CODES[m.listType], fn);
      const p = m.reportingParty;
      if (p) {
        w.add('NAD', 'MS', undefined, undefined, p.name);
        const com = [
          p.phone ? [p.phone, 'TE'] : undefined,
          p.fax ? [p.fax, 'FX'] : undefined,
          p.email ? [p.email, 'EM'] : undefined,
        ].filter((x) => x !== undefined);
        if (com.length > 0) w.add('COM', ...com);
      }
      for (const leg of m.flight.legs) writeLeg(w, m.flight.carrier, m.flight.number, leg);
      for (const t of m.travellers) writeTraveller(w, t);
      const crew = m.listType === 'crew' || m.listType === 'master-crew';
      w.add('CNT', [crew ? '41' : '42', String(m.declaredCount ?? m.travellers.length)]);
    },
    `D:${version.slice(1)}`,
  );
  return sink.result(text);
}
