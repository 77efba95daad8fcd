import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from './feature-catalogue.ts';
import { compileProfile } from './profile-compiler.ts';

const root = new URL('../', import.meta.url);

describe('shipped files', () => {
  it('every example profile in data/profiles compiles', () => {
    const dir = new URL('data/profiles/', root);
    const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const r = compileProfile(readFileSync(new URL(f, dir), 'utf8'));
      expect(r.ok ? [] : r.issues, f).toEqual([]);
    }
  });

  it('the README documents every catalogue feature', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    for (const n of FEATURE_NAMES) expect(readme, n).toMatch(new RegExp(`\\|\\s*\`${n}\`\\s*\\|`));
  });
});
