// Disjoint sets over small integer slots (union by rank, path halving), growing on demand.
export class UnionFind {
  private parent = new Int32Array(1024);
  private rank = new Uint8Array(1024);

  private grow(n: number): void {
    if (n <= this.parent.length) return;
    let size = this.parent.length;
    while (size < n) size *= 2;
    const parent = new Int32Array(size);
    parent.set(this.parent);
    const rank = new Uint8Array(size);
    rank.set(this.rank);
    this.parent = parent;
    this.rank = rank;
  }

  /** Makes `i` a singleton (also used to reset a reused slot). */
  make(i: number): void {
    this.grow(i + 1);
    this.parent[i] = i;
    this.rank[i] = 0;
  }

  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      const up = p[p[i] as number] as number;
      p[i] = up;
      i = up;
    }
    return i;
  }

  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    const r = this.rank;
    if ((r[ra] as number) < (r[rb] as number)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    if (r[ra] === r[rb]) r[ra] = (r[ra] as number) + 1;
    return ra;
  }
}
