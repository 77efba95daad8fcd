// Roles per kind of access, the actor of a request, and the audit row for reads of personal data.
import type { Actor, AuditRepository, Role } from '@paxguard/db';
import { currentUser } from '@paxguard/auth';
import type { FastifyRequest } from 'fastify';

/** Reading reference data. */
export const READ_ROLES: readonly Role[] = ['officer', 'supervisor', 'analyst', 'admin'];
/** Changing lists, rules, authorisations. */
export const WRITE_ROLES: readonly Role[] = ['supervisor', 'admin'];
/** Writing and back-testing profile drafts. */
export const DRAFT_ROLES: readonly Role[] = ['analyst', 'supervisor'];
/** Admitted to the approval route; approveProfile itself refuses all but a supervisor who is not the author. */
export const APPROVAL_ROLES: readonly Role[] = ['analyst', 'supervisor', 'admin'];

export function actorOf(req: FastifyRequest): Actor {
  const u = currentUser(req);
  return { id: u.id, role: u.role };
}

/** Records that the requester saw personal data (watchlist entries, clearances, authorisations). */
export async function auditRead(
  audit: AuditRepository,
  req: FastifyRequest,
  e: { action: string; subjectType: string; subjectId: string; details?: Record<string, unknown> },
): Promise<void> {
  const u = currentUser(req);
  await audit.record({
    actor: u.id,
    actorRole: u.role,
    ...e,
    details: { ...e.details, requestId: req.id },
  });
}
