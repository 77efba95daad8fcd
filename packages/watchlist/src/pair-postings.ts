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

/** Ints per slot: a, b, block start, block end, birth-year bits (2), unused (2). */
const STRIDE = 8;

/**
 * Open-addressing map from a key pair (two int32) to its block, in one typed array of
 * 32-byte slots: a probe touches one cache line instead of one per array, and a JS Map
 * keyed by doubles allocates on every lookup.
 */
class PairTable {
  private t: Int32Array;
  private mask: number;
  /** Set once the table is complete (see seal). */
  private filter: PairFilter | undefined;
  size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.t = new Int32Array(cap * STRIDE).fill(-1);
    this.mask = cap - 1;
  }

  /** Slot offset (a multiple of STRIDE) of (a, b), or of the free slot where it would go. */
  private slot(a: number, b: number): number {
    const t = this.t;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.mask;
    for (;;) {
      const o = h * STRIDE;
      const ka = t[o] ?? -1;
      if (ka === -1 || (ka === a && t[o + 1] === b)) return o;
      h = (h + 1) & this.mask;
    }
  }

  /** Offset of the slot holding (a, b), -1 when absent; see start, end, mayHaveYears. */
  find(a: number, b: number): number {
    if (this.filter && !this.filter.mayHave(a, b)) return -1;
    const o = this.slot(a, b);
    return this.t[o] === -1 ? -1 : o;
  }

  start(o: number): number {
    return this.t[o + 2] ?? -1;
  }

  end(o: number): number {
    return this.t[o + 3] ?? -1;
  }

  /** Whether the block may hold a name born in one of the years (bits of year mod 64). */
  mayHaveYears(o: number, lo: number, hi: number): boolean {
    return ((this.t[o + 4] ?? -1) & lo) !== 0 || ((this.t[o + 5] ?? -1) & hi) !== 0;
  }

  /** The first value for (a, b), inserting `next` when absent. */
  getOrInsert(a: number, b: number, next: number): number {
    if (this.filter) throw new Error('PairTable is sealed');
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const o = this.slot(a, b);
    if (this.t[o] !== -1) return this.t[o + 2] ?? -1;
    this.t[o] = a;
    this.t[o + 1] = b;
    this.t[o + 2] = next;
    this.size++;
    return next;
  }

  /**
   * Turns every slot's block number v into the block's range (offsets[v], offsets[v + 1])
   * and the birth years of its names into bits (all set when a date is unknown), and builds
   * the filter; the table takes no more insertions.
   */
  seal(offsets: Int32Array, dates: Int32Array): void {
    const t = this.t;
    const filter = new PairFilter(this.size);
    for (let o = 0; o < t.length; o += STRIDE) {
      if (t[o] === -1) continue;
      const v = t[o + 2] ?? 0;
      const start = offsets[v] ?? 0;
      const end = offsets[v + 1] ?? 0;
      t[o + 2] = start;
      t[o + 3] = end;
      const [lo, hi] = yearBits(dates.subarray(start, end));
      t[o + 4] = lo;
      t[o + 5] = hi;
      filter.add(t[o] ?? 0, t[o + 1] ?? 0);
    }
    this.filter = filter;
  }

  private grow(): void {
    const old = this.t;
    const cap = (this.mask + 1) * 2;
    this.t = new Int32Array(cap * STRIDE).fill(-1);
    this.mask = cap - 1;
    for (let i = 0; i < old.length; i += STRIDE) {
      const a = old[i] ?? -1;
      if (a === -1) continue;
      const o = this.slot(a, old[i + 1] ?? 0);
      this.t.set(old.subarray(i, i + STRIDE), o);
    }
  }

  get bytes(): number {
    return this.t.byteLength + (this.filter?.bytes ?? 0);
  }
}

/**
 * One bit per hashed key pair, about 16 bits per pair: most probed pairs (one-edit
 * neighbours of each query token, paired) exist in no list, and this answers them from a
 * few megabytes that stay in cache instead of a miss into the table (false positives,
 * about 6 %, just go on to the table).
 */
