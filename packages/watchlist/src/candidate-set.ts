// The candidates of one query as a de-duplicated list of record numbers: a generation-
// stamped typed array instead of a Set, so gathering them allocates nothing per query.

export class CandidateSet {
  private stamps = new Int32Array(0);
  private generation = 0;
  private items = new Int32Array(64);
  size = 0;

  /** Empties the set for record numbers below `capacity`. */
  reset(capacity: number): void {
    if (this.stamps.length < capacity) {
      const grown = new Int32Array(Math.max(capacity, Math.ceil(this.stamps.length * 1.5)));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    if (this.generation === 0x7fffffff) {
      this.stamps.fill(0);
      this.generation = 0;
    }
    this.generation++;
    this.size = 0;
  }

  has(rec: number): boolean {
    return this.stamps[rec] === this.generation;
  }

  /** False when already present. */
  add(rec: number): boolean {
    if (this.stamps[rec] === this.generation) return false;
    this.stamps[rec] = this.generation;
    if (this.size === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.size++] = rec;
    return true;
  }

  /** The i-th record added, i < size. */
  at(i: number): number {
    return this.items[i] ?? -1;
  }
}
