import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateManifest } from '@paxguard/demo-data';
import { travellerHash, type Traveller } from '@paxguard/domain';
import { airportStates } from '@paxguard/geo';
import { buildScreeningReference, createScreener } from './index.ts';

const DOCS = new URL('../../documents/data/', import.meta.url);
const visaMatrixCsv = readFileSync(
  new URL('visa-requirements/passport-index-tidy-iso3.csv', DOCS),
  'utf8',
);
const entryRules = readFileSync(new URL('entry-rules.json', DOCS), 'utf8');

const manifest = generateManifest({
  seed: 9,
  carrier: 'PG',
  number: '9',
  date: '2026-12-10',
  origin: 'LHR',
  destination: 'JFK',
  passengers: 40,
  crew: 2,
});
const now = new Date('2026-12-09T12:00:00Z');
const watched = manifest.travellers[3]!;

function reference(extraVersion = '1') {
  const { reference, problems } = buildScreeningReference({
    visaMatrixCsv,
    entryRulesFiles: [entryRules],
    airportStates: airportStates(),
    watchlists: [
      {
        id: 'persons',
        name: 'Persons of interest',
        version: extraVersion,
        kind: 'persons',
        thresholds: { alert: 0.85 },
        entries: [
          {
            id: 'w1',
            names: [{ surname: watched.name.surname, given: watched.name.given }],
            birthDates: [watched.birthDate!],
            nationalities: [],
            documents: [],
            category: 'smuggling-facilitator',
            severity: 'high',
          },
        ],
      },
    ],
  });
  expect(problems).toEqual([]);
  return reference!;
}

const assess = (screener: ReturnType<typeof createScreener>, t: Traveller) =>
  screener.assess({ traveller: t, manifest, travellerHash: travellerHash(t), now });

describe('screener', () => {
  const screener = createScreener(reference());

  it('clears a traveller with a valid passport and no hits (US citizen to the US)', () => {
    const usCitizen = manifest.travellers.find((t) => t.nationality === 'USA' && t !== watched)!;
    const a = assess(screener, usCitizen);
    expect(a.findings.filter((f) => f.severity !== 'cleared' && f.severity !== 'advisory')).toEqual(
      [],
    );
    expect(['cleared', 'advisory']).toContain(a.outcome);
    expect(a.answer).toBe('board');
  });

  it('says no-board for an expired passport, with the rule and its version', () => {
    const t: Traveller = {
      ...manifest.travellers[0]!,
      documents: [{ ...manifest.travellers[0]!.documents[0]!, expiryDate: '2026-01-01' }],
    };
    const a = assess(screener, t);
    expect(a.outcome).toBe('no-board');
    expect(a.answer).toBe('no-board');
    const f = a.findings.find((x) => x.severity === 'no-board')!;
    expect(f.source).toBe('documents');
    expect(f.rule.version).toMatch(/entry-rules@/);
  });

  it('refers a watchlist hit to a person and tells the carrier to contact the authority', () => {
    const a = assess(screener, watched);
    const hit = a.findings.find((f) => f.source === 'watchlist');
    expect(hit?.severity).toBe('refer');
    expect(['refer', 'no-board']).toContain(a.outcome);
    if (a.outcome === 'refer') expect(a.answer).toBe('contact-authority');
  });

  it('gives the same input the same key, and a new reference version a new key', () => {
    const t = manifest.travellers[5]!;
    expect(assess(screener, t).inputHash).toBe(assess(screener, t).inputHash);
    expect(assess(createScreener(reference('2')), t).inputHash).not.toBe(
      assess(screener, t).inputHash,
    );
  });

  it('turns an unreadable traveller into findings, never an exception', () => {
    const broken = {
      ...manifest.travellers[0]!,
      name: { surname: '', given: [] },
      documents: [],
      debarkation: 'Q9Q',
    } as Traveller;
    const a = assess(screener, broken);
    expect(a.findings.length).toBeGreaterThan(0);
    expect(a.outcome).not.toBe('cleared');
  });
});
