// The tokeniser core: walks an EDIFACT interchange once with charCodeAt and exposes the
// current segment's element/component boundaries; strings are cut only when asked for.
import type { IssueSink } from './codec-issues.ts';
import { isoDateAt } from './edifact-dates.ts';
import { repertoire, type Delimiters, type SyntaxId } from './service-string.ts';

const TABLES = new Map<string, Uint8Array>();
const FLAG_RELEASE = 1;
const FLAG_BREAK = 2;

/**
 * Packs a short code (≤ 4 characters) into a number so qualifiers compare without strings;
 * -1 when longer, or when a character is above U+00FF (UNOY), whose low byte alone would
 * collide with a Latin-1 character's.
 */
export function codeKey(s: string): number {
  if (s.length > 4) return -1;
  let k = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) return -1;
    k = k * 256 + c;
  }
  return k;
}

/**
 * Texts built by concatenation are ropes in V8, and charCodeAt on a rope takes a slow path
 * at every call. Converting to a number flattens the string once (the conversion itself
 * gives up at the first letter).
 */
function flatten(text: string): void {
  void Number(text);
}

export class SegmentScanner {
  /** 1-based ordinal of the current segment, UNA included. */
  index: number;
  /** Offset of the current segment's first character. */
  offset = 0;
  /** Offset just past the current segment (after its terminator). */
  next_ = 0;
  /** Tag packed with codeKey (upper-cased). */
  tagCode = 0;
  /** Number of data elements after the tag. */
  elementCount = 0;
  /** False when the text ended before the segment terminator. */
  terminated = true;
  badChars = 0;
  lineBreaks = 0;

  private pos: number;
  private readonly len: number;
  private readonly comp: number;
  private readonly elem: number;
  private readonly rel: number;
  private readonly term: number;
  private readonly relChar: string;
  private table: Uint8Array = new Uint8Array(256);
  private wideAllowed = false;
  private cs: Int32Array = new Int32Array(64);
  private ce: Int32Array = new Int32Array(64);
  private ef: Int32Array = new Int32Array(64);
  private flags = 0;
  private badCharSegment = -1;
  private breakSegment = -1;

  constructor(
    readonly text: string,
    readonly delimiters: Delimiters,
    start: number,
    private readonly sink: IssueSink,
    startIndex: number,
    syntax: SyntaxId = 'UNOY',
  ) {
    flatten(text);
    this.pos = start;
    this.index = startIndex;
    this.len = text.length;
    this.comp = delimiters.component.charCodeAt(0);
    this.elem = delimiters.element.charCodeAt(0);
    this.rel = delimiters.release.charCodeAt(0);
    this.term = delimiters.terminator.charCodeAt(0);
    this.relChar = delimiters.release;
    this.setSyntax(syntax);
  }

  /** Switches the character repertoire (after UNB names the syntax identifier). */
  setSyntax(syntax: SyntaxId): void {
    const key = `${syntax}${this.delimiters.component}${this.delimiters.element}${this.delimiters.release}${this.delimiters.terminator}`;
    let table = TABLES.get(key);
    if (!table) {
      // A full 16-bit table: one load decides whether a character needs a closer look.
      const { table: latin, wideAllowed } = repertoire(syntax);
      table = new Uint8Array(65536).fill(wideAllowed ? 0 : 1);
      table.set(latin);
      for (const c of [this.comp, this.elem, this.rel, this.term, 10, 13]) table[c] = 2;
      TABLES.set(key, table);
    }
    this.table = table;
    this.wideAllowed = syntax === 'UNOY';
  }

