// Builds a LostStolenIndex from a CSV fed in chunks of any size (a 20-million-line file never
// has to be one string): `issuing_state,number,status,reported_date`, header optional.
import { parseIsoDate } from './calendar-date.ts';
import { normaliseDocumentNumber } from './document-number.ts';
import {
  homeSlot,
  LOST_STOLEN_STATUSES,
  LostStolenIndex,
  hashKey,
  keyCountry,
  packMeta,
} from './lost-stolen-index.ts';
import { stateCodeIndex } from './state-codes.ts';

export interface LostStolenIssue {
  line: number;
  code: 'LS_COLUMNS' | 'LS_STATE' | 'LS_NUMBER' | 'LS_STATUS' | 'LS_DATE';
  message: string;
}

export interface LostStolenBuild {
  index: LostStolenIndex;
  accepted: number;
  rejected: number;
  /** The first issues (at most `maxIssues`); `rejected` counts them all. */
  issues: LostStolenIssue[];
}

const STATUS_CODES = new Map<string, number>(LOST_STOLEN_STATUSES.map((s, i) => [s, i]));

export class LostStolenBuilder {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private meta: Uint32Array;
  private count = 0;
  private line = 0;
  private rest = '';
  private rejected = 0;
  private readonly issues: LostStolenIssue[] = [];
  private readonly scratch = new Uint32Array(2);
  private readonly version: string;
  private readonly maxIssues: number;
  private readonly loadFactor: number;

  /**
   * `loadFactor`: entries per table slot (default 0.8, ≈ 15 bytes per entry). Higher packs
   * tighter but lengthens the runs a miss must scan.
   */
  constructor(options: {
    version: string;
    expectedEntries?: number;
    maxIssues?: number;
    loadFactor?: number;
  }) {
    this.version = options.version;
    this.loadFactor = Math.min(0.95, Math.max(0.1, options.loadFactor ?? 0.8));
    this.maxIssues = options.maxIssues ?? 100;
    const cap = Math.max(1024, options.expectedEntries ?? 0);
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.meta = new Uint32Array(cap);
  }

