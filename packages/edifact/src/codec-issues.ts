// Errors as data: every problem a codec finds is a CodecIssue with a stable code, a
// sentence and, where it has one, a position in the message.
export interface CodecIssue {
  /** Stable machine code, e.g. `UNT_COUNT_MISMATCH`. */
  code: string;
  /** One human sentence saying what is wrong. */
  message: string;
  /** 1-based ordinal of the segment in the interchange (UNA counts as segment 1). */
  segmentIndex?: number;
  segmentTag?: string;
  /** 1-based data element position after the tag. */
  element?: number;
  /** 1-based component position inside the element. */
  component?: number;
  /** 0-based character offset of the segment (or the offending character) in the text. */
  offset?: number;
  /** For JSON input: the path of the offending value, e.g. `travellers.3.documents.0.number`. */
  path?: string;
}

export type DecodeResult<T> =
  | { ok: true; value: T; warnings: CodecIssue[] }
  | { ok: false; errors: CodecIssue[]; warnings: CodecIssue[] };

export type DecodeMode = 'strict' | 'lenient';

export interface IssueWhere {
  segmentIndex?: number;
  segmentTag?: string;
  element?: number;
  component?: number;
  offset?: number;
  path?: string;
}

/** Past this many issues of one severity the rest are summarised, so a garbage file stays cheap. */
const MAX_ISSUES = 200;

/** Collects issues; `problem` is an error in strict mode and a warning in lenient mode. */
export class IssueSink {
  readonly errors: CodecIssue[] = [];
  readonly warnings: CodecIssue[] = [];
  private droppedErrors = 0;
  private droppedWarnings = 0;

  constructor(readonly strict: boolean) {}

  error(code: string, message: string, where?: IssueWhere): void {
    if (this.errors.length >= MAX_ISSUES) this.droppedErrors++;
    else this.errors.push({ code, message, ...where });
  }

  warn(code: string, message: string, where?: IssueWhere): void {
    if (this.warnings.length >= MAX_ISSUES) this.droppedWarnings++;
    else this.warnings.push({ code, message, ...where });
  }

  /** Something the standard forbids but real traffic does: rejected only in strict mode. */
  problem(code: string, message: string, where?: IssueWhere): void {
    if (this.strict) this.error(code, message, where);
    else this.warn(code, message, where);
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }

  result<T>(value: T): DecodeResult<T> {
    this.flushDropped();
    if (this.errors.length > 0) return { ok: false, errors: this.errors, warnings: this.warnings };
    return { ok: true, value, warnings: this.warnings };
  }

  private flushDropped(): void {
    if (this.droppedErrors > 0) {
      this.errors.push({
        code: 'TOO_MANY_ISSUES',
        message: `${this.droppedErrors} further errors were not listed.`,
      });
      this.droppedErrors = 0;
    }
    if (this.droppedWarnings > 0) {
      this.warnings.push({
        code: 'TOO_MANY_ISSUES',
        message: `${this.droppedWarnings} further warnings were not listed.`,
      });
      this.droppedWarnings = 0;
    }
  }
}
