import fc from 'fast-check';
import type { Manifest } from '@paxguard/domain';
import { describe, expect, it } from 'vitest';
import { decodePaxlst } from './paxlst-decoder.ts';
import { createPaxlstStream } from './paxlst-stream.ts';
import { encodePaxlst } from './paxlst-writer.ts';

function manifest(n: number): Manifest {
  return {
    source: 'PAXLST',
    listType: 'passenger',
    functionCode: 'original',
    flight: {
      carrier: 'DL',
      number: String(100 + n),
      legs: [
        {
          departure: { airport: 'ATL', local: '2024-03-01T22:10' },
          arrival: { airport: 'CDG', local: '2024-03-02T12:00' },
          overflight: false,
        },
      ],
    },
    travellers: Array.from({ length: n + 1 }, (_, i) => ({
      role: 'passenger' as const,
      name: { surname: `P${n}X${i}`, given: ['A'] },
      references: {},
      documents: [{ type: 'P', number: `N${n}${i}` }],
    })),
  };
}

/** Three messages in one interchange, the second with a bad birth date. */
function push(): string {
  const bodies = [0, 1, 2].map((n) => {
    const r = encodePaxlst(manifest(n), {
      sender: 'DL',
      recipient: 'GOV',
      interchangeRef: 'I1',
      messageRef: `M${n}`,
      preparedAt: '2024-03-01T12:00',
      lineBreaks: true,
    });
    if (!r.ok) throw new Error('encode');
    return r.value.slice(r.value.indexOf('UNH'), r.value.indexOf('UNZ'));
  });
  bodies[1] = bodies[1]!
    .replace("NAD+FL+++P1X1:A'", "NAD+FL+++P1X1:A'\nDTM+329:991399'")
    .replace(/UNT\+(\d+)/, (_m, c: string) => `UNT+${Number(c) + 1}`);
  return `UNA:+.? '\nUNB+UNOA:4+DL+GOV+240301:1200+I1'\n${bodies.join('')}UNZ+3+I1'\n`;
}

describe('createPaxlstStream', () => {
  it('decodes each message when its UNT arrives, with positions as in the whole text (property over chunk cuts)', () => {
    const text = push();
    const whole = decodePaxlst(text);
    expect(whole.ok).toBe(false);
    const wholeErrors = whole.ok ? [] : whole.errors;
    expect(wholeErrors).toEqual([expect.objectContaining({ code: 'DATE_INVALID' })]);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: text.length }), { maxLength: 12 }), (cuts) => {
        const stream = createPaxlstStream();
        const results = [];
        let prev = 0;
        for (const c of [...cuts].sort((a, b) => a - b)) {
          results.push(...stream.push(text.slice(prev, c)));
          prev = c;
        }
        results.push(...stream.push(text.slice(prev)));
        const end = stream.end();
        results.push(...end.messages);
        expect(end.interchange).toMatchObject({ ok: true, value: { messageCount: 3 } });
        expect(results.map((r) => r.ok)).toEqual([true, false, true]);
        expect(results[0]!.ok && results[0]!.value.manifest.travellers).toHaveLength(1);
        expect(results[2]!.ok && results[2]!.value.manifest.flight.number).toBe('102');
        expect(!results[1]!.ok && results[1]!.errors).toEqual(wholeErrors);
      }),
      { numRuns: 25 },
    );
  });

  it('closes a message whose UNT is missing when the next UNH arrives, like the whole-text decoder', () => {
    const text = push().replace(/UNT\+\d+\+M0'/, '');
    const whole = decodePaxlst(text);
    const stream = createPaxlstStream();
    const results = [...stream.push(text), ...stream.end().messages];
    expect(results.map((r) => r.ok)).toEqual([false, false, true]);
    const first = results[0]!;
    expect(!first.ok && first.errors.map((e) => e.code)).toEqual(['UNT_MISSING']);
    const w = !whole.ok ? whole.errors.find((e) => e.code === 'UNT_MISSING') : undefined;
    expect(!first.ok && first.errors[0]).toMatchObject({
      segmentIndex: w?.segmentIndex,
      offset: w?.offset,
    });
  });

  it('never ends a segment at a released terminator, wherever the chunks are cut', () => {
    const m = manifest(1);
    m.travellers[0]!.name = { surname: "O'BRIEN?", given: ["?'A??", "B'", "'UNT+5+M1"] };
    const r = encodePaxlst(m, {
      sender: 'DL',
      recipient: 'GOV',
      interchangeRef: 'I1',
      messageRef: 'M1',
      preparedAt: '2024-03-01T12:00',
    });
    if (!r.ok) throw new Error('encode');
    const text = r.value;
    expect(text).toContain("O?'BRIEN??:???'A????:B?':?'UNT?+5?+M1'");
    const whole = decodePaxlst(text);
    expect(whole.ok).toBe(true);
    for (let cut = 0; cut <= text.length; cut++) {
      const stream = createPaxlstStream();
      const results = [...stream.push(text.slice(0, cut)), ...stream.push(text.slice(cut))];
      results.push(...stream.end().messages);
      expect(results).toEqual([{ ok: true, value: whole.ok && whole.value[0], warnings: [] }]);
    }
  });

  it('checks the UNZ count against the messages seen', () => {
    const stream = createPaxlstStream();
    stream.push(push().replace("UNZ+3+I1'", "UNZ+4+I1'"));
    expect(stream.end().interchange).toMatchObject({
      ok: false,
      errors: [{ code: 'UNZ_COUNT_MISMATCH', segmentTag: 'UNZ' }],
    });
  });
});
