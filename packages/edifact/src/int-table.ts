// A small integer-keyed hash table for the per-decode caches (dates, state and airport codes,
// document types), where a Map's hashing and bucket walk cost more than the work they save.

/**
 * Keys 0 … 2³¹−1 to strings: open addressing over an Int32Array (−1 marks a free slot),
 * grown at half full. Any other key is never stored, so get() finds nothing for it.
 * Profiled against a Map doing the same job, get and set were a tenth of the time.
 */
export class IntTable {
  private keys = new Int32Array(16).fill(-1);
  private values: string[] = new Array<string>(16).fill('');
  private size = 0;
  /** 32 − log2(slots): the top bits of the multiplicative hash pick the slot. */
  private shift = 28;

  get(key: number): string | undefined {
    if (!(key >= 0 && key <= 0x7fffffff)) return undefined;
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === key) return this.values[i];
      if (k === -1) return undefined;
    }
  }

  /** Adds a key that get() did not find (a key outside 0 … 2³¹−1 is ignored). */
  set(key: number, value: string): void {
    if (!(key >= 0 && key <= 0x7fffffff)) return;
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    this.put(key, value);
    this.size++;
  }

  clear(): void {
    this.keys.fill(-1);
    this.size = 0;
  }

  private put(key: number, value: string): void {
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (keys[i] !== -1) i = (i + 1) & mask;
    keys[i] = key;
    this.values[i] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.shift--;
    this.values = new Array<string>(keys.length * 2).fill('');
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.put(keys[i]!, values[i]!);
  }
}
