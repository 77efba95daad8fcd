#!/usr/bin/env tsx
// Entry point of the paxguard CLI: wires the file system and the terminal to runCli.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { runCli } from './cli-app.ts';

async function readText(
  path: string,
  onProgress: (read: number, total: number) => void,
): Promise<string> {
  const total = (await stat(path)).size;
  const chunks: Buffer[] = [];
  let read = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer;
    chunks.push(b);
    read += b.length;
    onProgress(read, total);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const code = await runCli(process.argv.slice(2), {
  readText,
  fileSize: async (p) => {
    const s = await stat(p);
    if (!s.isFile()) throw new Error('not a regular file');
    return s.size;
  },
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTty: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
