// Birth dates as watchlists hold them: a full date or a year only; validated so that an
// absurd date becomes a typed issue instead of a silent non-match.
export interface PartialDate {
  year: number;
  /** 1–12, undefined when only the year is known. */
  month?: number;
  day?: number;
}

const FULL = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^(\d{4})(?:-00-00|-XX-XX)?$/i;

export const MIN_BIRTH_YEAR = 1880;
export const MAX_BIRTH_YEAR = 2100;

/** Why a date string is not acceptable, or undefined when it is. */
export function birthDateProblem(text: string): string | undefined {
  const d = parsePartialDate(text);
  if (d) return undefined;
  if (!FULL.test(text) && !YEAR.test(text)) return `"${text}" is not YYYY-MM-DD or YYYY`;
  return `"${text}" is not a plausible birth date (year ${MIN_BIRTH_YEAR}–${MAX_BIRTH_YEAR}, a real calendar day)`;
}

export function parsePartialDate(text: string): PartialDate | undefined {
  const y = YEAR.exec(text);
  if (y) {
    const year = Number(y[1]);
    return year >= MIN_BIRTH_YEAR && year <= MAX_BIRTH_YEAR ? { year } : undefined;
  }
  const m = FULL.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_BIRTH_YEAR || year > MAX_BIRTH_YEAR) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function formatPartialDate(d: PartialDate): string {
  if (d.month === undefined || d.day === undefined) return String(d.year);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
