// The public register of decided sanctions as CSV: carrier, date, amount, basis, status.
// No traveller appears in it: only case-level facts.
import type { SanctionCase } from './case-model.ts';
import { decidedAmount } from './case-model.ts';
import { decimalString } from './money.ts';

export const REGISTER_COLUMNS = [
  'case_id',
  'carrier',
  'flights',
  'decision_date',
  'decision',
  'amount',
  'currency',
  'basis',
  'status',
  'profile',
  'profile_version',
] as const;

/** RFC 4180 quoting, and a leading quote on formula-like cells so spreadsheets do not execute them. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function status(c: SanctionCase): string {
  if (c.state === 'closed') return c.payment ? 'closed-paid' : 'closed';
  return c.state;
}

/** One row per case that has a decision, ordered by decision date then id. */
export function registerCsv(cases: readonly SanctionCase[]): string {
  const decided = cases
    .filter((c) => c.decision !== undefined)
    .sort(
      (a, b) =>
        (a.decision?.at ?? '').localeCompare(b.decision?.at ?? '') || a.id.localeCompare(b.id),
    );
  const rows = decided.map((c) => {
    const amount = decidedAmount(c) ?? { minor: 0, currency: c.proposed.currency };
    const bases = [
      ...new Set(c.computation.lines.filter((l) => l.kind === 'charge').map((l) => l.basis)),
    ];
    const decision = c.appealDecision
      ? `${c.decision?.outcome ?? ''}; appeal ${c.appealDecision.outcome}`
      : (c.decision?.outcome ?? '');
    return [
      c.id,
      c.carrier,
      c.flightKeys.join(' '),
      (c.appealDecision?.at ?? c.decision?.at ?? '').slice(0, 10),
      decision,
      decimalString(amount),
      amount.currency,
      bases.join(' | '),
      status(c),
      c.computation.profile.id,
      c.computation.profile.version,
    ];
  });
  return (
    [REGISTER_COLUMNS as readonly string[], ...rows]
      .map((r) => r.map(csvCell).join(','))
      .join('\r\n') + '\r\n'
  );
}
