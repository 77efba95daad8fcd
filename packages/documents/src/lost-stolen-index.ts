// A compact in-process index of lost, stolen and revoked documents: each entry is a 64-bit
// hash of (issuing country, normalised number) plus one packed word, in a sorted table with gaps.
import { formatDay } from './calendar-date.ts';
import { normaliseDocumentNumber } from './document-number.ts';
import { ALL_STATE_CODES, lookupStateCode } from './state-codes.ts';

export const LOST_STOLEN_STATUSES = ['lost', 'stolen', 'revoked', 'invalidated'] as const;
export type LostStolenStatus = (typeof LOST_STOLEN_STATUSES)[number];

export interface LostStolenHit {
  status: LostStolenStatus;
  /** As the list spells it (D stays D). */
  issuingState: string;
  reportedDate: string;
  normalisedNumber: string;
  /** The version of the loaded list, recorded on every hit. */
  listVersion: string;
}

// Packed word: status in bits 30–31, state index in bits 21–29, reported day (since 1970) in 0–20.
const DAY_MASK = (1 << 21) - 1;
export function packMeta(status: number, stateIndex: number, day: number): number {
  const d = day < 0 ? 0 : day > DAY_MASK ? DAY_MASK : day;
  return ((status << 30) | (stateIndex << 21) | d) >>> 0;
}

/** The country an issuing State's documents are filed under: D and DEU, GBD and GBR meet. */
export function keyCountry(issuingState: string): string {
  return lookupStateCode(issuingState)?.country ?? issuingState;
}

/**
 * Two independent 32-bit multiplicative hashes over the key, finalised with the murmur3 mixer.
 * With 2×10⁷ entries the chance that a given miss collides with some entry is about 10⁻¹²
 * per lookup; a hit reports the normalised number so a person can confirm it.
 */
export function hashKey(country: string, normalised: string, out: Uint32Array): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x1b873593;
  for (let i = 0; i < country.length; i++) {
    const c = country.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x9e3779b1) ^ c;
  }
  // A separator so that ("AB", "C1") and ("ABC", "1") differ.
  h1 = Math.imul(h1 ^ 124, 0x01000193);
  h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x9e3779b1) ^ 124;
  for (let i = 0; i < normalised.length; i++) {
    const c = normalised.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x9e3779b1) ^ c;
  }
  const n = country.length + 1 + normalised.length;
  out[0] = fmix(h1 ^ Math.imul(n, 0x27d4eb2d));
  // Never zero: a zero low word marks an empty slot in the table.
  out[1] = (fmix(h2 ^ (out[0] as number)) | 1) >>> 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** What the verdict needs from a lost/stolen list; `LostStolenIndex` is the compact one. */
export interface LostStolenLookup {
  lookup(issuingState: string, documentNumber: string): LostStolenHit | null;
}

/** Home slot of a key: monotonic in hi, so a table filled in key order stays sorted. */
export function homeSlot(hi: number, scale: number): number {
  return Math.floor((hi >>> 8) * scale);
}

/**
 * Sorted linear probing: entries sit in key order at or just after their home slot (hi scaled
 * to the table), three words each (hi, lo, meta). A lookup reads from the home slot forward and
 * stops at an empty slot or a larger key, usually within one cache line: one memory access.
 */
export class LostStolenIndex implements LostStolenLookup {
  private readonly scratch = new Uint32Array(2);

  /** Use `LostStolenBuilder`; `table` is laid out as described above, `scale` = slots / 2^24. */
  constructor(
    readonly version: string,
    private readonly table: Uint32Array,
    private readonly scale: number,
    private readonly count: number,
  ) {}

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table (the whole footprint, bar a few object headers). */
  get byteLength(): number {
    return this.table.byteLength;
  }

  /** Looks a document up; the number is normalised (O/0, I/1, separators) before hashing. */
  lookup(issuingState: string, documentNumber: string): LostStolenHit | null {
    const normalised = normaliseDocumentNumber(documentNumber);
    if (normalised === '' || this.count === 0) return null;
    const s = this.scratch;
    hashKey(keyCountry(issuingState), normalised, s);
    const h = s[0] as number;
    const l = s[1] as number;
    const t = this.table;
    const slots = t.length / 3;
    for (let k = homeSlot(h, this.scale); k < slots; k++) {
      const kl = t[3 * k + 1] as number;
      if (kl === 0) return null; // empty slot: the run that could hold the key has ended
      const kh = t[3 * k] as number;
      if (kh === h && kl === l) return this.hit(t[3 * k + 2] as number, issuingState, normalised);
      if (kh > h || (kh === h && kl > l)) return null;
    }
    return null;
  }

  private hit(m: number, issuingState: string, normalised: string): LostStolenHit {
    return {
      status: LOST_STOLEN_STATUSES[m >>> 30] as LostStolenStatus,
      issuingState: ALL_STATE_CODES[(m >>> 21) & 511] ?? issuingState,
      reportedDate: formatDay(m & DAY_MASK),
      normalisedNumber: normalised,
      listVersion: this.version,
    };
  }
}
