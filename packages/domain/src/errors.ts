// Domain errors carry a stable code and a sentence; they know nothing about HTTP.
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input was understood but is not acceptable (maps to 422 at the HTTP edge). */
export class ValidationError extends DomainError {}
/** A referenced thing does not exist (404). */
export class NotFoundError extends DomainError {}
/** The caller may not do this (403). */
export class ForbiddenError extends DomainError {}
/** The request conflicts with the current state, e.g. a transition out of order (409). */
export class ConflictError extends DomainError {}
