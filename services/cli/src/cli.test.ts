// Spawns the real CLI on the GTAS fixtures and generated files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = join(import.meta.dirname, 'main.ts');
const FIXTURES = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'packages',
  'edifact',
  'test-fixtures',
  'gtas',
);
const TSX = join(import.meta.dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');

function run(...args: string[]) {
  const r = spawnSync(TSX, [MAIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('paxguard validate', () => {
  it('prints a readable summary and exits 0 for a valid file (lenient)', () => {
    const r = run(
      'validate',
      join(FIXTURES, 'paxlst', 'multiple_flight_leg_apis.txt'),
      '--lenient',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('PAXLST');
    expect(r.out).toContain('flight QQ827 MIA→IAD→JFK→CDG');
    expect(r.out).toContain('2 travellers (CNT 2)');
    expect(r.out).toMatch(/VALID \(lenient\): 0 errors, \d+ warnings/);
  });

  it('exits 1 with positioned errors in strict mode', () => {
    const r = run('validate', join(FIXTURES, 'paxlst', 'Test1.txt'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('INVALID (strict)');
    expect(r.out).toMatch(/error CHARACTER_NOT_IN_SYNTAX \[segment 12, offset \d+\]/);
  });

  it('--json prints the domain objects or the error list', () => {
    const ok = run('validate', join(FIXTURES, 'pnrgov', 'no_pnr_history.edi'), '--json');
    expect(ok.code).toBe(0);
    const body = JSON.parse(ok.out);
    expect(body).toMatchObject({ format: 'PNRGOV', ok: true });
    expect(body.value[0].pnrs).toHaveLength(3);
    const bad = run('validate', join(FIXTURES, 'paxlst', 'airline2.edi'), '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).errors[0]).toMatchObject({
      code: expect.any(String),
      segmentIndex: expect.any(Number),
    });
  });

  it('validates JSON manifests too, and draws a progress bar on stderr when asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paxguard-cli-'));
    const file = join(dir, 'manifest.json');
    writeFileSync(
      file,
      JSON.stringify({
        listType: 'crew',
        flight: {
          carrier: 'LH',
          number: 'LH0400',
          legs: [
            {
              departure: { airport: 'FRA', local: '2024-05-01T10:00' },
              arrival: { airport: 'JFK' },
            },
          ],
        },
        travellers: [{ role: 'crew', name: { surname: 'DOE', given: ['JANE'] } }],
      }),
    );
    const r = run('validate', file, '--progress');
    expect(r.code).toBe(0);
    expect(r.out).toContain('JSON-MANIFEST');
    expect(r.out).toContain('flight LH400 FRA→JFK');
    expect(r.err).toContain('100%');
  });

  it('exits 2 for an unreadable file', () => {
    const r = run('validate', '/nonexistent/file.edi');
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot read');
  });

  it('exits 1 for a file that is no known format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paxguard-cli-'));
    const file = join(dir, 'x.txt');
    writeFileSync(file, 'hello');
    const r = run('validate', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FORMAT_UNKNOWN');
  });
});
