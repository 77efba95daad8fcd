// The distinct name tokens of all lists with their phonetic keys, document frequencies and
// a deletion neighbourhood over the keys, so a misspelt token finds its neighbours fast.
import type { NameToken } from './name-normaliser.ts';

export interface SkeletonNeighbour {
  skelId: number;
  /** 0 for the same key, 1 for a one-edit neighbour (by symmetric deletion). */
  distance: 0 | 1;
}

/** Keys shorter than this get no typo neighbours: too many false neighbours. */
const MIN_FUZZY_LENGTH = 2;
const MAX_NEIGHBOURS = 48;

export class TokenVocabulary {
  private readonly tokenIds = new Map<string, number>();
  readonly texts: string[] = [];
  readonly tokenSkel: number[] = [];
  /** Number of live listed names that contain the token. */
  readonly df: number[] = [];
  private readonly skelIds = new Map<string, number>();
  readonly skels: string[] = [];
  private readonly deletions = new Map<string, number[]>();
  liveNames = 0;
  private sorted: number[] | undefined;
  /** Neighbour lists by key; emptied whenever a new key could join one. */
  private readonly neighbourCache = new Map<string, SkeletonNeighbour[]>();

  intern(token: NameToken): number {
    const known = this.tokenIds.get(token.text);
    if (known !== undefined) return known;
    const id = this.texts.length;
    this.tokenIds.set(token.text, id);
    this.texts.push(token.text);
    this.tokenSkel.push(this.internSkeleton(token.skeleton));
    this.df.push(0);
    return id;
  }

  tokenId(text: string): number | undefined {
    return this.tokenIds.get(text);
  }

  skeletonId(skel: string): number | undefined {
    return this.skelIds.get(skel);
  }

  private internSkeleton(skel: string): number {
    const known = this.skelIds.get(skel);
    if (known !== undefined) return known;
    const id = this.skels.length;
    this.skelIds.set(skel, id);
    this.neighbourCache.clear();
    this.skels.push(skel);
    if (skel.length >= MIN_FUZZY_LENGTH)
      for (const d of deletionsOf(skel)) {
        const list = this.deletions.get(d);
        if (list) list.push(id);
        else this.deletions.set(d, [id]);
      }
    return id;
  }

  /** Keys within one edit of `skel` that some listed token has. */
  neighbours(skel: string): SkeletonNeighbour[] {
    const cached = this.neighbourCache.get(skel);
    if (cached) return cached;
    const out = this.computeNeighbours(skel);
    if (this.neighbourCache.size > 200_000) this.neighbourCache.clear();
    this.neighbourCache.set(skel, out);
    return out;
  }

  private computeNeighbours(skel: string): SkeletonNeighbour[] {
    const out: SkeletonNeighbour[] = [];
    const seen = new Set<number>();
    const add = (id: number | undefined, distance: 0 | 1) => {
      if (id === undefined || seen.has(id) || out.length >= MAX_NEIGHBOURS) return;
      seen.add(id);
      out.push({ skelId: id, distance });
    };
    add(this.skelIds.get(skel), 0);
    for (const id of this.deletions.get(skel) ?? []) add(id, 1);
    if (skel.length < MIN_FUZZY_LENGTH) return out;
    for (const d of deletionsOf(skel)) {
      const shorter = this.skelIds.get(d);
      if (shorter !== undefined && d.length >= 1) add(shorter, 1);
      for (const id of this.deletions.get(d) ?? []) add(id, 1);
    }
    return out;
  }

  /** Keys of listed tokens that start with `prefix` (a truncated MRZ name), at most `limit`. */
  prefixNeighbours(prefix: string, limit = MAX_NEIGHBOURS): SkeletonNeighbour[] {
    if (prefix.length < 3) return [];
    if (!this.sorted || this.sorted.length !== this.texts.length)
      this.sorted = this.texts
        .map((_, i) => i)
        .sort((a, b) => cmp(this.texts[a] ?? '', this.texts[b] ?? ''));
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(this.texts[sorted[mid] ?? 0] ?? '', prefix) < 0) lo = mid + 1;
      else hi = mid;
    }
    const seen = new Set<number>();
    const out: SkeletonNeighbour[] = [];
    for (let i = lo; i < sorted.length && out.length < limit; i++) {
      const id = sorted[i] ?? 0;
      if (!(this.texts[id] ?? '').startsWith(prefix)) break;
      const skel = this.tokenSkel[id] ?? 0;
      if (!seen.has(skel)) {
        seen.add(skel);
        out.push({ skelId: skel, distance: 1 });
      }
    }
    return out;
  }

  /** log2 of listed names per name with the token: what a chance agreement on it is worth. */
  bits(tokenId: number | undefined): number {
    const df = tokenId === undefined ? 0 : (this.df[tokenId] ?? 0);
    return Math.log2((Math.max(this.liveNames, 1000) + 1) / (df + 1));
  }

  /** Inverse document frequency weight in [0.35, 1]: common tokens prove less. */
  weight(tokenId: number | undefined): number {
    const df = tokenId === undefined ? 0 : (this.df[tokenId] ?? 0);
    const n = Math.max(this.liveNames, 1000);
    const w = (2 * Math.log((n + 1) / (df + 1))) / Math.log(n + 1);
    return Math.min(1, Math.max(0.35, w));
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function deletionsOf(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const d = s.slice(0, i) + s.slice(i + 1);
    if (out[out.length - 1] !== d) out.push(d);
  }
  return out;
}
