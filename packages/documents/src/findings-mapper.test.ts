import { describe, expect, it } from 'vitest';
import { worstOutcome } from '@paxguard/domain';
import { Finding } from '@paxguard/domain';
import { passport, reference, traveller } from '../test/fixtures.ts';
import { checkTraveller } from './traveller-check.ts';
import { toFindings } from './findings-mapper.ts';
import type { Journey } from './journey.ts';

const j = (destination: string, over: Partial<Journey> = {}): Journey => ({
  destination,
  arrivalDate: '2025-06-01',
  transit: false,
  ...over,
});
const run = (t: ReturnType<typeof traveller>, journey: Journey) =>
  checkTraveller({ traveller: t, journey }, { reference: reference() });

describe('toFindings', () => {
  it.each([
    {
      name: 'expired passport → no-board',
      t: traveller({ documents: [passport({ expiryDate: '2025-01-01' })] }),
      journey: j('FRA'),
      severity: 'no-board',
    },
    {
      name: 'visa required (matrix) → no-board',
      t: traveller({ nationality: 'NGA', documents: [passport({ issuingState: 'NGA' })] }),
      journey: j('DEU'),
      severity: 'no-board',
    },
    {
      name: 'six-month rule (unconfirmed) → refer',
      t: traveller({ documents: [passport({ expiryDate: '2025-08-01' })] }),
      journey: j('THA'),
      severity: 'refer',
    },
    {
      name: 'impossible date (cannot decide) → refer',
      t: traveller({ documents: [passport({ expiryDate: '2024-02-30' })] }),
      journey: j('FRA'),
      severity: 'refer',
    },
    {
      name: 'minor → advisory',
      t: traveller({ birthDate: '2015-01-01', documents: [passport()] }),
      journey: j('FRA'),
      severity: 'advisory',
    },
    {
      name: 'clean → cleared (no finding)',
      t: traveller({ documents: [passport()] }),
      journey: j('FRA'),
      severity: 'cleared',
    },
  ])('$name', ({ t, journey, severity }) => {
    const v = run(t, journey);
    const findings = toFindings(v);
    for (const f of findings) {
      expect(Finding.parse(f)).toEqual(f);
      expect(f.source).toBe('documents');
      expect(f.rule.version).toBe(v.referenceVersion);
    }
    expect(worstOutcome(findings)).toBe(severity);
  });

  it('never lets a cannot-decide verdict clear', () => {
    const v = run(traveller({ documents: [passport({ number: 'C0' })] }), j('FRA'));
    expect(v.decision).toBe('cannot-decide');
    expect(worstOutcome(toFindings(v))).toBe('refer');
    const bare = toFindings({
      ...v,
      reasons: v.reasons.map((r) => ({ ...r, outcome: 'advisory' as const })),
    });
    expect(worstOutcome(bare)).toBe('refer');
  });
});
