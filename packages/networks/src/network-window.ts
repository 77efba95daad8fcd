// A sliding window of recent bookings, indexed by every identifier they carry and joined
// into connected groups with union-find. Pure: the caller passes `now`; nothing is read.
import { BookingRecord, storeBooking } from './booking-record.ts';
import type { StoredBooking } from './booking-record.ts';
import { SlotIndex } from './slot-index.ts';
import { UnionFind } from './union-find.ts';

export interface NetworkWindowOptions {
  /** How much traffic is kept, in milliseconds of `observedAt` before `now`. */
  readonly windowMs: number;
  /** Calling code (e.g. `44`) for national phone numbers written without one. */
  readonly defaultCallingCode?: string;
  /** Identifier keys (`phone:+4420…`, `email:…`) that never link: carrier call centres and the like. */
  readonly ignore?: Iterable<string>;
  /**
   * An identifier shared by more bookings than this stops joining groups (a hub would merge
   * unrelated traffic into one blob); patterns still see it. Default 200.
   */
  readonly hubLimit?: number;
}

export interface NetworkIssue {
  readonly code: 'INVALID_BOOKING' | 'STALE_BOOKING' | 'BAD_INSTANT' | 'BAD_OPTIONS';
  readonly message: string;
  readonly path: string;
}

export type AddResult =
  | { readonly ok: true; readonly key: string; readonly replaced: boolean }
  | { readonly ok: false; readonly issues: readonly NetworkIssue[] };

/** Min-heap of (observedAt, slot, key) with lazy deletion: replaced bookings are skipped. */
class ExpiryQueue {
  private items: { at: number; slot: number; key: string }[] = [];
  push(at: number, slot: number, key: string): void {
    const a = this.items;
    a.push({ at, slot, key });
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((a[p] as { at: number }).at <= at) break;
      [a[i], a[p]] = [a[p] as (typeof a)[number], a[i] as (typeof a)[number]];
      i = p;
    }
  }
  peek(): { at: number; slot: number; key: string } | undefined {
    return this.items[0];
  }
  pop(): void {
    const a = this.items;
    const last = a.pop();
    if (a.length === 0 || !last) return;
    a[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && (a[l] as typeof last).at < (a[m] as typeof last).at) m = l;
      if (r < a.length && (a[r] as typeof last).at < (a[m] as typeof last).at) m = r;
      if (m === i) return;
      [a[i], a[m]] = [a[m] as typeof last, a[i] as typeof last];
      i = m;
    }
  }
}

/** The window from configuration: refuses a bad size or hub limit with a typed issue. */
export function createNetworkWindow(
  options: NetworkWindowOptions,
): { ok: true; value: NetworkWindow } | { ok: false; issues: NetworkIssue[] } {
  if (!Number.isFinite(options.windowMs) || options.windowMs <= 0)
    return {
      ok: false,
      issues: [
        {
          code: 'BAD_OPTIONS',
          message: `windowMs must be a positive number of milliseconds, got ${options.windowMs}`,
          path: 'windowMs',
        },
      ],
    };
  if (
    options.hubLimit !== undefined &&
    (!Number.isInteger(options.hubLimit) || options.hubLimit < 2)
  )
    return {
      ok: false,
      issues: [
        {
          code: 'BAD_OPTIONS',
          message: `hubLimit must be an integer of at least 2, got ${options.hubLimit}`,
          path: 'hubLimit',
        },
      ],
    };
  return { ok: true, value: new NetworkWindow(options) };
}

export class NetworkWindow {
  readonly windowMs: number;
  private readonly callingCode: string | undefined;
  private readonly ignore: ReadonlySet<string>;
  private readonly hubLimit: number;
  private slots: (StoredBooking | undefined)[] = [];
  private free: number[] = [];
  private byKey = new Map<string, number>();
  private index = new SlotIndex();
  private agencies = new SlotIndex();
  private expiry = new ExpiryQueue();
  private uf = new UnionFind();
  private dirty = false;

