// The typed result every public function returns for input a stranger controls:
// a value, or a list of problems each with a stable code, a sentence and where it was found.
export interface Problem {
  /** Stable machine code, e.g. `OUTCOME_BEFORE_ARRIVAL`. */
  readonly code: string;
  /** One human sentence saying what is wrong. */
  readonly message: string;
  /** Where in the input: a dotted path such as `cost.currency`, or `''` for the whole. */
  readonly where: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string, where = ''): Result<T> {
  return { ok: false, problems: [{ code, message, where }] };
}

/** zod issues turned into problems, so schema failures look like every other refusal. */
export function problemsFromZod(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[],
  code = 'INVALID_INPUT',
): Problem[] {
  return issues.map((i) => ({
    code,
    message: i.message,
    where: i.path.map((p) => String(p)).join('.'),
  }));
}
