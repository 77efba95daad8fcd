// Delimiters (UNA service string advice) and the character repertoires of the syntax
// identifiers UNOA/UNOB/UNOC/UNOY, as lookup tables the tokeniser checks per character.
import type { IssueSink } from './codec-issues.ts';

export interface Delimiters {
  component: string;
  element: string;
  decimal: string;
  release: string;
  /** Kept in values: syntax version 3 reserves it and senders use space, which names contain. */
  repetition: string;
  terminator: string;
}

export const DEFAULT_DELIMITERS: Delimiters = {
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  repetition: ' ',
  terminator: "'",
};

export type SyntaxId = 'UNOA' | 'UNOB' | 'UNOC' | 'UNOY' | 'IATA';
export const SYNTAX_IDS: readonly SyntaxId[] = ['UNOA', 'UNOB', 'UNOC', 'UNOY', 'IATA'];

const UNOA_EXTRA = ' .,-()/=\'+:?!"%&*;<>';

/** 0 = allowed, 1 = outside the repertoire; codes ≥ 256 are decided by `wideAllowed`. */
export function repertoire(syntax: SyntaxId): { table: Uint8Array; wideAllowed: boolean } {
  const table = new Uint8Array(256).fill(1);
  if (syntax === 'UNOA') {
    for (let c = 65; c <= 90; c++) table[c] = 0;
    for (let c = 48; c <= 57; c++) table[c] = 0;
    for (const ch of UNOA_EXTRA) table[ch.charCodeAt(0)] = 0;
  } else {
    for (let c = 32; c < 127; c++) table[c] = 0;
    if (syntax === 'UNOC' || syntax === 'UNOY') for (let c = 160; c < 256; c++) table[c] = 0;
  }
  return { table, wideAllowed: syntax === 'UNOY' };
}

export interface ServiceStringAdvice {
  delimiters: Delimiters;
  /** Offset of the first character after the UNA segment (0 when there is none). */
  end: number;
  present: boolean;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

/** Skips a byte-order mark and blank characters. */
export function skipBlank(text: string, from: number): number {
  let p = from;
  while (p < text.length && isBlank(text.charCodeAt(p))) p++;
  return p;
}

/**
 * Reads the UNA service string advice, or infers delimiters from UNB when it is absent.
 * Lenient mode repairs the two broken forms seen in the wild: a UNA one character short
 * (decimal mark left out, so the "terminator" is a line break) and a declared terminator
 * that the rest of the text never uses (e.g. a typographic apostrophe).
 */
export function readServiceString(text: string, sink: IssueSink): ServiceStringAdvice {
  const p = skipBlank(text, 0);
  if (!text.startsWith('UNA', p)) return inferFromUnb(text, p, sink);
  const where = { segmentIndex: 1, segmentTag: 'UNA', offset: p };
  if (text.length < p + 9) {
    sink.error('UNA_TRUNCATED', 'The UNA service string advice needs six characters.', where);
    return { delimiters: DEFAULT_DELIMITERS, end: text.length, present: true };
  }
  const ch = (i: number): string => text.charAt(p + 3 + i);
  let d: Delimiters = {
    component: ch(0),
    element: ch(1),
    decimal: ch(2),
    release: ch(3),
    repetition: ch(4),
    terminator: ch(5),
  };
  let end = p + 9;
  if (isBlank(d.terminator.charCodeAt(0)) && !isBlank(d.repetition.charCodeAt(0))) {
    sink.problem(
      'UNA_SHORT',
      `The UNA has five service characters and a line break; read as component "${ch(0)}", element "${ch(1)}", release "${ch(2)}", repetition "${ch(3)}", terminator "${ch(4)}" with decimal ".".`,
      where,
    );
    d = {
      component: ch(0),
      element: ch(1),
      decimal: '.',
      release: ch(2),
      repetition: ch(3),
      terminator: ch(4),
    };
    end = p + 8;
  }
  const sample = text.slice(end, end + 4000);
  if (!sample.includes(d.terminator) && d.terminator !== "'" && sample.includes("'")) {
    sink.problem(
      'UNA_TERMINATOR_UNUSED',
      `The UNA declares segment terminator "${d.terminator}" but the segments end with "'"; using "'".`,
      where,
    );
    d = { ...d, terminator: "'" };
  }
  const roles = [d.component, d.element, d.release, d.terminator];
  if (new Set(roles).size !== roles.length) {
    sink.error(
      'UNA_AMBIGUOUS',
      'The UNA uses the same character for two of component, element, release and terminator.',
      where,
    );
  }
  return { delimiters: d, end, present: true };
}

function inferFromUnb(text: string, p: number, sink: IssueSink): ServiceStringAdvice {
  if (!text.startsWith('UNB', p)) {
    return { delimiters: DEFAULT_DELIMITERS, end: p, present: false };
  }
  const element = text.charAt(p + 3);
  const component = text.charAt(p + 8);
  if (element === '+' && (component === ':' || component === '')) {
    return { delimiters: DEFAULT_DELIMITERS, end: p, present: false };
  }
  if (/[A-Za-z0-9 ]/.test(element)) {
    return { delimiters: DEFAULT_DELIMITERS, end: p, present: false };
  }
  sink.problem(
    'UNA_MISSING',
    `No UNA, but UNB uses element separator "${element}"; the UNA is required when delimiters differ from the defaults.`,
    { segmentIndex: 1, segmentTag: 'UNB', offset: p },
  );
  const d = { ...DEFAULT_DELIMITERS, element };
  if (component && !/[A-Za-z0-9]/.test(component)) d.component = component;
  return { delimiters: d, end: p, present: false };
}
