import type { Manifest } from '@paxguard/domain';
import { describe, expect, it } from 'vitest';
import { decodePaxlst, type PaxlstMessage } from './paxlst-decoder.ts';
import { assembleParts, PartAssembler } from './paxlst-parts.ts';
import { encodePaxlst } from './paxlst-writer.ts';

const base: Manifest = {
  source: 'PAXLST',
  listType: 'passenger',
  functionCode: 'original',
  flight: {
    carrier: 'DL',
    number: '123',
    legs: [
      {
        departure: { airport: 'ATL', local: '2024-03-01T22:10' },
        arrival: { airport: 'CDG', local: '2024-03-02T12:00' },
        overflight: false,
      },
    ],
  },
  travellers: [],
};

function part(n: number, of: number, names: string[], declaredCount?: number): PaxlstMessage {
  const m: Manifest = {
    ...base,
    declaredCount,
    travellers: names.map((surname) => ({
      role: 'passenger',
      name: { surname, given: [] },
      references: {},
      documents: [],
    })),
  };
  const text = encodePaxlst(m, {
    sender: 'DL',
    recipient: 'GOV',
    interchangeRef: `I${n}`,
    messageRef: `M${n}`,
    preparedAt: '2024-03-01T12:00',
    part: { number: n, last: n === of, commonAccessRef: 'DL123/240301' },
  });
  if (!text.ok) throw new Error('encode');
  const r = decodePaxlst(text.value);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value[0]!;
}

describe('assembleParts', () => {
  it('joins parts arriving in any order, in part order', () => {
    const parts = [part(3, 3, ['E'], 5), part(1, 3, ['A', 'B']), part(2, 3, ['C', 'D'])];
    expect(parts[0]!.part).toEqual({ messageRef: 'DL123/240301', number: 3, last: true });
    const r = assembleParts(parts);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.travellers.map((t) => t.name.surname)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(r.value.declaredCount).toBe(5);
    expect(r.warnings).toEqual([]);
  });

  it('names the missing part', () => {
    const r = assembleParts([part(1, 3, ['A']), part(3, 3, ['C'])]);
    expect(!r.ok && r.errors).toEqual([
      expect.objectContaining({
        code: 'PART_MISSING',
        message: expect.stringContaining('part 2 of 3'),
      }),
    ]);
  });

  it('says when the final part has not arrived', () => {
    const r = assembleParts([part(1, 3, ['A']), part(2, 3, ['B'])]);
    expect(!r.ok && r.errors[0]!.code).toBe('PART_FINAL_MISSING');
  });

  it('warns on duplicates and on a total that disagrees with CNT', () => {
    const r = assembleParts([part(1, 2, ['A']), part(1, 2, ['A']), part(2, 2, ['B'], 3)]);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['PART_DUPLICATE', 'CNT_MISMATCH']);
  });
});

describe('PartAssembler', () => {
  it('completes when the last missing part arrives, whatever the order', () => {
    const a = new PartAssembler({ timeoutMs: 60_000 });
    const t0 = new Date('2024-03-01T12:00:00Z');
    expect(a.add(part(2, 2, ['B']), t0)).toBeUndefined();
    expect(a.pending()).toEqual([
      expect.objectContaining({ messageRef: 'DL123/240301', parts: [2] }),
    ]);
    const done = a.add(part(1, 2, ['A']), new Date(t0.getTime() + 1000));
    expect(done?.result.ok && done.result.value.travellers).toHaveLength(2);
    expect(a.pending()).toEqual([]);
  });

  it('reports a missing part after the timeout, not before', () => {
    const a = new PartAssembler({ timeoutMs: 60_000 });
    const t0 = new Date('2024-03-01T12:00:00Z');
    a.add(part(1, 3, ['A']), t0);
    a.add(part(3, 3, ['C']), t0);
    expect(a.expire(new Date(t0.getTime() + 59_000))).toEqual([]);
    const [out] = a.expire(new Date(t0.getTime() + 60_000));
    expect(out!.result.ok).toBe(false);
    if (out!.result.ok) return;
    expect(out!.result.errors.map((e) => e.code)).toEqual(['PARTS_TIMEOUT', 'PART_MISSING']);
    expect(out!.result.errors[1]!.message).toContain('part 2 of 3');
  });
});