  /** Moves to the next segment; false at the end of the text. */
  next(): boolean {
    const t = this.text;
    const len = this.len;
    let p = this.pos;
    while (p < len) {
      const c = t.charCodeAt(p);
      if (c === 10 || c === 13 || c === 32 || c === 9) p++;
      else break;
    }
    if (p >= len) {
      this.pos = p;
      return false;
    }
    this.index++;
    this.offset = p;
    this.flags = 0;
    this.terminated = true;
    const table = this.table;
    const term = this.term;
    const elem = this.elem;
    const comp = this.comp;
    const rel = this.rel;
    let cs = this.cs;
    let ce = this.ce;
    let ef = this.ef;
    let nc = 0;
    let ne = 0;
    ef[0] = 0;
    cs[0] = p;
    for (;;) {
      if (p >= len) {
        ce[nc++] = p;
        this.terminated = false;
        break;
      }
      const c = t.charCodeAt(p);
      if (table[c] === 0) {
        p++;
        continue;
      }
      if (c === term) {
        ce[nc++] = p++;
        break;
      }
      if (nc + 2 >= cs.length) {
        this.grow();
        cs = this.cs;
        ce = this.ce;
        ef = this.ef;
      }
      if (c === elem) {
        ce[nc++] = p++;
        ef[++ne] = nc;
        cs[nc] = p;
      } else if (c === comp) {
        ce[nc++] = p++;
        cs[nc] = p;
      } else if (c === rel) {
        this.flags |= FLAG_RELEASE;
        p += 2;
      } else if (c === 10 || c === 13) {
        this.flags |= FLAG_BREAK;
        this.onLineBreak(p);
        p++;
      } else if (c >= 256 && this.wideAllowed) {
        p++;
      } else {
        this.onBadChar(p, c);
        p++;
      }
    }
    if (p > len) p = len;
    ef[ne + 1] = nc;
    this.elementCount = ne;
    this.pos = p;
    this.next_ = p;
    this.tagCode = this.readTag();
    return true;
  }

  /**
   * Offset of the next segment's first character (blank between segments skipped), or -1
   * at the end of the text. A fast reader may then consume it with `consumed`.
   */
  peek(): number {
    const t = this.text;
    const len = this.len;
    let p = this.pos;
    while (p < len) {
      const c = t.charCodeAt(p);
      if (c === 10 || c === 13 || c === 32 || c === 9) p++;
      else break;
    }
    this.pos = p;
    return p < len ? p : -1;
  }

  /**
   * Records that a fast reader consumed `count` clean, terminated segments itself, the last
   * one [start, end): the ordinal and offsets advance as next() would, but the element
   * boundaries are not filled in (tagCode is 0), so only positions may be asked until next().
   */
  consumed(start: number, end: number, count = 1): void {
    this.index += count;
    this.offset = start;
    this.pos = end;
    this.next_ = end;
    this.terminated = true;
    this.tagCode = 0;
    this.elementCount = 0;
  }

  /** The character class table of the declared syntax: 0 plain, 1 outside the set, 2 delimiter or line break. */
  get charTable(): Uint8Array {
    return this.table;
  }

  private grow(): void {
    const n = this.cs.length * 2;
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.cs = grow(this.cs);
    this.ce = grow(this.ce);
    this.ef = grow(this.ef);
  }

  private readTag(): number {
    const a = this.cs[0] ?? 0;
    let b = this.ce[0] ?? 0;
    if (b - a > 3 && this.text.charCodeAt(a + 3) === 32) {
      while (b > a + 3 && this.text.charCodeAt(b - 1) === 32) b--;
      if (b - a === 3) {
        this.sink.problem(
          'TAG_SPACE',
          `Segment tag "${this.text.slice(a, a + 3)}" is followed by spaces.`,
          {
            segmentIndex: this.index,
            offset: this.offset,
          },
        );
        this.ce[0] = b;
      }
    }
    if (b - a !== 3) return -1;
    let k = 1;
    let lower = false;
    for (let i = a; i < b; i++) {
      let c = this.text.charCodeAt(i);
      if (c >= 97 && c <= 122) {
        c -= 32;
        lower = true;
      }
      k = k * 256 + c;
    }
    if (lower) {
      this.sink.problem('TAG_LOWERCASE', `Segment tag "${this.tag}" should be upper case.`, {
        segmentIndex: this.index,
        segmentTag: this.tag,
        offset: this.offset,
      });
    }
    return k;
  }

  private onBadChar(p: number, c: number): void {
    this.badChars++;
    // One issue per segment in strict mode, one per interchange in lenient mode.
    if (this.badChars > 1 && (!this.sink.strict || this.badCharSegment === this.index)) return;
    this.badCharSegment = this.index;
    const shown = c < 32 ? `U+${c.toString(16).padStart(4, '0')}` : `"${String.fromCharCode(c)}"`;
    this.sink.problem(
      'CHARACTER_NOT_IN_SYNTAX',
      `Character ${shown} is not in the character set the UNB syntax identifier declares.`,
      { segmentIndex: this.index, offset: p },
    );
  }

