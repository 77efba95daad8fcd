import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BookingRecordInput } from './booking-record.ts';
import { createNetworkWindow } from './network-window.ts';

// Reference: connected components by breadth-first search over the bookings still in the
// window, linking two bookings when they share a non-hub identifier.
function referenceGroups(live: Map<string, Set<string>>, hubLimit: number): string[][] {
  const carriers = new Map<string, string[]>();
  for (const [b, ids] of live)
    for (const id of ids) carriers.set(id, [...(carriers.get(id) ?? []), b]);
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const start of live.keys()) {
    if (seen.has(start)) continue;
    const group: string[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const b = queue.pop() as string;
      group.push(b);
      for (const id of live.get(b) ?? []) {
        const with_ = carriers.get(id) ?? [];
        if (with_.length > hubLimit) continue;
        for (const o of with_)
          if (!seen.has(o)) {
            seen.add(o);
            queue.push(o);
          }
      }
    }
    if (group.length > 1) out.push(group.sort());
  }
  return out.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

const op = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    ref: fc.integer({ min: 0, max: 15 }),
    phones: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 2 }),
    person: fc.integer({ min: 0, max: 10 }),
    day: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ kind: fc.constant('evict' as const), day: fc.integer({ min: 0, max: 3 }) }),
);

describe('sliding-window groups match a breadth-first reference', () => {
  it('after any sequence of adds, re-sends and evictions', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 40 }),
        fc.integer({ min: 2, max: 5 }),
        (ops, hubLimit) => {
          const DAY = 86_400_000;
          const T0 = Date.parse('2026-01-01T00:00:00Z');
          const w = createNetworkWindow({ windowMs: 2 * DAY, hubLimit });
          if (!w.ok) throw new Error('window');
          const live = new Map<string, { at: number; ids: Set<string> }>();
          let clock = T0;
          for (const o of ops) {
            clock = Math.max(clock, T0 + o.day * DAY);
            const now = new Date(clock);
            if (o.kind === 'evict') {
              w.value.evict(now);
              for (const [k, v] of live) if (v.at < clock - 2 * DAY) live.delete(k);
              continue;
            }
            const at = T0 + o.day * DAY;
            const b: BookingRecordInput = {
              bookingRef: `R${o.ref}`,
              carrier: 'XX',
              observedAt: new Date(at).toISOString(),
              travellers: [{ id: `P${o.person}` }],
              phones: o.phones.map((p) => `+4470000000${p}`),
            };
            const r = w.value.add(b, now);
            if (at < clock - 2 * DAY) {
              expect(r.ok).toBe(false);
              continue;
            }
            expect(r.ok).toBe(true);
            live.set('XX/R' + o.ref, {
              at,
              ids: new Set([
                `person:P${o.person}`,
                ...o.phones.map((p) => `phone:+4470000000${p}`),
              ]),
            });
          }
          const ref = referenceGroups(new Map([...live].map(([k, v]) => [k, v.ids])), hubLimit);
          const got = w.value
            .groups()
            .map((g) => g.sort())
            .sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
          expect(got).toEqual(ref);
          expect(w.value.size).toBe(live.size);
        },
      ),
      { numRuns: 300, seed: 99 },
    );
  });
});
