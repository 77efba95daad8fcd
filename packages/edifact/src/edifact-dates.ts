// DTM / DAT date handling: the EDIFACT date formats carriers use (102, 201, 203, bare
// YYMMDD) and the century of two-digit years relative to the flight date.

export interface ParsedDateTime {
  date: string;
  /** `HH:mm` when the value carried a time. */
  time?: string;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (DAYS[m - 1] ?? 0) + (leap ? 1 : 0);
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
  if (!validDate(y, m, d)) return undefined;
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
  if (!validDate(y, month, d)) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The `n` digits at offset `a` (YYMMDD, YYMMDDHHMM, CCYYMMDD, CCYYMMDDHHMM) as `YYYY-MM-DD`
 * or `YYYY-MM-DDTHH:mm`, built with one allocation; undefined if not a valid date.
 */
export function isoDateAt(
  t: string,
  a: number,
  n: number,
  referenceYear: number,
  kind: 'birth' | 'other',
): string | undefined {
  if (n !== 6 && n !== 8 && n !== 10 && n !== 12) return undefined;
  for (let i = a; i < a + n; i++) {
    const d = t.charCodeAt(i);
    if (d < 48 || d > 57) return undefined;
  }
  let p = a;
  let y0: number, y1: number, y2: number, y3: number;
  if (n === 6 || n === 10) {
    y2 = t.charCodeAt(a);
    y3 = t.charCodeAt(a + 1);
    const y = century((y2 - 48) * 10 + y3 - 48, referenceYear, kind);
    y0 = 48 + Math.floor(y / 1000);
    y1 = 48 + (Math.floor(y / 100) % 10);
    p = a + 2;
  } else {
    y0 = t.charCodeAt(a);
    y1 = t.charCodeAt(a + 1);
    y2 = t.charCodeAt(a + 2);
    y3 = t.charCodeAt(a + 3);
    p = a + 4;
  }
  const m0 = t.charCodeAt(p);
  const m1 = t.charCodeAt(p + 1);
  const d0 = t.charCodeAt(p + 2);
  const d1 = t.charCodeAt(p + 3);
  const year = (y0 - 48) * 1000 + (y1 - 48) * 100 + (y2 - 48) * 10 + (y3 - 48);
  if (!validDate(year, (m0 - 48) * 10 + m1 - 48, (d0 - 48) * 10 + d1 - 48)) return undefined;
  if (n === 6 || n === 8) return String.fromCharCode(y0, y1, y2, y3, 45, m0, m1, 45, d0, d1);
  const h0 = t.charCodeAt(p + 4);
  const h1 = t.charCodeAt(p + 5);
  const i0 = t.charCodeAt(p + 6);
  const i1 = t.charCodeAt(p + 7);
  if ((h0 - 48) * 10 + h1 - 48 > 23 || (i0 - 48) * 10 + i1 - 48 > 59) return undefined;
  return String.fromCharCode(y0, y1, y2, y3, 45, m0, m1, 45, d0, d1, 84, h0, h1, 58, i0, i1);
}