  constructor(options: NetworkWindowOptions) {
    if (!Number.isFinite(options.windowMs) || options.windowMs <= 0)
      throw new RangeError('windowMs must be a positive number of milliseconds');
    this.windowMs = options.windowMs;
    this.callingCode = options.defaultCallingCode;
    this.ignore = new Set(options.ignore ?? []);
    this.hubLimit = options.hubLimit ?? 200;
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Validates, normalises and links one booking; a re-sent booking replaces the earlier one. */
  add(input: unknown, now: Date): AddResult {
    const t = now instanceof Date ? now.getTime() : Number.NaN;
    if (Number.isNaN(t))
      return {
        ok: false,
        issues: [{ code: 'BAD_INSTANT', message: '`now` is not a valid date', path: '' }],
      };
    const parsed = BookingRecord.safeParse(input);
    if (!parsed.success)
      return {
        ok: false,
        issues: parsed.error.issues.map((i) => ({
          code: 'INVALID_BOOKING' as const,
          message: i.message,
          path: i.path.map(String).join('.'),
        })),
      };
    const booking = storeBooking(parsed.data, this.callingCode);
    if (booking.observedAt < t - this.windowMs)
      return {
        ok: false,
        issues: [
          {
            code: 'STALE_BOOKING',
            message: `booking ${booking.bookingRef} was observed at ${parsed.data.observedAt}, before the window starts`,
            path: 'observedAt',
          },
        ],
      };
    const previous = this.byKey.get(booking.key);
    if (previous !== undefined) this.remove(previous);
    const slot = this.free.pop() ?? this.slots.length;
    this.slots[slot] = booking;
    this.byKey.set(booking.key, slot);
    this.expiry.push(booking.observedAt, slot, booking.key);
    this.uf.make(slot);
    for (const link of booking.links) {
      if (this.ignore.has(link)) continue;
      const { before, some } = this.index.add(link, slot);
      if (some !== undefined && before < this.hubLimit) this.uf.union(slot, some);
      else if (before === this.hubLimit) this.dirty = true;
    }
    if (booking.agency !== undefined) this.agencies.add(booking.agency, slot);
    return { ok: true, key: booking.key, replaced: previous !== undefined };
  }

  /** Drops every booking observed before `now - windowMs`; returns how many went. */
  evict(now: Date): number {
    const cutoff = now.getTime() - this.windowMs;
    let n = 0;
    for (let top = this.expiry.peek(); top && top.at < cutoff; top = this.expiry.peek()) {
      this.expiry.pop();
      const b = this.slots[top.slot];
      if (b && b.key === top.key && b.observedAt === top.at) {
        this.remove(top.slot);
        n++;
      }
    }
    return n;
  }

  private remove(slot: number): void {
    const b = this.slots[slot];
    if (!b) return;
    for (const link of b.links) this.index.remove(link, slot);
    if (b.agency !== undefined) this.agencies.remove(b.agency, slot);
    this.byKey.delete(b.key);
    this.slots[slot] = undefined;
    this.free.push(slot);
    this.dirty = true;
  }

  /** Union-find cannot split, so after evictions the groups are rebuilt from the index. */
  private rebuild(): void {
    this.uf = new UnionFind();
    this.slots.forEach((b, i) => {
      if (b) this.uf.make(i);
    });
    for (const [link, slots] of this.index.entries(2)) {
      if (this.ignore.has(link) || slots.length > this.hubLimit) continue;
      const first = slots[0] as number;
      for (let i = 1; i < slots.length; i++) this.uf.union(first, slots[i] as number);
    }
    this.dirty = false;
  }

  /** Connected groups of two or more bookings, each as booking keys. */
  groups(): string[][] {
    if (this.dirty) this.rebuild();
    const byRoot = new Map<number, string[]>();
    this.slots.forEach((b, i) => {
      if (!b) return;
      const r = this.uf.find(i);
      const list = byRoot.get(r);
      if (list) list.push(b.key);
      else byRoot.set(r, [b.key]);
    });
    return [...byRoot.values()].filter((g) => g.length > 1);
  }

  /** Whether two bookings are in the same connected group. */
  connected(keyA: string, keyB: string): boolean {
    const a = this.byKey.get(keyA);
    const b = this.byKey.get(keyB);
    if (a === undefined || b === undefined) return false;
    if (this.dirty) this.rebuild();
    return this.uf.find(a) === this.uf.find(b);
  }

  booking(key: string): StoredBooking | undefined {
    const s = this.byKey.get(key);
    return s === undefined ? undefined : this.slots[s];
  }

  /** Every linking identifier carried by at least `minBookings` bookings (ignored ones left out). */
  *links(minBookings = 1): Iterable<[string, StoredBooking[]]> {
    for (const [link, slots] of this.index.entries(minBookings)) {
      if (this.ignore.has(link)) continue;
      yield [link, slots.map((s) => this.slots[s] as StoredBooking)];
    }
  }

  bookingsWith(link: string): StoredBooking[] {
    return this.index.slots(link).map((s) => this.slots[s] as StoredBooking);
  }

  /** Agencies with at least `minBookings` bookings in the window: they sell, they do not link. */
  *agencyBookings(minBookings = 1): Iterable<[string, StoredBooking[]]> {
    for (const [agency, slots] of this.agencies.entries(minBookings))
      yield [agency, slots.map((s) => this.slots[s] as StoredBooking)];
  }
}
