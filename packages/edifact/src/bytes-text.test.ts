import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureNames } from '../test-fixtures/gtas-fixtures.ts';
import { textOfBytes } from './bytes-text.ts';

/** What ingest did before: a fatal UTF-8 decode, Latin-1 when that fails. */
function reference(raw: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return Buffer.from(raw).toString('latin1');
  }
}

const enc = new TextEncoder();

describe('textOfBytes', () => {
  it('reads ASCII, UTF-8 (with and without BOM) and Latin-1 bytes', () => {
    expect(textOfBytes(enc.encode("UNB+UNOA:4+DL'"))).toBe("UNB+UNOA:4+DL'");
    expect(textOfBytes(enc.encode("NAD+FL+++MÜLLER:JOSÉ'"))).toBe("NAD+FL+++MÜLLER:JOSÉ'");
    expect(textOfBytes(Uint8Array.of(0xef, 0xbb, 0xbf, 0x55, 0x4e, 0x42))).toBe('UNB');
    expect(textOfBytes(Uint8Array.of(0x4d, 0xdc, 0x4c))).toBe('MÜL');
    expect(textOfBytes(new Uint8Array(0))).toBe('');
  });

  it('reads a view into a larger buffer without the bytes around it', () => {
    const whole = enc.encode("xxUNB+UNOY:4'yy");
    expect(textOfBytes(whole.subarray(2, 13))).toBe("UNB+UNOY:4'");
  });

  it('gives what the fatal UTF-8 decode with Latin-1 fallback gives, on random bytes', () => {
    const asciiHeavy = fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 127 }) },
        { weight: 1, arbitrary: fc.integer({ min: 128, max: 255 }) },
      ),
      { maxLength: 200 },
    );
    const utf8Text = fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => enc.encode(s));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          asciiHeavy.map((a) => Uint8Array.from(a)),
          utf8Text,
        ),
        (bytes) => {
          expect(textOfBytes(bytes)).toBe(reference(bytes));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives what the reference gives on every GTAS sample', () => {
    const root = join(import.meta.dirname, '..', 'test-fixtures', 'gtas');
    for (const kind of ['paxlst', 'pnrgov'] as const) {
      for (const name of fixtureNames(kind)) {
        const bytes = readFileSync(join(root, kind, name));
        expect(textOfBytes(bytes)).toBe(reference(bytes));
      }
    }
  });
});
