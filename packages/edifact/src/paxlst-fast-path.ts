// The PAXLST fast path: the common traveller segments (NAD, ATT, DTM, LOC, NAT, RFF, GEI,
// DOC) read straight from the text in one pass, without element tables or per-segment
// dispatch. Anything unusual (release characters, line breaks, characters outside the
// syntax, a value that would raise an issue, a rare segment) is left to the general path
// untouched, so issues and their positions come from one place only.
import type { TravelDocument, Traveller, TravellerRole } from '@paxguard/domain';
import type { DecodeCache } from './code-readers.ts';
import { isoDateAt } from './edifact-dates.ts';
import type { SegmentScanner } from './segment-scanner.ts';
import { makeAddress, makeTraveller } from './paxlst-traveller.ts';

/**
 * Date key → ISO date string, direct-mapped (a colliding date replaces the one in its slot):
 * bounded and small enough to stay in cache, where a table holding every date of a long
 * list missed the cache on most lookups.
 */
class DateSlots {
  private readonly keys: number[];
  private readonly values: string[];
  /** 32 − log2(slots). */
  private readonly shift: number;

  /**
   * Slots for a text of `length` characters: about one per 40 (a traveller group is ~150
   * characters with two dates), 64 to 4,096. A check-in message of one traveller must not
   * pay for filling thousands of slots (filling 4,096 doubled its decode time). Plain
   * arrays, not an Int32Array: a typed array's store is allocated outside the heap, which
   * costs more to make and free than the lookups save at this size.
   */
  constructor(length: number) {
    let bits = 6;
    while (bits < 12 && 1 << bits < length / 40) bits++;
    this.keys = new Array<number>(1 << bits).fill(-1);
    this.values = new Array<string>(1 << bits).fill('');
    this.shift = 32 - bits;
  }

  get(key: number): string | undefined {
    const i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    return this.keys[i] === key ? this.values[i] : undefined;
  }

  set(key: number, value: string): void {
    const i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    this.keys[i] = key;
    this.values[i] = value;
  }

  clear(): void {
    this.keys.fill(-1);
  }
}

/** What the fast path reads and updates: the message decoder's traveller list. */
export interface TravellerState {
  readonly travellers: Traveller[];
  traveller: Traveller | undefined;
  doc: TravelDocument | undefined;
  referenceYear: number;
  readonly cache: DecodeCache;
}

const tag3 = (s: string) => (s.charCodeAt(0) << 16) | (s.charCodeAt(1) << 8) | s.charCodeAt(2);
const NAD = tag3('NAD');
const ATT = tag3('ATT');
const DTM = tag3('DTM');
const LOC = tag3('LOC');
const NAT = tag3('NAT');
const RFF = tag3('RFF');
const GEI = tag3('GEI');
const DOC = tag3('DOC');

/** A document field read before its DOC is built (two bits each in PaxlstFastPath.docOrder). */
const EXPIRY = 1;
const ISSUE = 2;
const STATE = 3;

/** A code of up to three ASCII characters packed into a small integer (exact: no case folding). */
function packCode(s: string): number {
  let k = 1;
  for (let i = 0; i < s.length; i++) k = (k << 7) | s.charCodeAt(i);
  return k;
}
const Q = {
  FL: packCode('FL'),
  FM: packCode('FM'),
  DDU: packCode('DDU'),
  DDT: packCode('DDT'),
  c36: packCode('36'),
  c182: packCode('182'),
  c329: packCode('329'),
  c22: packCode('22'),
  c91: packCode('91'),
  c174: packCode('174'),
  c178: packCode('178'),
  c179: packCode('179'),
  AVF: packCode('AVF'),
  ABO: packCode('ABO'),
  SEA: packCode('SEA'),
  TN: packCode('TN'),
  AEA: packCode('AEA'),
  CR: packCode('CR'),
  c173: packCode('173'),
};

export class PaxlstFastPath {
  private readonly t: string;
  private readonly len: number;
  private readonly E: number;
  private readonly C: number;
  private readonly T: number;
  private table: Uint8Array;

