// `paxguard validate FILE`: detect the format, decode with the codecs, and render a
// readable summary or JSON. Pure apart from the text it is given: main.ts does the I/O.
import {
  decodeManifestJson,
  decodePaxlst,
  decodePnrgov,
  decodePnrJson,
  sniffFormat,
  type CodecIssue,
  type DecodeMode,
  type DecodeResult,
  type PaxlstMessage,
  type SniffedFormat,
} from '@paxguard/edifact';
import type { Manifest, PnrPush } from '@paxguard/domain';

export interface ValidateOptions {
  mode: DecodeMode;
  onProgress?: (offset: number, total: number) => void;
}

export type Decoded =
  | { format: 'PAXLST'; result: DecodeResult<PaxlstMessage[]> }
  | { format: 'PNRGOV'; result: DecodeResult<PnrPush[]> }
  | { format: 'JSON-MANIFEST'; result: DecodeResult<Manifest> }
  | { format: 'JSON-PNR'; result: DecodeResult<PnrPush> }
  | { format: 'unknown'; result: DecodeResult<never> };

export function decodeAny(text: string, options: ValidateOptions): Decoded {
  const format: SniffedFormat = sniffFormat(text);
  switch (format) {
    case 'PAXLST':
      return { format, result: decodePaxlst(text, options) };
    case 'PNRGOV':
      return { format, result: decodePnrgov(text, options) };
    case 'JSON-MANIFEST':
    case 'JSON-PNR': {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        return {
          format,
          result: {
            ok: false,
            errors: [{ code: 'JSON_SYNTAX', message: `Not valid JSON: ${(e as Error).message}` }],
            warnings: [],
          },
        } as Decoded;
      }
      return format === 'JSON-MANIFEST'
        ? { format, result: decodeManifestJson(value) }
        : { format, result: decodePnrJson(value) };
    }
    default:
      return {
        format: 'unknown',
        result: {
          ok: false,
          errors: [
            {
              code: 'FORMAT_UNKNOWN',
              message: 'Not a PAXLST or PNRGOV interchange, nor a JSON manifest or PNR push.',
              offset: 0,
            },
          ],
          warnings: [],
        },
      };
  }
}

export function describeIssue(kind: 'error' | 'warning', i: CodecIssue): string {
  const where: string[] = [];
  if (i.segmentIndex !== undefined)
    where.push(`segment ${i.segmentIndex}${i.segmentTag ? ` (${i.segmentTag})` : ''}`);
  if (i.element !== undefined) where.push(`element ${i.element}`);
  if (i.component !== undefined) where.push(`component ${i.component}`);
  if (i.offset !== undefined) where.push(`offset ${i.offset}`);
  if (i.path) where.push(`at ${i.path}`);
  return `  ${kind} ${i.code}${where.length ? ` [${where.join(', ')}]` : ''}: ${i.message}`;
}

function manifestLines(m: Manifest, label: string): string[] {
  const route = m.flight.legs.length
    ? [m.flight.legs[0]!.departure.airport, ...m.flight.legs.map((l) => l.arrival.airport)].join(
        '→',
      )
    : '?';
  const docs = m.travellers.reduce((n, t) => n + t.documents.length, 0);
  const cnt = m.declaredCount === undefined ? 'no CNT' : `CNT ${m.declaredCount}`;
  return [
    `  ${label}: ${m.listType} list (${m.functionCode}), flight ${m.flight.carrier}${m.flight.number} ${route}, departs ${m.flight.legs[0]?.departure.local ?? '?'} local`,
    `    ${m.travellers.length} travellers (${cnt}), ${docs} documents`,
  ];
}

function pnrLines(p: PnrPush, label: string): string[] {
  const travellers = p.pnrs.reduce((n, x) => n + x.travellers.length, 0);
  return [
    `  ${label}: PNRGOV ${p.messageVersion ?? ''} ${p.pushType} push, flight ${p.flight.carrier}${p.flight.number} ${p.flight.departure.airport}→${p.flight.arrival.airport}`,
    `    ${p.pnrs.length} PNRs (EQN ${p.declaredPnrCount ?? '-'}), ${travellers} travellers`,
  ];
}

/** The readable summary printed by default. */
export function summary(file: string, d: Decoded, mode: DecodeMode): string {
  const lines = [`${file}: ${d.format}`];
  const r = d.result;
  if (r.ok) {
    if (d.format === 'PAXLST' && d.result.ok) {
      d.result.value.forEach((m) => {
        const part = m.part
          ? ` part ${m.part.number}${m.part.last ? ' (final)' : ''} of ${m.part.messageRef}`
          : '';
        lines.push(...manifestLines(m.manifest, `message ${m.manifest.messageRef ?? ''}${part}`));
      });
    } else if (d.format === 'PNRGOV' && d.result.ok) {
      d.result.value.forEach((p) => lines.push(...pnrLines(p, `message ${p.messageRef ?? ''}`)));
    } else if (d.format === 'JSON-MANIFEST' && d.result.ok)
      lines.push(...manifestLines(d.result.value, 'manifest'));
    else if (d.format === 'JSON-PNR' && d.result.ok)
      lines.push(...pnrLines(d.result.value, 'PNR push'));
  }
  const errors = r.ok ? [] : r.errors;
  lines.push(
    `${r.ok ? 'VALID' : 'INVALID'} (${mode}): ${errors.length} errors, ${r.warnings.length} warnings`,
  );
  for (const e of errors) lines.push(describeIssue('error', e));
  for (const w of r.warnings) lines.push(describeIssue('warning', w));
  return lines.join('\n') + '\n';
}

export function asJson(d: Decoded): string {
  const r = d.result;
  const body = r.ok
    ? { format: d.format, ok: true, value: r.value, warnings: r.warnings }
    : { format: d.format, ok: false, errors: r.errors, warnings: r.warnings };
  return JSON.stringify(body, null, 2) + '\n';
}
