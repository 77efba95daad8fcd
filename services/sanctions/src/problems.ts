// Maps the pure core's refusals (problems with codes) to the domain errors the HTTP edge knows.
import type { DomainError } from '@paxguard/domain';
import { ConflictError, ForbiddenError, ValidationError } from '@paxguard/domain';
import type { Problem } from '@paxguard/sanctions';

const CONFLICT = new Set(['VERSION_CONFLICT', 'ILLEGAL_TRANSITION']);
const FORBIDDEN = new Set(['ROLE_NOT_ALLOWED', 'NOT_YOUR_CASE', 'SAME_PERSON']);

/** One error for a list of problems: the first problem's code and message lead, all are listed. */
export function problemsError(problems: readonly Problem[], fallbackCode = 'INVALID'): DomainError {
  const first = problems[0];
  const code = first?.code ?? fallbackCode;
  const message = problems
    .map((p) => (p.where ? `${p.where}: ${p.message}` : p.message))
    .join('; ');
  const details = { problems: problems.map((p) => ({ ...p })) };
  if (CONFLICT.has(code)) return new ConflictError(code, message, details);
  if (FORBIDDEN.has(code)) return new ForbiddenError(code, message, details);
  return new ValidationError(code, message, details);
}