  constructor(
    s: SegmentScanner,
    private readonly state: TravellerState,
  ) {
    this.t = s.text;
    this.len = s.text.length;
    this.E = s.delimiters.element.charCodeAt(0);
    this.C = s.delimiters.component.charCodeAt(0);
    this.T = s.delimiters.terminator.charCodeAt(0);
    this.table = s.charTable;
    this.dates = new DateSlots(s.text.length);
  }

  /**
   * Reads up to `max` segments from `start` for as long as the fast path can, advances the
   * scanner past them and returns how many it read (0: the first needs the general path).
   */
  run(s: SegmentScanner, start: number, max: number): number {
    this.table = s.charTable;
    const t = this.t;
    const len = this.len;
    let n = 0;
    let p = start;
    let last = start;
    let end = start;
    while (n < max) {
      const q = this.segment(p);
      if (q < 0) break;
      n++;
      last = p;
      end = q;
      p = q;
      while (p < len) {
        const c = t.charCodeAt(p);
        if (c === 10 || c === 13 || c === 32 || c === 9) p++;
        else break;
      }
      if (p >= len) break;
    }
    this.flushDoc();
    if (n > 0) s.consumed(last, end, n);
    return n;
  }

  /** Reads the one segment at `start`; the offset after its terminator, or -1 for the general path. */
  read(s: SegmentScanner, start: number): number {
    this.table = s.charTable;
    const end = this.segment(start);
    this.flushDoc();
    return end;
  }

  private segment(start: number): number {
    const t = this.t;
    if (start + 4 >= this.len || t.charCodeAt(start + 3) !== this.E) return -1;
    const a = t.charCodeAt(start);
    const b = t.charCodeAt(start + 1);
    const c = t.charCodeAt(start + 2);
    const table = this.table;
    if (table[a] !== 0 || table[b] !== 0 || table[c] !== 0) return -1;
    const tag = (a << 16) | (b << 8) | c;
    const p = start + 4;
    if (this.pendingDoc && tag !== DTM && tag !== LOC) this.flushDoc();
    if (tag === NAD) return this.nad(p);
    if (!this.state.traveller) return -1;
    if (tag === DTM) return this.dtm(p);
    if (tag === LOC) return this.loc(p);
    if (tag === DOC) return this.docSegment(p);
    if (tag === RFF) return this.rff(p);
    if (tag === ATT) return this.att(p);
    if (tag === NAT) return this.nat(p);
    if (tag === GEI) return this.gei(p);
    return -1;
  }

  /**
   * Offset of the first delimiter at or after p, or -1 at anything the general path must see.
   * No `p < len` test in this loop or its variants: past the end charCodeAt gives NaN, which
   * the table does not hold as plain (`table[NaN]` is undefined), so the end of the text
   * returns -1 like any other character the fast path cannot take. One compare fewer per
   * character; V8 deoptimises once when a text ends inside a segment, then handles it.
   */
  private stop(p: number): number {
    const t = this.t;
    const table = this.table;
    for (;;) {
      const c = t.charCodeAt(p);
      if (table[c] === 0) p++;
      else return c === this.E || c === this.C || c === this.T ? p : -1;
    }
  }

  /*
   * stop() variants that also pack the characters they pass, so a qualifier, code or date is
   * not read a second time; the packed value is left in `k` (valid until the next scan).
   */
  private k = 0;

  /** stop(p), with `k` the code before the delimiter packed like packCode (−1: longer than three characters, or not ASCII). */
  private stopCode(p: number): number {
    const t = this.t;
    const table = this.table;
    const limit = p + 3;
    let k = 1;
    for (;;) {
      const c = t.charCodeAt(p);
      if (table[c] === 0) {
        k = k < 0 || p >= limit || c > 127 ? -1 : (k << 7) | c;
        p++;
      } else {
        this.k = k;
        return c === this.E || c === this.C || c === this.T ? p : -1;
      }
    }
  }

