import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAllProfiles, profileFiles, profileText } from '../test-support/profiles.ts';
import { parseJurisdiction } from './jurisdiction-schema.ts';

const profiles = loadAllProfiles();

describe('shipped jurisdiction profiles', () => {
  it('ship the required jurisdictions', () => {
    expect(profiles.map((p) => p.id).sort()).toEqual(
      [
        'au-migration-act',
        'ca-irpr',
        'eu-2001-51-lump-sum',
        'eu-2001-51-per-person',
        'eu-api',
        'uk-iaa-1999-s40',
        'us-ina-273',
      ].sort(),
    );
  });

  it.each(profileFiles())(
    '%s: id matches the file name and every figure cites a known source',
    (file) => {
      const p = profiles.find((x) => `${x.id}.json` === file);
      expect(p).toBeDefined();
      const ids = new Set(p?.sources.map((s) => s.id));
      for (const r of p?.rates ?? []) {
        expect(ids.has(r.source)).toBe(true);
        expect(r.basis.length).toBeGreaterThan(10);
      }
    },
  );

  it('carry the figures REFERENCE.md gives, in minor units', () => {
    const rate = (id: string, code: string) =>
      profiles.find((p) => p.id === id)?.rates.find((r) => r.infringement === code);
    expect(rate('eu-2001-51-per-person', 'IMPROPERLY_DOCUMENTED_CARRIED')?.amountMinor).toBe(
      5_000_00,
    );
    expect(rate('eu-2001-51-lump-sum', 'IMPROPERLY_DOCUMENTED_CARRIED')?.amountMinor).toBe(
      500_000_00,
    );
    expect(rate('eu-api', 'API_NOT_TRANSMITTED')?.amountMinor).toBe(5_000_00);
    expect(rate('uk-iaa-1999-s40', 'IMPROPERLY_DOCUMENTED_CARRIED')?.amountMinor).toBe(2_000_00);
    expect(rate('us-ina-273', 'IMPROPERLY_DOCUMENTED_CARRIED')?.amountMinor).toBe(3_000_00);
    expect(rate('ca-irpr', 'IMPROPERLY_DOCUMENTED_CARRIED')?.amountMinor).toBe(3_200_00);
    expect(rate('au-migration-act', 'IMPROPERLY_DOCUMENTED_CARRIED')?.penaltyUnits).toBe(100);
    const ca = profiles.find((p) => p.id === 'ca-irpr');
    expect(ca?.performanceTiers?.tiers.map((t) => t.amountMinor)).toEqual([
      0, 800_00, 1_600_00, 2_400_00,
    ]);
    expect(ca?.deadlines.carrierAnswer.days).toBe(30);
  });

  it('mark figures REFERENCE.md could not confirm as unconfirmed', () => {
    const us = profiles.find((p) => p.id === 'us-ina-273');
    expect(us?.rates[0]?.confirmed).toBe(false);
    expect(us?.rates[0]?.note).toMatch(/inflation/);
    const api = profiles.find((p) => p.id === 'eu-api');
    expect(api?.rates.find((r) => r.infringement === 'API_LATE')?.confirmed).toBe(false);
    expect(profiles.find((p) => p.id === 'ca-irpr')?.performanceTiers?.confirmed).toBe(false);
  });

  it('EU profiles exempt a protection claim, citing art. 4(2)', () => {
    for (const id of ['eu-2001-51-per-person', 'eu-2001-51-lump-sum']) {
      const ex = profiles
        .find((p) => p.id === id)
        ?.exemptions.find((e) => e.code === 'PROTECTION_CLAIM');
      expect(ex?.basis).toMatch(/art\. 4\(2\)/);
      expect(ex?.confirmed).toBe(true);
    }
  });

  it('no legal amount is written as a literal in the source code', () => {
    const amounts = new Set(
      profiles.flatMap((p) => p.rates.flatMap((r) => (r.amountMinor ? [r.amountMinor] : []))),
    );
    const dir = new URL('./', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const code = readFileSync(new URL(f, dir), 'utf8').replace(/_/g, '');
      for (const a of amounts)
        if (a >= 1000)
          expect(new RegExp(`\\b${a}\\b`).test(code), `${f} contains ${a}`).toBe(false);
    }
  });
});

describe('parseJurisdiction refuses bad profiles precisely', () => {
  const base = () =>
    JSON.parse(profileText('uk-iaa-1999-s40')) as Record<string, unknown> & {
      rates: Record<string, unknown>[];
    };
  const problemsOf = (o: unknown) => {
    const r = parseJurisdiction(typeof o === 'string' ? o : JSON.stringify(o));
    return r.ok ? [] : r.problems;
  };

  it('not JSON', () => {
    expect(problemsOf('{ nope')[0]?.code).toBe('PROFILE_NOT_JSON');
  });
  it('unknown source', () => {
    const p = base();
    p.rates[0] = { ...p.rates[0], source: 'nowhere' };
    expect(problemsOf(p)).toContainEqual(
      expect.objectContaining({ code: 'PROFILE_INVALID', where: 'rates.0.source' }),
    );
  });
  it('two rates for one infringement', () => {
    const p = base();
    p.rates.push({ ...p.rates[0] });
    expect(problemsOf(p).some((x) => /more than one rate/.test(x.message))).toBe(true);
  });
  it('a rate with neither amount nor penalty units', () => {
    const p = base();
    delete p.rates[0]?.amountMinor;
    expect(problemsOf(p).some((x) => x.where === 'rates.0')).toBe(true);
  });
  it('penalty units without a penalty-unit value', () => {
    const p = base();
    p.rates[0] = { ...p.rates[0], amountMinor: undefined, penaltyUnits: 10 };
    expect(problemsOf(p).some((x) => x.where === 'rates.0.penaltyUnits')).toBe(true);
  });
  it('a currency that is not ISO 4217', () => {
    expect(problemsOf({ ...base(), currency: 'XXQ' }).some((x) => x.where === 'currency')).toBe(
      true,
    );
  });
  it('a negative or fractional amount', () => {
    const p = base();
    p.rates[0] = { ...p.rates[0], amountMinor: 12.5 };
    expect(problemsOf(p).some((x) => x.where === 'rates.0.amountMinor')).toBe(true);
  });
  it('a wrong schema tag', () => {
    expect(problemsOf({ ...base(), schema: 'other/2' }).some((x) => x.where === 'schema')).toBe(
      true,
    );
  });
});
