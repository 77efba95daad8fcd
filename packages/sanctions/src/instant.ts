// Strict UTC instants: the format check zod does, plus a calendar check so 2026-02-30 is refused.
import { z } from 'zod';

/** True when an ISO instant names a real calendar moment (no 30 February, no hour 25). */
export function isRealInstant(iso: string): boolean {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return false;
  // Date.parse rolls 02-30 over to 03-02; comparing the date part catches the rollover.
  return new Date(ms).toISOString().slice(0, 16) === iso.slice(0, 16);
}

export const Instant = z.iso
  .datetime({ message: 'expected an ISO 8601 UTC instant such as 2026-03-01T10:00:00Z' })
  .refine(isRealInstant, { message: 'not a real calendar date and time' });

export function ms(iso: string): number {
  return Date.parse(iso);
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
