// Identifier → bookings (slot numbers). Most identifiers belong to one booking, so a lone
// slot is stored as a number and only shared identifiers pay for a Set.
export class SlotIndex {
  private readonly map = new Map<string, number | Set<number>>();

  /** Adds `slot` under `key`; returns how many slots the key had before and one of them. */
  add(key: string, slot: number): { before: number; some: number | undefined } {
    const cur = this.map.get(key);
    if (cur === undefined) {
      this.map.set(key, slot);
      return { before: 0, some: undefined };
    }
    if (typeof cur === 'number') {
      if (cur === slot) return { before: 1, some: cur };
      this.map.set(key, new Set([cur, slot]));
      return { before: 1, some: cur };
    }
    const before = cur.size;
    const some = cur.values().next().value as number;
    cur.add(slot);
    return { before, some };
  }

  remove(key: string, slot: number): void {
    const cur = this.map.get(key);
    if (cur === undefined) return;
    if (typeof cur === 'number') {
      if (cur === slot) this.map.delete(key);
      return;
    }
    cur.delete(slot);
    if (cur.size === 1) this.map.set(key, cur.values().next().value as number);
  }

  size(key: string): number {
    const cur = this.map.get(key);
    return cur === undefined ? 0 : typeof cur === 'number' ? 1 : cur.size;
  }

  slots(key: string): number[] {
    const cur = this.map.get(key);
    return cur === undefined ? [] : typeof cur === 'number' ? [cur] : [...cur];
  }

  /** Keys carried by at least `minSize` slots, with their slots. */
  *entries(minSize = 1): Iterable<[string, number[]]> {
    for (const [key, cur] of this.map) {
      if (typeof cur === 'number') {
        if (minSize <= 1) yield [key, [cur]];
      } else if (cur.size >= minSize) yield [key, [...cur]];
    }
  }
}
