// Routes a submission body: PAXLST or PNRGOV EDIFACT, or the JSON manifest / PNR forms.
export type SniffedFormat = 'PAXLST' | 'PNRGOV' | 'JSON-MANIFEST' | 'JSON-PNR' | 'unknown';

const PREFIX = 4096;

function head(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.slice(0, PREFIX);
  if (input instanceof Uint8Array) {
    let s = '';
    const n = Math.min(input.length, PREFIX);
    for (let i = 0; i < n; i++) s += String.fromCharCode(input[i]!);
    return s;
  }
  return '';
}

/** Looks at the first 4 KB only; never throws. */
export function sniffFormat(input: string | Uint8Array): SniffedFormat {
  const text = head(input)
    .replace(/^(\uFEFF|\xEF\xBB\xBF)/, '')
    .trimStart();
  const c = text.charAt(0);
  if (c === '{' || c === '[') {
    if (/"pnrs"\s*:/.test(text)) return 'JSON-PNR';
    if (/"travellers"\s*:/.test(text) || /"flight"\s*:/.test(text)) return 'JSON-MANIFEST';
    return 'unknown';
  }
  const tag = text.slice(0, 3).toUpperCase();
  if (tag !== 'UNA' && tag !== 'UNB' && tag !== 'UNH' && tag !== 'UNG') return 'unknown';
  const upper = text.toUpperCase();
  const pax = upper.indexOf('PAXLST');
  const pnr = upper.indexOf('PNRGOV');
  if (pax >= 0 && (pnr < 0 || pax < pnr)) return 'PAXLST';
  if (pnr >= 0) return 'PNRGOV';
  return 'unknown';
}
