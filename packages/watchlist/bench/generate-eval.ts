// Writes the evaluation set as JSON Lines under bench/.eval/ (git-ignored) for other tools
// to replay: the lists, the labelled positives and the negatives. Same seed, same files.
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEvalSet, sizesFor } from './eval-set.ts';

const scale = Number(process.env.PAXGUARD_BENCH_SCALE ?? '1');
const out = join(dirname(fileURLToPath(import.meta.url)), '.eval');
mkdirSync(out, { recursive: true });

const set = buildEvalSet(sizesFor(scale));

async function writeLines(file: string, rows: Iterable<unknown>): Promise<number> {
  const stream = createWriteStream(join(out, file));
  let n = 0;
  for (const row of rows) {
    if (!stream.write(JSON.stringify(row) + '\n'))
      await new Promise<void>((r) => stream.once('drain', () => r()));
    n++;
  }
  await new Promise<void>((r) => stream.end(() => r()));
  return n;
}

for (const list of set.lists) {
  const { entries, ...meta } = list;
  writeFileSync(join(out, `list-${list.id}.meta.json`), JSON.stringify(meta, null, 2));
  const n = await writeLines(`list-${list.id}.entries.jsonl`, entries);
  console.log(`list ${list.id}: ${n} entries`);
}
console.log(`positives: ${await writeLines('positives.jsonl', set.positives)}`);
console.log(`negatives: ${await writeLines('negatives.jsonl', set.negatives)}`);
console.log(`written to ${out}`);