  private onLineBreak(p: number): void {
    this.lineBreaks++;
    if (this.lineBreaks > 1 && (!this.sink.strict || this.breakSegment === this.index)) return;
    this.breakSegment = this.index;
    this.sink.problem(
      'LINE_BREAK_IN_SEGMENT',
      'A line break inside a segment was removed; line breaks are only allowed between segments.',
      { segmentIndex: this.index, offset: p },
    );
  }

  /** The tag as written (not upper-cased). */
  get tag(): string {
    return this.text.slice(this.cs[0], this.ce[0]);
  }

  componentCount(e: number): number {
    if (e > this.elementCount) return 0;
    return (this.ef[e + 1] ?? 0) - (this.ef[e] ?? 0);
  }

  /** Component c (1-based) of element e (1-based; 0 is the tag), release characters resolved. */
  value(e: number, c = 1): string {
    if (e > this.elementCount) return '';
    const idx = (this.ef[e] ?? 0) + c - 1;
    if (idx >= (this.ef[e + 1] ?? 0)) return '';
    const a = this.cs[idx] ?? 0;
    const b = this.ce[idx] ?? 0;
    if (a >= b) return '';
    const s = this.text.slice(a, b);
    return this.flags === 0 ? s : this.clean(s);
  }

  /** codeKey of a component without cutting a string; -1 when longer than 4. */
  key(e: number, c = 1): number {
    if (e > this.elementCount) return 1;
    const idx = (this.ef[e] ?? 0) + c - 1;
    if (idx >= (this.ef[e + 1] ?? 0)) return 1;
    const a = this.cs[idx] ?? 0;
    const b = this.ce[idx] ?? 0;
    if (b - a > 4) return -1;
    if (this.flags !== 0) return codeKey(this.value(e, c));
    let k = 1;
    for (let i = a; i < b; i++) {
      const ch = this.text.charCodeAt(i);
      if (ch > 255) return -1;
      k = k * 256 + ch;
    }
    return k;
  }

  /**
   * Start offset of component c of element e when it can be read in place (present, no
   * release characters or line breaks in the segment), else -1; sets `spanLength`.
   */
  span(e: number, c: number): number {
    this.spanLength = 0;
    if (e > this.elementCount || this.flags !== 0) return -1;
    const idx = (this.ef[e] ?? 0) + c - 1;
    if (idx >= (this.ef[e + 1] ?? 0)) return -1;
    const a = this.cs[idx] ?? 0;
    this.spanLength = (this.ce[idx] ?? 0) - a;
    return a;
  }

  spanLength = 0;

  /** An all-digit date component as `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm` (see isoDateAt). */
  isoDate(
    e: number,
    c: number,
    referenceYear: number,
    kind: 'birth' | 'other',
  ): string | undefined {
    const a = this.span(e, c);
    return a < 0 ? undefined : isoDateAt(this.text, a, this.spanLength, referenceYear, kind);
  }

  /**
   * Offset of component c of element e, for positioned issues. A component or element the
   * segment does not have is placed where it would begin: the end of its element, or the
   * segment terminator (reading its slot would give a stale boundary of an earlier segment).
   */
  offsetOf(e: number, c = 1): number {
    const n = this.elementCount;
    if (e > n) return this.ce[(this.ef[n + 1] ?? 1) - 1] ?? this.offset;
    const end = this.ef[e + 1] ?? 0;
    const idx = (this.ef[e] ?? 0) + c - 1;
    return (idx < end ? this.cs[idx] : this.ce[end - 1]) ?? this.offset;
  }

  /** The current segment as written, without its terminator (for history details). */
  raw(): string {
    return this.text.slice(this.offset, this.terminated ? this.next_ - 1 : this.next_);
  }

  /** Every element as an array of components (for the generic tokenise API). */
  elements(): string[][] {
    const out: string[][] = [];
    for (let e = 1; e <= this.elementCount; e++) {
      const n = this.componentCount(e);
      const comps: string[] = [];
      for (let c = 1; c <= n; c++) comps.push(this.value(e, c));
      out.push(comps);
    }
    return out;
  }

  private clean(s: string): string {
    if (s.indexOf(this.relChar) < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === this.rel) {
        i++;
        if (i < s.length) out += s.charAt(i);
      } else if (c !== 10 && c !== 13) out += s.charAt(i);
    }
    return out;
  }
}