  /** stop(p), with `k` the value before the delimiter packed like key() when at most three characters long, else −1. */
  private stopKey3(p: number): number {
    const t = this.t;
    const table = this.table;
    const limit = p + 3;
    let k = 1;
    for (;;) {
      const c = t.charCodeAt(p);
      if (table[c] === 0) {
        k = k < 0 || p >= limit || c > 255 ? -1 : (k << 8) | c;
        p++;
      } else {
        this.k = k;
        return c === this.E || c === this.C || c === this.T ? p : -1;
      }
    }
  }

  /** stop(p), with `k` the decimal value of the digits before the delimiter (−1: not all digits, or more than eight). */
  private stopDigits(p: number): number {
    const t = this.t;
    const table = this.table;
    const limit = p + 8;
    let k = 0;
    for (;;) {
      const c = t.charCodeAt(p);
      if (table[c] === 0) {
        const d = c - 48;
        k = k < 0 || p >= limit || d < 0 || d > 9 ? -1 : k * 10 + d;
        p++;
      } else {
        this.k = k;
        return c === this.E || c === this.C || c === this.T ? p : -1;
      }
    }
  }

  /** From inside an element: the offset of the element or segment end (E or T), or -1. */
  private endOfElement(p: number): number {
    for (;;) {
      p = this.stop(p);
      if (p < 0 || this.t.charCodeAt(p) !== this.C) return p;
      p++;
    }
  }

  /** The offset just past the segment terminator, or -1. */
  private endOfSegment(p: number): number {
    for (;;) {
      p = this.stop(p);
      if (p < 0) return -1;
      if (this.t.charCodeAt(p) === this.T) return p + 1;
      p++;
    }
  }

  /** Start of element `n` counted from the element starting at p (n = 0: p itself), or -1. */
  private skipElements(p: number, n: number): number {
    for (let i = 0; i < n; i++) {
      p = this.endOfElement(p);
      if (p < 0 || this.t.charCodeAt(p) !== this.E) return -1;
      p++;
    }
    return p;
  }

  /** [a, b) as String.prototype.trim would give it; no trim call when both ends are plain ASCII. */
  private trimmed(a: number, b: number): string {
    if (a === b) return '';
    const t = this.t;
    const first = t.charCodeAt(a);
    const last = t.charCodeAt(b - 1);
    const s = t.slice(a, b);
    return first > 32 && first < 127 && last > 32 && last < 127 ? s : s.trim();
  }

  /** A short code at [a, b) packed like codeKey (length ≤ 4, nothing above U+00FF), else -1. */
  private key(a: number, b: number): number {
    if (b - a > 4) return -1;
    let k = 1;
    for (let i = a; i < b; i++) {
      const c = this.t.charCodeAt(i);
      if (c > 255) return -1;
      k = k * 256 + c;
    }
    return k;
  }

  private role(k: number): TravellerRole | undefined {
    if (k === Q.FL) return 'passenger';
    if (k === Q.FM) return 'crew';
    if (k === Q.DDU) return 'transit-passenger';
    if (k === Q.DDT) return 'transit-crew';
    return undefined;
  }

