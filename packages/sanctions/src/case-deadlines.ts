// Deadline tracking for a scheduler: which cases have an answer window that has closed (so the
// regulator can mark the deadline passed) and which appeal windows have closed.
import type { SanctionCase } from './case-model.ts';
import { ms } from './instant.ts';

export interface DeadlineDue {
  readonly caseId: string;
  readonly kind: 'answer' | 'appeal';
  readonly dueBy: string;
  /** The command the deadline makes available (or, for appeals, the state now final for appeal). */
  readonly next: 'mark-deadline-passed' | 'appeal-window-closed';
}

export function deadlinesPassed(cases: readonly SanctionCase[], now: Date): DeadlineDue[] {
  const out: DeadlineDue[] = [];
  for (const c of cases) {
    if (c.state === 'notice-issued' && c.notice && ms(c.notice.answerDueBy) < now.getTime())
      out.push({
        caseId: c.id,
        kind: 'answer',
        dueBy: c.notice.answerDueBy,
        next: 'mark-deadline-passed',
      });
    if (c.state === 'decided' && c.decision && ms(c.decision.appealDueBy) < now.getTime())
      out.push({
        caseId: c.id,
        kind: 'appeal',
        dueBy: c.decision.appealDueBy,
        next: 'appeal-window-closed',
      });
  }
  return out.sort((a, b) => a.dueBy.localeCompare(b.dueBy) || a.caseId.localeCompare(b.caseId));
}
