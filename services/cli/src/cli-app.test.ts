// In-process tests of argument handling (the spawn tests in cli.test.ts cover the real I/O).
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './cli-app.ts';

function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readText: async (p, onProgress) => {
      const t = files[p] ?? '';
      onProgress(t.length, t.length);
      return t;
    },
    fileSize: async (p) => {
      if (!(p in files)) throw new Error('ENOENT');
      return files[p]!.length;
    },
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTty: false,
  };
  return { io, out, err };
}

describe('runCli', () => {
  it('exits 2 with the usage on bad arguments', async () => {
    for (const argv of [
      [],
      ['validate'],
      ['validate', 'a', 'b'],
      ['frobnicate'],
      ['validate', 'a', '--colour'],
    ]) {
      const { io, err } = fakeIo({ a: '' });
      expect(await runCli(argv, io)).toBe(2);
      expect(err.join('')).toContain('usage: paxguard validate FILE');
    }
  });

  it('prints help with exit 0', async () => {
    const { io, out } = fakeIo({});
    expect(await runCli(['help'], io)).toBe(0);
    expect(out.join('')).toContain('Exit status: 0 valid, 1 invalid, 2 usage error');
  });

  it('no progress bar unless asked or on a terminal with a large file', async () => {
    const { io, err } = fakeIo({ f: "UNB+UNOA:4+S+R+240101:0000+1'UNZ+0+1'" });
    expect(await runCli(['validate', 'f'], io)).toBe(1);
    expect(err.join('')).toBe('');
    const withBar = fakeIo({ f: "UNB+UNOA:4+S+R+240101:0000+1'UNZ+0+1'" });
    await runCli(['validate', 'f', '--progress'], withBar.io);
    expect(withBar.err.join('')).toContain('100%');
  });
});
