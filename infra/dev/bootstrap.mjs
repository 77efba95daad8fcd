#!/usr/bin/env node
// The README's commands go through here so that a fresh clone needs nothing but Node and npm:
// install dependencies when the lockfile changed, then run the embedded pipeline, the tests
// or the benchmarks. Plain Node, no dependencies: it runs before `npm ci` has.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stamp = join(root, 'node_modules', '.paxguard-install-stamp');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function ensureInstalled() {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  console.log('paxguard: installing dependencies (npm ci)…');
  if (run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']) !== 0) process.exit(1);
  writeFileSync(stamp, hash);
}

const turbo = join(root, 'node_modules', '.bin', 'turbo');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const [command, ...rest] = process.argv.slice(2);

ensureInstalled();
switch (command) {
  case 'start':
    // Generate the Prisma client, then run every service in one process on PGlite.
    if (run(turbo, ['run', 'generate', '--output-logs=errors-only'], { env }) !== 0)
      process.exit(1);
    process.exit(
      run(join(root, 'node_modules', '.bin', 'tsx'), ['services/embedded/src/main.ts', ...rest], {
        env,
      }),
    );
    break;
  case 'test':
    if (run('node', ['infra/dev/services.mjs'], { env }) !== 0) process.exit(1);
    process.exit(
      run(turbo, ['run', 'lint', 'typecheck', 'test', '--continue', '--concurrency=2', ...rest], {
        env,
      }),
    );
    break;
  case 'bench':
    process.exit(run(turbo, ['run', 'bench', '--concurrency=1', ...rest], { env }));
    break;
  default:
    console.error(`usage: bootstrap.mjs start|test|bench`);
    process.exit(2);
}