class PairFilter {
  private readonly bits: Int32Array;
  private readonly mask: number;

  constructor(keys: number) {
    let size = 1 << 10;
    while (size < keys * 16) size *= 2;
    this.bits = new Int32Array(size >>> 5);
    this.mask = size - 1;
  }

  private static hash(a: number, b: number): number {
    let h = (Math.imul(a, 0x27d4eb2d) + b) | 0;
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  add(a: number, b: number): void {
    const h = PairFilter.hash(a, b) & this.mask;
    this.bits[h >>> 5] = (this.bits[h >>> 5] ?? 0) | (1 << (h & 31));
  }

  get bytes(): number {
    return this.bits.byteLength;
  }

  mayHave(a: number, b: number): boolean {
    const h = PairFilter.hash(a, b) & this.mask;
    return ((this.bits[h >>> 5] ?? 0) & (1 << (h & 31))) !== 0;
  }
}

/** Bits (lo, hi) of the birth years mod 64 of packed dates; all set for an unknown date. */
function yearBits(dates: ArrayLike<number>): [number, number] {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i] ?? ANY_DATE;
    if (d === ANY_DATE) return [-1, -1];
    const bit = Math.floor(d / 512) & 63;
    if (bit < 32) lo |= 1 << bit;
    else hi |= 1 << (bit - 32);
  }
  return [lo, hi];
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
  /** yearBits of the targets: a block with none of these years is not read. */
  yearsLo: number;
  yearsHi: number;
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
  const [yearsLo, yearsHi] = yearBits(targets);
  if (month === 1 && day === 1)
    return { targets, yearsLo, yearsHi, yearFrom: packDate(year), yearTo: packDate(year + 1) - 1 };
  return { targets, yearsLo, yearsHi };
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

/** Blocks at most this long (after their undated names) are scanned, not searched. */
const SCAN_BELOW = 16;

export class PairPostings {
  /** Key pair → its block's [start, end) in refs and dates. */
  private slots = new PairTable(16);
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
    const slots = new PairTable(count / 16);
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
    slots.seal(offsets, dates);
    this.slots = slots;
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
    const slots = this.slots;
    const o = slots.find(a, b);
    if (o === -1) return;
    const refs = this.refs;
    let i = slots.start(o);
    let end = slots.end(o);
    if (!w) {
      for (; i < end; i++) visit(refs[i] ?? 0);
      return;
    }
    // Most blocks a query reads hold nobody born within a year of the traveller.
    if (!slots.mayHaveYears(o, w.yearsLo, w.yearsHi)) return;
    const dates = this.dates;
    while (i < end && dates[i] === ANY_DATE) visit(refs[i++] ?? 0);
    const targets = w.targets;
    const yearFrom = w.yearFrom ?? 1;
    const yearTo = w.yearTo ?? 0;
    const first = Math.min(targets[0] ?? 0, yearFrom);
    const last = Math.max(targets[targets.length - 1] ?? 0, yearTo);
    // Narrow a long block to the window's span first: a common name's three years.
    if (end - i > SCAN_BELOW) {
      i = lowerBound(dates, i, end, first);
      end = lowerBound(dates, i, end, last + 1);
    }
    // A short block or span is cheaper to scan than to search.
    if (end - i <= SCAN_BELOW) {
      for (; i < end; i++) {
        const d = dates[i] ?? 0;
        if (d > last) return;
        if ((d >= yearFrom && d <= yearTo) || targets.includes(d)) visit(refs[i] ?? 0);
      }
      return;
    }
    let from = i;
    for (const t of targets) {
      if (t >= yearFrom && t <= yearTo) continue;
      from = lowerBound(dates, from, end, t);
      for (let j = from; j < end && dates[j] === t; j++) visit(refs[j] ?? 0);
    }
    if (yearFrom <= yearTo)
      for (let j = lowerBound(dates, i, end, yearFrom); j < end && (dates[j] ?? 0) <= yearTo; j++)
        visit(refs[j] ?? 0);
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
    return this.refs.byteLength + this.dates.byteLength + this.slots.bytes + this.deltaSize * 24;
  }
}
