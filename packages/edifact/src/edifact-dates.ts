// DTM / DAT date handling: the EDIFACT date formats carriers use (102, 201, 203, bare
// YYMMDD) and the century of two-digit years relative to the flight date.

export interface ParsedDateTime {
  date: string;
  /** `HH:mm` when the value carried a time. */
  time?: string;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (DAYS[m - 1] ?? 0) + (leap ? 1 : 0);
}

const p2 = (n: number): string => (n < 10 ? '0' : '') + n;

/**
 * The same as parseEdifactDate for a component already read as a number (`digits` long),
 * with results cached per decode: a manifest repeats the same dates many times.
 */
export function dateFromNumber(
  n: number,
  digits: number,
  referenceYear: number,
  kind: 'birth' | 'other',
  cache: Map<number, ParsedDateTime | null>,
): ParsedDateTime | undefined {
  if (n < 0) return undefined;
  // Small-integer keys only (dates without time); times are rare enough not to cache.
  const cacheable = digits === 6 || digits === 8;
  const key = cacheable ? n * 4 + (digits === 8 ? 2 : 0) + (kind === 'birth' ? 1 : 0) : -1;
  if (cacheable) {
    const hit = cache.get(key);
    if (hit !== undefined) return hit ?? undefined;
  }
  let y: number;
  let rest: number;
  let hasTime = false;
  if (digits === 6) {
    y = century(Math.floor(n / 10000), referenceYear, kind);
    rest = (n % 10000) * 10000;
  } else if (digits === 10) {
    y = century(Math.floor(n / 1e8), referenceYear, kind);
    rest = n % 1e8;
    hasTime = true;
  } else if (digits === 8) {
    y = Math.floor(n / 10000);
    rest = (n % 10000) * 10000;
  } else if (digits === 12) {
    y = Math.floor(n / 1e8);
    rest = n % 1e8;
    hasTime = true;
  } else return undefined;
  const m = Math.floor(rest / 1e6);
  const d = Math.floor(rest / 1e4) % 100;
  const hh = Math.floor(rest / 100) % 100;
  const mi = rest % 100;
  let out: ParsedDateTime | null = null;
  if (valid(y, m, d) && hh < 24 && mi < 60) {
    const date = `${String(y).padStart(4, '0')}-${p2(m)}-${p2(d)}`;
    out = hasTime ? { date, time: `${p2(hh)}:${p2(mi)}` } : { date };
  }
  if (cacheable) cache.set(key, out);
  return out ?? undefined;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/**
 * Two-digit years: `kind` birth → never after the reference year; expiry/other → within
 * 50 years either side of the reference year.
 */
export function century(yy: number, referenceYear: number, kind: 'birth' | 'other'): number {
  const base = Math.floor(referenceYear / 100) * 100;
  let y = base + yy;
  if (kind === 'birth') {
    if (y > referenceYear) y -= 100;
  } else if (y > referenceYear + 50) y -= 100;
  else if (y < referenceYear - 50) y += 100;
  return y;
}

/** Parses `YYMMDD`, `YYMMDDHHMM`, `CCYYMMDD`, `CCYYMMDDHHMM`; undefined when not a date. */
export function parseEdifactDate(
  raw: string,
  referenceYear: number,
  kind: 'birth' | 'other' = 'other',
): ParsedDateTime | undefined {
  const s = raw.trim();
  if (!isDigits(s)) return undefined;
  let y: number;
  let rest: string;
  if (s.length === 6 || s.length === 10) {
    y = century(Number(s.slice(0, 2)), referenceYear, kind);
    rest = s.slice(2);
  } else if (s.length === 8 || s.length === 12) {
    y = Number(s.slice(0, 4));
    rest = s.slice(4);
  } else return undefined;
  const m = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2, 4));
  if (!valid(y, m, d)) return undefined;
  const date = `${String(y).padStart(4, '0')}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
  if (rest.length === 4) return { date };
  const hh = Number(rest.slice(4, 6));
  const mm = Number(rest.slice(6, 8));
  if (hh > 23 || mm > 59) return undefined;
  return { date, time: `${rest.slice(4, 6)}:${rest.slice(6, 8)}` };
}

/** `DDMMMYY` (PNR SSR DOCS: `23AUG77`) → ISO date. */
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
export function parseDdMmmYy(
  raw: string,
  referenceYear: number,
  kind: 'birth' | 'other',
): string | undefined {
  const m = /^(\d{1,2})([A-Z]{3})(\d{2}|\d{4})$/.exec(raw.trim().toUpperCase());
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!) + 1;
  if (month === 0) return undefined;
  const y = m[3]!.length === 4 ? Number(m[3]) : century(Number(m[3]), referenceYear, kind);
  const d = Number(m[1]);
  if (!valid(y, month, d)) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