  private nad(p: number): number {
    const t = this.t;
    const q = this.stopCode(p);
    if (q < 0 || t.charCodeAt(q) !== this.E) return -1;
    const role = this.role(this.k);
    if (!role) return -1;
    const r = this.skipElements(q + 1, 2);
    if (r < 0) return -1;
    let x = this.stop(r);
    if (x < 0) return -1;
    const surname = this.trimmed(r, x);
    if (!surname) return -1;
    let given: string[];
    if (t.charCodeAt(x) !== this.C) given = [];
    else {
      let y = x + 1;
      x = this.stop(y);
      if (x < 0) return -1;
      const g = this.trimmed(y, x);
      if (t.charCodeAt(x) !== this.C) given = g ? [g] : [];
      else {
        given = [];
        if (g) given.push(g);
        while (t.charCodeAt(x) === this.C) {
          y = x + 1;
          x = this.stop(y);
          if (x < 0) return -1;
          const h = this.trimmed(y, x);
          if (h) given.push(h);
        }
      }
    }
    let address: Traveller['address'];
    if (t.charCodeAt(x) === this.E) {
      const parts = ['', '', '', '', ''];
      for (let e = 5; t.charCodeAt(x) === this.E; e++) {
        const a = x + 1;
        const b = this.stop(a);
        if (b < 0) return -1;
        if (e <= 9 && b > a) parts[e - 5] = t.slice(a, b);
        x = t.charCodeAt(b) === this.C ? this.endOfElement(b + 1) : b;
        if (x < 0) return -1;
      }
      address = makeAddress(parts[0]!, parts[1]!, parts[2]!, parts[3]!, parts[4]!);
    }
    const traveller = makeTraveller(role, surname, given);
    if (address) traveller.address = address;
    this.state.travellers.push(traveller);
    this.state.traveller = traveller;
    this.state.doc = undefined;
    return x + 1;
  }

  private dtm(p: number): number {
    const t = this.t;
    const q = this.stopCode(p);
    if (q < 0 || t.charCodeAt(q) !== this.C) return -1;
    const k = this.k;
    const a = q + 1;
    const b = this.stopDigits(a);
    if (b < 0) return -1;
    const digits = this.k;
    const st = this.state;
    const pending = this.pendingDoc;
    const doc = st.doc;
    const expiry = k === Q.c36;
    let kind: 'birth' | 'other';
    if ((pending || doc) && (expiry || k === Q.c182)) kind = 'other';
    else if (k === Q.c329) kind = 'birth';
    else return -1;
    const d = this.date(a, b, digits, kind);
    if (d === undefined) return -1;
    const end = t.charCodeAt(b) === this.T ? b + 1 : this.endOfSegment(b);
    if (end < 0) return -1;
    if (kind === 'birth') st.traveller!.birthDate = d;
    else if (pending) {
      if (expiry) {
        if (this.docExpiry === undefined) this.docOrder = this.docOrder * 4 + EXPIRY;
        this.docExpiry = d;
      } else {
        if (this.docIssue === undefined) this.docOrder = this.docOrder * 4 + ISSUE;
        this.docIssue = d;
      }
    } else if (expiry) doc!.expiryDate = d;
    else doc!.issueDate = d;
    return end;
  }

  /**
   * A date at [a, b) as the general path's dateOf reads it (YYYY-MM-DD), or undefined for
   * the general path; `digits` is its value from stopDigits (−1: not a number). Six- and eight-digit dates are shared per message: a long list
   * repeats birth and expiry dates, and one string per date is less for the GC to copy.
   */
  private date(a: number, b: number, digits: number, kind: 'birth' | 'other'): string | undefined {
    const n = b - a;
    let key = -1;
    if (n === 6 || n === 8) {
      if (digits < 0) return undefined;
      key = digits;
      // Two-digit years depend on the reference year, which a late header DTM may move.
      if (this.datesYear !== this.state.referenceYear) {
        this.dates.clear();
        this.datesYear = this.state.referenceYear;
      }
      key += n === 8 ? 1e9 : kind === 'birth' ? 1e6 : 0;
      const hit = this.dates.get(key);
      if (hit !== undefined) return hit;
    }
    const d = isoDateAt(this.t, a, n, this.state.referenceYear, kind);
    if (d === undefined) return undefined;
    if (key >= 0) this.dates.set(key, d);
    return d.length > 10 ? d.slice(0, 10) : d;
  }

  private readonly dates: DateSlots;
  private datesYear = 0;

  /**
   * ICAO state code at [a, b) as the general path's stateCode reads it; null means "general
   * path". `k` is its key from stopKey3.
   */
  private state3(a: number, b: number, k: number): string | undefined | null {
    const cache = this.state.cache.states;
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    if (a === b) return undefined;
    if (b - a > 3) return null;
    for (let i = a; i < b; i++) {
      const c = this.t.charCodeAt(i);
      if (c < 65 || c > 90) return null;
    }
    const v = this.t.slice(a, b);
    if (k > 0) cache.set(k, v);
    return v;
  }

