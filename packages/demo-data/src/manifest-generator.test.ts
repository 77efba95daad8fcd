import { Manifest } from '@paxguard/domain';
import { describe, expect, it } from 'vitest';
import { generateManifest } from './manifest-generator.ts';

describe('generateManifest', () => {
  const spec = {
    seed: 7,
    carrier: 'PG',
    number: '100',
    date: '2026-12-01',
    origin: 'LHR',
    destination: 'JFK',
    passengers: 50,
    crew: 4,
    expiredShare: 0.1,
  };
  it('is reproducible and valid against the domain schema', () => {
    const a = generateManifest(spec);
    expect(generateManifest(spec)).toEqual(a);
    expect(Manifest.safeParse(a).success).toBe(true);
    expect(a.travellers).toHaveLength(54);
    expect(a.travellers.filter((t) => t.role === 'crew')).toHaveLength(4);
  });
  it('puts expired documents in about the share asked for', () => {
    const m = generateManifest({ ...spec, passengers: 1000, crew: 0 });
    const expired = m.travellers.filter((t) => t.documents[0]!.expiryDate! < spec.date).length;
    expect(expired).toBeGreaterThan(60);
    expect(expired).toBeLessThan(140);
  });
});