  /** Feeds the next piece of CSV text; a line split across chunks is joined with the next. */
  push(chunk: string): void {
    let text = this.rest + chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      this.parseLine(text, start, nl);
      start = nl + 1;
    }
    this.rest = text.slice(start);
    text = '';
  }

  /** Adds one entry directly (for callers that read another format); returns the issue if rejected. */
  add(
    issuingState: string,
    documentNumber: string,
    status: string,
    reportedDate: string,
  ): LostStolenIssue | null {
    this.line += 1;
    return this.addAt(this.line, issuingState, documentNumber, status, reportedDate);
  }

  private parseLine(text: string, start: number, end: number): void {
    this.line += 1;
    if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
    if (end === start) return;
    const c1 = text.indexOf(',', start);
    const c2 = c1 < 0 ? -1 : text.indexOf(',', c1 + 1);
    const c3 = c2 < 0 ? -1 : text.indexOf(',', c2 + 1);
    const c4 = c3 < 0 ? -1 : text.indexOf(',', c3 + 1);
    if (c3 < 0 || c3 >= end || (c4 >= 0 && c4 < end)) {
      this.reject({
        line: this.line,
        code: 'LS_COLUMNS',
        message: 'expected 4 columns: issuing_state,number,status,reported_date',
      });
      return;
    }
    const state = text.slice(start, c1).trim();
    if (this.line === 1 && state.toLowerCase() === 'issuing_state') return;
    this.addAt(
      this.line,
      state,
      text.slice(c1 + 1, c2),
      text.slice(c2 + 1, c3).trim(),
      text.slice(c3 + 1, end).trim(),
    );
  }

  private addAt(
    line: number,
    state: string,
    number: string,
    status: string,
    date: string,
  ): LostStolenIssue | null {
    const si = stateCodeIndex(state);
    if (si < 0)
      return this.reject({ line, code: 'LS_STATE', message: `${state} is not an ICAO state code` });
    const normalised = normaliseDocumentNumber(number);
    if (normalised.length < 3 || normalised.length > 20) {
      return this.reject({
        line,
        code: 'LS_NUMBER',
        message: `document number "${number}" is too short or too long`,
      });
    }
    const st = STATUS_CODES.get(status.toLowerCase());
    if (st === undefined)
      return this.reject({ line, code: 'LS_STATUS', message: `unknown status "${status}"` });
    const day = parseIsoDate(date);
    if (day === null)
      return this.reject({ line, code: 'LS_DATE', message: `${date} is not a calendar date` });
    if (this.count === this.hi.length) this.grow();
    hashKey(keyCountry(state), normalised, this.scratch);
    this.hi[this.count] = this.scratch[0] as number;
    this.lo[this.count] = this.scratch[1] as number;
    this.meta[this.count] = packMeta(st, si, day);
    this.count += 1;
    return null;
  }

  private reject(issue: LostStolenIssue): LostStolenIssue {
    this.rejected += 1;
    if (this.issues.length < this.maxIssues) this.issues.push(issue);
    return issue;
  }

  private grow(): void {
    const cap = Math.ceil(this.hi.length * 1.5);
    const widen = (a: Uint32Array): Uint32Array => {
      const next = new Uint32Array(cap);
      next.set(a);
      return next;
    };
    this.hi = widen(this.hi);
    this.lo = widen(this.lo);
    this.meta = widen(this.meta);
  }

  /** Sorts, trims and returns the index; the builder must not be used afterwards. */
  finish(): LostStolenBuild {
    if (this.rest.length > 0) {
      const last = this.rest;
      this.rest = '';
      this.parseLine(last, 0, last.length);
    }
    const n = this.count;
    const hi = this.hi.slice(0, n);
    const lo = this.lo.slice(0, n);
    const meta = this.meta.slice(0, n);
    this.hi = this.lo = this.meta = new Uint32Array(0);
    radixSort(hi, lo, meta);
    // Lay the sorted keys out with gaps: each at its home slot or just after its predecessor.
    const scale = Math.ceil(n / this.loadFactor) / 16777216;
    let last = -1;
    for (let i = 0; i < n; i++) last = Math.max(homeSlot(hi[i] as number, scale), last + 1);
    const table = new Uint32Array(3 * (last + 1));
    last = -1;
    for (let i = 0; i < n; i++) {
      const at = Math.max(homeSlot(hi[i] as number, scale), last + 1);
      table[3 * at] = hi[i] as number;
      table[3 * at + 1] = lo[i] as number;
      table[3 * at + 2] = meta[i] as number;
      last = at;
    }
    return {
      index: new LostStolenIndex(this.version, table, scale, n),
      accepted: n,
      rejected: this.rejected,
      issues: this.issues,
    };
  }
}

/** LSD radix sort on the 64-bit key (hi, lo), 16 bits per pass, carrying meta along. */
function radixSort(hi: Uint32Array, lo: Uint32Array, meta: Uint32Array): void {
  type U32 = Uint32Array;
  const n = hi.length;
  let aHi: U32 = hi;
  let aLo: U32 = lo;
  let aMeta: U32 = meta;
  let bHi: U32 = new Uint32Array(n);
  let bLo: U32 = new Uint32Array(n);
  let bMeta: U32 = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const src = pass < 2 ? aLo : aHi;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const d = (((src[i] as number) >>> shift) & 0xffff) + 1;
      counts[d] = (counts[d] as number) + 1;
    }
    for (let d = 1; d <= 65536; d++) counts[d] = (counts[d] as number) + (counts[d - 1] as number);
    for (let i = 0; i < n; i++) {
      const d = ((src[i] as number) >>> shift) & 0xffff;
      const to = counts[d] as number;
      counts[d] = to + 1;
      bHi[to] = aHi[i] as number;
      bLo[to] = aLo[i] as number;
      bMeta[to] = aMeta[i] as number;
    }
    [aHi, bHi] = [bHi, aHi];
    [aLo, bLo] = [bLo, aLo];
    [aMeta, bMeta] = [bMeta, aMeta];
  }
  // Four passes: the sorted data is back in the original arrays.
}