  /** IATA airport at [a, b) as the general path's airportCode reads it; `k` is its key from stopKey3. */
  private airport(a: number, b: number, k: number): string | undefined {
    const cache = this.state.cache.airports;
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    if (b - a !== 3) return undefined;
    for (let i = a; i < b; i++) {
      const c = this.t.charCodeAt(i);
      if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return undefined;
    }
    const v = this.t.slice(a, b);
    cache.set(k, v);
    return v;
  }

  private loc(p: number): number {
    const t = this.t;
    const q = this.stopCode(p);
    if (q < 0) return -1;
    const st = this.state;
    const k = this.k;
    if (this.pendingDoc && k !== Q.c91) this.flushDoc();
    if (k === Q.c22) {
      const end = this.endOfSegment(q);
      if (end > 0) st.doc = undefined;
      return end;
    }
    if (t.charCodeAt(q) !== this.E) return -1;
    const a = q + 1;
    const b = this.stopKey3(a);
    if (b < 0) return -1;
    const key = this.k;
    const end = t.charCodeAt(b) === this.T ? b + 1 : this.endOfSegment(b);
    if (end < 0) return -1;
    const traveller = st.traveller!;
    if (k === Q.c91) {
      if (this.pendingDoc) {
        const v = this.state3(a, b, key);
        if (v === null) return -1;
        if (v) {
          if (this.docState === undefined) this.docOrder = this.docOrder * 4 + STATE;
          this.docState = v;
        }
        return end;
      }
      if (!st.doc) return -1;
      const v = this.state3(a, b, key);
      if (v === null) return -1;
      if (v) st.doc.issuingState = v;
      return end;
    }
    if (k === Q.c174) {
      const v = this.state3(a, b, key);
      if (v === null) return -1;
      traveller.residenceCountry = v;
    } else if (k === Q.c178 || k === Q.c179) {
      const v = this.airport(a, b, key);
      if (v === undefined) return -1;
      if (k === Q.c178) traveller.embarkation = v;
      else traveller.debarkation = v;
    } else return -1;
    st.doc = undefined;
    return end;
  }

  private docSegment(p: number): number {
    const t = this.t;
    const q = this.stop(p);
    if (q < 0) return -1;
    const st = this.state;
    const k = this.key(p, q);
    let type = st.cache.docTypes.get(k);
    if (type === undefined) {
      type = t.slice(p, q).trim().toUpperCase();
      if (k > 0) st.cache.docTypes.set(k, type);
    }
    if (!type) return -1;
    const e = t.charCodeAt(q) === this.C ? this.endOfElement(q + 1) : q;
    if (e < 0 || t.charCodeAt(e) !== this.E) return -1;
    const a = e + 1;
    const b = this.stop(a);
    if (b < 0) return -1;
    const number = this.trimmed(a, b);
    if (!number) return -1;
    const end = t.charCodeAt(b) === this.T ? b + 1 : this.endOfSegment(b);
    if (end < 0) return -1;
    // Built when its group ends (flushDoc), with the fields its DTM/LOC segments give.
    this.pendingDoc = true;
    this.docType = type;
    this.docNumber = number;
    this.docExpiry = undefined;
    this.docIssue = undefined;
    this.docState = undefined;
    this.docOrder = 0;
    return end;
  }

  /*
   * The DOC being read. Its DTM 36 / DTM 182 / LOC 91 values wait here and the document is
   * built once, at the first segment outside its group or when the fast path hands over, as
   * one object literal with its final set of fields: adding fields one by one to a
   * `{ type, number }` grew a second object (a property store) behind every document.
   * `docOrder` lists the fields in the order the segments gave them (two bits each), so the
   * keys come out in the order the general path adds them.
   */
  private pendingDoc = false;
  private docType = '';
  private docNumber = '';
  private docExpiry: string | undefined = undefined;
  private docIssue: string | undefined = undefined;
  private docState: string | undefined = undefined;
  private docOrder = 0;

