// Writing EDIFACT: release-character escaping, segments with trailing empties trimmed,
// and the UNA/UNB/UNG/UNH … UNT/UNE/UNZ envelope shared by the PAXLST and CUSRES writers.
import { DEFAULT_DELIMITERS, type Delimiters, type SyntaxId } from './service-string.ts';

export type ElementValue = string | undefined | (string | undefined)[];

export class SegmentWriter {
  readonly segments: string[] = [];
  private readonly special: RegExp;

  constructor(
    readonly delimiters: Delimiters = DEFAULT_DELIMITERS,
    private readonly newline = false,
  ) {
    const chars = [
      delimiters.component,
      delimiters.element,
      delimiters.release,
      delimiters.terminator,
    ];
    this.special = new RegExp(
      `[${chars.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`,
      'g',
    );
  }

  escape(value: string): string {
    return value.replace(this.special, (c) => this.delimiters.release + c);
  }

  /** Appends a segment; `undefined` components and trailing empty elements are dropped. */
  add(tag: string, ...elements: ElementValue[]): void {
    const parts: string[] = [];
    for (const e of elements) {
      if (Array.isArray(e)) {
        const comps = e.map((c) => (c === undefined ? '' : this.escape(c)));
        while (comps.length > 0 && comps[comps.length - 1] === '') comps.pop();
        parts.push(comps.join(this.delimiters.component));
      } else parts.push(e === undefined ? '' : this.escape(e));
    }
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    const body =
      parts.length > 0 ? tag + this.delimiters.element + parts.join(this.delimiters.element) : tag;
    this.segments.push(body + this.delimiters.terminator + (this.newline ? '\n' : ''));
  }

  get count(): number {
    return this.segments.length;
  }

  text(): string {
    return this.segments.join('');
  }
}

/** `YYMMDD` and `HHMM` from `YYYY-MM-DDTHH:mm` (or a Date, in UTC). */
export function edifactDateTime(at: string | Date): { date: string; time: string } {
  const iso = typeof at === 'string' ? at : at.toISOString();
  return {
    date: iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10),
    time: iso.slice(11, 13) + iso.slice(14, 16),
  };
}

/** The narrowest syntax identifier whose repertoire holds every character of the text. */
export function narrowestSyntax(text: string): SyntaxId {
  let lower = false;
  let other = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 255) return 'UNOY';
    if (c > 126) other = true;
    else if ((c >= 97 && c <= 122) || '#@[]\\^_{|}~`$'.includes(text.charAt(i))) lower = true;
  }
  return other ? 'UNOC' : lower ? 'UNOB' : 'UNOA';
}

export interface EnvelopeOptions {
  sender: string;
  recipient: string;
  interchangeRef: string;
  messageRef: string;
  /** When the interchange was prepared: `YYYY-MM-DDTHH:mm` or a Date (UTC). */
  preparedAt: string | Date;
  /** Defaults to the narrowest of UNOA/UNOB/UNOC/UNOY that fits the content. */
  syntax?: SyntaxId;
  delimiters?: Partial<Delimiters>;
  /** Write the UNA even with default delimiters. */
  una?: boolean;
  /** Wrap the message in UNG/UNE. */
  group?: boolean;
  /** A line break after each segment terminator. */
  lineBreaks?: boolean;
}

/** Wraps message body segments (BGM … CNT) in UNH/UNT and the interchange envelope. */
export function wrapMessage(
  options: EnvelopeOptions,
  unh: {
    type: string;
    version: string;
    release: string;
    agency: string;
    association?: string;
    commonAccessRef?: string;
    sequence?: { number: number; last: boolean };
  },
  body: (w: SegmentWriter) => void,
  groupVersion: string,
): string {
  const d: Delimiters = { ...DEFAULT_DELIMITERS, ...options.delimiters };
  const inner = new SegmentWriter(d, options.lineBreaks);
  inner.add(
    'UNH',
    options.messageRef,
    [unh.type, unh.version, unh.release, unh.agency, unh.association],
    unh.commonAccessRef,
    unh.sequence
      ? [String(unh.sequence.number).padStart(2, '0'), unh.sequence.last ? 'F' : 'C']
      : undefined,
  );
  body(inner);
  inner.add('UNT', String(inner.count + 1), options.messageRef);
  const message = inner.text();
  const syntax = options.syntax ?? narrowestSyntax(message + options.sender + options.recipient);
  const outer = new SegmentWriter(d, options.lineBreaks);
  const { date, time } = edifactDateTime(options.preparedAt);
  outer.add(
    'UNB',
    [syntax, '4'],
    options.sender,
    options.recipient,
    [date, time],
    options.interchangeRef,
  );
  if (options.group) {
    outer.add(
      'UNG',
      unh.type,
      options.sender,
      options.recipient,
      [date, time],
      options.interchangeRef,
      'UN',
      groupVersion,
    );
  }
  const head = outer.text();
  const tail = new SegmentWriter(d, options.lineBreaks);
  if (options.group) tail.add('UNE', '1', options.interchangeRef);
  tail.add('UNZ', '1', options.interchangeRef);
  const isDefault =
    d.component === ':' &&
    d.element === '+' &&
    d.decimal === '.' &&
    d.release === '?' &&
    d.terminator === "'";
  const una =
    options.una || !isDefault
      ? `UNA${d.component}${d.element}${d.decimal}${d.release}${d.repetition}${d.terminator}`
      : '';
  return una + head + message + tail.text();
}
