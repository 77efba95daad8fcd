import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@paxguard/platform';
import { EmbeddedConfig } from './config.ts';
import { loadOrCreateCredentials } from './credentials.ts';

describe('embedded defaults', () => {
  it('generates demo credentials once per data directory, private to the owner', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'paxguard-creds-'));
    const a = loadOrCreateCredentials(home);
    const b = loadOrCreateCredentials(home);
    expect(b.creds).toEqual(a.creds);
    expect(statSync(a.file).mode & 0o777).toBe(0o600);
    const other = loadOrCreateCredentials(mkdtempSync(path.join(tmpdir(), 'paxguard-creds-')));
    expect(other.creds.carriers[0]!.apiKey).not.toBe(a.creds.carriers[0]!.apiKey);
    expect(a.creds.users.map((u) => u.role)).toEqual(
      expect.arrayContaining(['officer', 'supervisor', 'regulator', 'auditor']),
    );
  });

  it('runs with no configuration at all, and refuses a bad one', () => {
    expect(parseConfig(EmbeddedConfig, {})).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      DEMO_DATA: true,
      PAXGUARD_HOME: '.paxguard',
    });
    expect(() => parseConfig(EmbeddedConfig, { PORT: 'x', DATABASE_URL: 'mysql://' })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });
});
