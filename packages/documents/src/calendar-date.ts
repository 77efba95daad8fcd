// Calendar dates as day numbers (days since 1970-01-01), parsed strictly: 2024-02-30 is not a date.
// Day numbers keep the verdict path free of Date objects and time zones.

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 for a valid (y, m, d); the caller has checked the ranges. */
export function dayNumber(y: number, m: number, d: number): number {
  // Shift the year so that it starts in March: leap days fall at the end.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** `YYYY-MM-DD` → day number, or null when it is malformed or not a real calendar date. */
export function parseIsoDate(s: string): number | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const a = digit(s, 0);
  const b = digit(s, 1);
  const c = digit(s, 2);
  const d = digit(s, 3);
  const e = digit(s, 5);
  const f = digit(s, 6);
  const g = digit(s, 8);
  const h = digit(s, 9);
  if ((a | b | c | d | e | f | g | h) < 0) return null;
  const y = a * 1000 + b * 100 + c * 10 + d;
  const m = e * 10 + f;
  const day = g * 10 + h;
  if (m < 1 || m > 12 || day < 1 || day > daysInMonth(y, m)) return null;
  return dayNumber(y, m, day);
}

/** Day number → year, month, day packed as (y << 9) | (m << 5) | d: no object on hot paths. */
function civilPacked(n: number): number {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return ((yoe + era * 400 + (m <= 2 ? 1 : 0)) << 9) | (m << 5) | d;
}

export function civil(n: number): { y: number; m: number; d: number } {
  const p = civilPacked(n);
  return { y: p >> 9, m: (p >> 5) & 15, d: p & 31 };
}

/** Day number → `YYYY-MM-DD`. */
export function formatDay(n: number): string {
  const { y, m, d } = civil(n);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Adds calendar months, clamping to the month's last day (31 Aug + 6 months = 28/29 Feb),
 * the reading passport-validity rules are usually given.
 */
export function addMonths(n: number, months: number): number {
  const p = civilPacked(n);
  const y = p >> 9;
  const m = (p >> 5) & 15;
  const d = p & 31;
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayNumber(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Whole years between a birth day and a later day (age on that day). */
export function ageOn(birth: number, on: number): number {
  const b = civilPacked(birth);
  const o = civilPacked(on);
  // Month and day compare as one number: (m << 5) | d.
  return (o >> 9) - (b >> 9) - ((o & 511) < (b & 511) ? 1 : 0);
}
