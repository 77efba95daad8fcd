// Blocking index: every pair of phonetic keys in a listed name points at that name. A
// compact read-only part built once, plus a small delta for names added since the build.

/** Keys are below 2^22 so that a pair packs into one safe integer. */
const SHIFT = 2 ** 22;

export function pairKey(a: number, b: number): number {
  return a <= b ? a * SHIFT + b : b * SHIFT + a;
}

export class PairPostings {
  private slots = new Map<number, number>();
  private offsets = new Int32Array(1);
  private refs = new Int32Array(0);
  private readonly delta = new Map<number, number[]>();
  private deltaSize = 0;

  /** Rebuilds the compact part from (key, nameRef) pairs; the delta is cleared. */
  build(keys: Float64Array, nameRefs: Int32Array, count: number): void {
    const slots = new Map<number, number>();
    const counts: number[] = [];
    for (let i = 0; i < count; i++) {
      const k = keys[i] ?? 0;
      let s = slots.get(k);
      if (s === undefined) {
        s = counts.length;
        slots.set(k, s);
        counts.push(0);
      }
      counts[s] = (counts[s] ?? 0) + 1;
    }
    const offsets = new Int32Array(counts.length + 1);
    for (let s = 0; s < counts.length; s++) offsets[s + 1] = (offsets[s] ?? 0) + (counts[s] ?? 0);
    const fill = offsets.slice(0, counts.length);
    const refs = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const s = slots.get(keys[i] ?? 0) ?? 0;
      const at = fill[s] ?? 0;
      refs[at] = nameRefs[i] ?? 0;
      fill[s] = at + 1;
    }
    this.slots = slots;
    this.offsets = offsets;
    this.refs = refs;
    this.delta.clear();
    this.deltaSize = 0;
  }

  add(key: number, nameRef: number): void {
    const list = this.delta.get(key);
    if (list) list.push(nameRef);
    else this.delta.set(key, [nameRef]);
    this.deltaSize++;
  }

  /** Calls `visit` for every name filed under the key (removed names are the caller's filter). */
  forEach(key: number, visit: (nameRef: number) => void): void {
    const s = this.slots.get(key);
    if (s !== undefined) {
      const end = this.offsets[s + 1] ?? 0;
      for (let i = this.offsets[s] ?? 0; i < end; i++) visit(this.refs[i] ?? 0);
    }
    const d = this.delta.get(key);
    if (d) for (const r of d) visit(r);
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
      this.refs.byteLength + this.offsets.byteLength + this.slots.size * 40 + this.deltaSize * 24
    );
  }
}
