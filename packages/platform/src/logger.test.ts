import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

describe('logger', () => {
  it('redacts personal data wherever it appears', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const log = createLogger({ service: 't', destination: sink });
    log.info(
      {
        traveller: { surname: 'DOE' },
        doc: { number: 'X123', type: 'P' },
        person: { birthDate: '1980-01-01' },
      },
      'x',
    );
    const out = lines.join('');
    expect(out).not.toContain('DOE');
    expect(out).not.toContain('X123');
    expect(out).not.toContain('1980-01-01');
    expect(out).toContain('"type":"P"');
  });
});
