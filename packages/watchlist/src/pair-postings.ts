// Blocking index: every pair of phonetic keys in a listed name points at that name. A
// compact read-only part built once (each block sorted by birth year so a query reads only
// its year window), plus a small delta for names added since the build.

/** Keys are below 2^22 so that a pair packs into one safe integer. */
const SHIFT = 2 ** 22;

/** Second half of a single-key block: every dated name filed under each of its keys alone. */
export const SINGLE = SHIFT - 1;

export function pairKey(a: number, b: number): number {
  return a <= b ? a * SHIFT + b : b * SHIFT + a;
}

/**
 * Open-addressing map from a key pair (two int32) to a block number, in typed arrays:
 * a JS Map keyed by doubles allocates on every lookup and costs ~60 bytes a key.
 */
class PairTable {
  private ka: Int32Array;
  private kb: Int32Array;
  private val: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.ka = new Int32Array(cap).fill(-1);
    this.kb = new Int32Array(cap);
    this.val = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.mask;
    while (this.ka[h] !== -1 && (this.ka[h] !== a || this.kb[h] !== b)) h = (h + 1) & this.mask;
    return h;
  }

  get(a: number, b: number): number {
    const h = this.slot(a, b);
    return this.ka[h] === -1 ? -1 : (this.val[h] ?? -1);
  }

  /** The value for (a, b), inserting `next` when absent. */
  getOrInsert(a: number, b: number, next: number): number {
    if ((this.size + 1) * 2 > this.ka.length) this.grow();
    const h = this.slot(a, b);
    if (this.ka[h] !== -1) return this.val[h] ?? -1;
    this.ka[h] = a;
    this.kb[h] = b;
    this.val[h] = next;
    this.size++;
    return next;
  }

  private grow(): void {
    const { ka, kb, val } = this;
    const cap = ka.length * 2;
    this.ka = new Int32Array(cap).fill(-1);
    this.kb = new Int32Array(cap);
    this.val = new Int32Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < ka.length; i++) {
      const a = ka[i] ?? -1;
      if (a === -1) continue;
      const h = this.slot(a, kb[i] ?? 0);
      this.ka[h] = a;
      this.kb[h] = kb[i] ?? 0;
      this.val[h] = val[i] ?? 0;
    }
  }

  get bytes(): number {
    return this.ka.byteLength * 3;
  }
}

const keyHigh = (key: number) => Math.floor(key / SHIFT);
const keyLow = (key: number) => key % SHIFT;

/** Packed date 0 means unknown (no date, several dates): always read. */
export const ANY_DATE = 0;

/** year·512 + month·32 + day; month and day 0 for a year-only date. */
export function packDate(year: number, month = 0, day = 0): number {
  return year * 512 + month * 32 + day;
}

/**
 * Which listed dates can still agree with the traveller's date under the tolerance rules
 * (same year: exact, swapped, 01-01 placeholder, year-only; one year off: same day), as
 * the few packed values to look up, or a whole year when the traveller's date is 01-01.
 */
export interface DateWindow {
  /** Sorted packed dates to read exactly. */
  targets: number[];
  /** Read this whole range too (a placeholder 01-01 traveller date agrees with any day). */
  yearFrom?: number;
  yearTo?: number;
}

export function dateWindow(year: number, month: number, day: number): DateWindow {
  const t = new Set([
    packDate(year - 1, month, day),
    packDate(year),
    packDate(year, 1, 1),
    packDate(year, month, day),
    packDate(year + 1, month, day),
  ]);
  if (day <= 12) t.add(packDate(year, day, month));
  const targets = [...t].sort((a, b) => a - b);
  if (month === 1 && day === 1)
    return { targets, yearFrom: packDate(year), yearTo: packDate(year + 1) - 1 };
  return { targets };
}

function lowerBound(xs: Int32Array, lo: number, hi: number, value: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((xs[mid] ?? 0) < value) a = mid + 1;
    else b = mid;
  }
  return a;
}

export class PairPostings {
  private slots = new PairTable(16);
  private offsets = new Int32Array(1);
  private refs = new Int32Array(0);
  private dates = new Int32Array(0);
  private readonly delta = new Map<number, number[]>();
  private deltaSize = 0;