  private flushDoc(): void {
    if (!this.pendingDoc) return;
    this.pendingDoc = false;
    const type = this.docType;
    const number = this.docNumber;
    const expiryDate = this.docExpiry;
    const issuingState = this.docState;
    let d: TravelDocument;
    const order = this.docOrder;
    if (order === 0) d = { type, number };
    else if (order === EXPIRY * 4 + STATE) d = { type, number, expiryDate, issuingState };
    else if (order === EXPIRY) d = { type, number, expiryDate };
    else if (order === STATE) d = { type, number, issuingState };
    else {
      d = { type, number };
      const fields: number[] = [];
      for (let o = order; o > 0; o = Math.floor(o / 4)) fields.unshift(o % 4);
      for (const f of fields) {
        if (f === EXPIRY) d.expiryDate = expiryDate;
        else if (f === ISSUE) d.issueDate = this.docIssue;
        else d.issuingState = issuingState;
      }
    }
    const traveller = this.state.traveller!;
    if (traveller.documents.length === 0) traveller.documents = [d];
    else traveller.documents.push(d);
    this.state.doc = d;
  }

  private rff(p: number): number {
    const t = this.t;
    const q = this.stopCode(p);
    if (q < 0) return -1;
    const k = this.k;
    if (k !== Q.AVF && k !== Q.ABO && k !== Q.SEA && k !== Q.TN && k !== Q.AEA && k !== Q.CR)
      return -1;
    let v = '';
    let b = q;
    if (t.charCodeAt(q) === this.C) {
      b = this.stop(q + 1);
      if (b < 0) return -1;
      v = t.slice(q + 1, b);
    }
    const end = t.charCodeAt(b) === this.T ? b + 1 : this.endOfSegment(b);
    if (end < 0) return -1;
    // One named store per field: a store under a computed key was 3 % of the fast path's ticks.
    const refs = this.state.traveller!.references;
    if (k === Q.AVF) refs.booking = v;
    else if (k === Q.ABO) refs.passenger = v;
    else if (k === Q.SEA) refs.seat = v;
    else if (k === Q.TN) refs.transaction = v;
    else if (k === Q.AEA) refs.government = v;
    else refs.customer = v;
    this.state.doc = undefined;
    return end;
  }

  private att(p: number): number {
    const a = this.skipElements(p, 2);
    if (a < 0) return -1;
    const b = this.stop(a);
    if (b < 0 || b !== a + 1) return -1;
    const c = this.t.charCodeAt(a) & ~32;
    const sex = c === 77 ? 'M' : c === 70 ? 'F' : c === 88 ? 'X' : c === 85 ? 'U' : undefined;
    if (!sex) return -1;
    const end = this.endOfSegment(b);
    if (end < 0) return -1;
    this.state.traveller!.sex = sex;
    this.state.doc = undefined;
    return end;
  }

  private nat(p: number): number {
    const a = this.skipElements(p, 1);
    if (a < 0) return -1;
    const b = this.stopKey3(a);
    if (b < 0) return -1;
    const v = this.state3(a, b, this.k);
    if (v === null) return -1;
    const end = this.endOfSegment(b);
    if (end < 0) return -1;
    this.state.traveller!.nationality = v;
    this.state.doc = undefined;
    return end;
  }

  private gei(p: number): number {
    const a = this.skipElements(p, 1);
    if (a < 0) return -1;
    const b = this.stopCode(a);
    if (b < 0) return -1;
    let verified: boolean;
    const k = this.k;
    if (k === Q.c173) verified = true;
    else if (k === Q.c174) verified = false;
    else return -1;
    const end = this.endOfSegment(b);
    if (end < 0) return -1;
    this.state.traveller!.verified = verified;
    this.state.doc = undefined;
    return end;
  }
}