  /** Rebuilds the compact part from (key, nameRef) pairs; the delta is cleared. */
  build(
    keys: Float64Array,
    nameRefs: Int32Array,
    count: number,
    dateOf: (ref: number) => number,
  ): void {
    const slots = new PairTable(count / 4);
    const slotOf = new Int32Array(count);
    const counts: number[] = [];
    for (let i = 0; i < count; i++) {
      const k = keys[i] ?? 0;
      const s = slots.getOrInsert(keyHigh(k), keyLow(k), counts.length);
      if (s === counts.length) counts.push(0);
      slotOf[i] = s;
      counts[s] = (counts[s] ?? 0) + 1;
    }
    const offsets = new Int32Array(counts.length + 1);
    for (let s = 0; s < counts.length; s++) offsets[s + 1] = (offsets[s] ?? 0) + (counts[s] ?? 0);
    const fill = offsets.slice(0, counts.length);
    // Sort key: packed date in the high bits, ref below: one numeric sort per block orders both.
    const packed = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const s = slotOf[i] ?? 0;
      const at = fill[s] ?? 0;
      const ref = nameRefs[i] ?? 0;
      packed[at] = dateOf(ref) * 2 ** 32 + ref;
      fill[s] = at + 1;
    }
    const refs = new Int32Array(count);
    const dates = new Int32Array(count);
    for (let s = 0; s < counts.length; s++) {
      const block = packed.subarray(offsets[s] ?? 0, offsets[s + 1] ?? 0);
      block.sort();
      const base = offsets[s] ?? 0;
      for (let i = 0; i < block.length; i++) {
        const v = block[i] ?? 0;
        const date = Math.floor(v / 2 ** 32);
        dates[base + i] = date;
        refs[base + i] = v - date * 2 ** 32;
      }
    }
    this.slots = slots;
    this.offsets = offsets;
    this.refs = refs;
    this.dates = dates;
    this.delta.clear();
    this.deltaSize = 0;
  }

  add(key: number, nameRef: number): void {
    const list = this.delta.get(key);
    if (list) list.push(nameRef);
    else this.delta.set(key, [nameRef]);
    this.deltaSize++;
  }

  /**
   * Calls `visit` for names filed under the key whose date is unknown or can agree with
   * the window (no window: all). Delta names are always visited.
   */
  forEach(key: number, w: DateWindow | undefined, visit: (nameRef: number) => void): void {
    this.forPair(keyHigh(key), keyLow(key), w, visit);
    if (this.deltaSize === 0) return;
    const d = this.delta.get(key);
    if (d) for (const r of d) visit(r);
  }

  /** forEach for the unordered key pair (a, b). */
  probe(a: number, b: number, w: DateWindow | undefined, visit: (nameRef: number) => void): void {
    if (this.deltaSize > 0) return this.forEach(pairKey(a, b), w, visit);
    if (a <= b) this.forPair(a, b, w, visit);
    else this.forPair(b, a, w, visit);
  }

  /** As forEach for the ordered key pair a ≤ b, without building the packed key. */
  forPair(a: number, b: number, w: DateWindow | undefined, visit: (nameRef: number) => void): void {
    const s = this.slots.get(a, b);
    if (s === -1) return;
    const start = this.offsets[s] ?? 0;
    const end = this.offsets[s + 1] ?? 0;
    if (!w) {
      for (let i = start; i < end; i++) visit(this.refs[i] ?? 0);
      return;
    }
    const dates = this.dates;
    let i = start;
    while (i < end && dates[i] === ANY_DATE) visit(this.refs[i++] ?? 0);
    // A handful of binary searches instead of scanning three years of a common name.
    let from = i;
    for (const t of w.targets) {
      if (w.yearFrom !== undefined && t >= w.yearFrom && t <= (w.yearTo ?? 0)) continue;
      from = lowerBound(dates, from, end, t);
      for (let j = from; j < end && dates[j] === t; j++) visit(this.refs[j] ?? 0);
    }
    if (w.yearFrom !== undefined)
      for (
        let j = lowerBound(dates, i, end, w.yearFrom);
        j < end && (dates[j] ?? 0) <= (w.yearTo ?? 0);
        j++
      )
        visit(this.refs[j] ?? 0);
  }

  get size(): { keys: number; postings: number; delta: number } {
    return {
      keys: this.slots.size + this.delta.size,
      postings: this.refs.length,
      delta: this.deltaSize,
    };
  }

  /** Approximate bytes held, for stats(). */
  get bytes(): number {
    return (
      this.refs.byteLength +
      this.dates.byteLength +
      this.offsets.byteLength +
      this.slots.bytes +
      this.deltaSize * 24
    );
  }
}
