import { describe, expect, it } from 'vitest';
import type { Traveller } from '@paxguard/domain';
import { Finding } from '@paxguard/domain';
import { hitsToFindings } from './finding-mapper.ts';
import { index, NOW, PERSONS } from './watchlist-fixtures.test-support.ts';
import { makeWatchlistQuery, queryFromTraveller } from './watchlist-query.ts';
import { parseClearedList, parseWatchlist } from './watchlist-schema.ts';

const codes = (r: { ok: boolean; issues?: { code: string }[] }) =>
  r.ok ? [] : (r.issues ?? []).map((i) => i.code);

describe('parseWatchlist', () => {
  it('accepts the fixture list and applies defaults', () => {
    const r = parseWatchlist({ ...PERSONS, thresholds: undefined });
    expect(r.ok && r.value.thresholds.alert).toBe(0.8);
  });

  it('turns bad input into typed issues with a path, never an exception', () => {
    const entry = {
      id: 'E1',
      names: ['   '],
      birthDates: ['1799-13-40'],
      category: 'x',
      severity: 'high',
    };
    const r = parseWatchlist({
      ...PERSONS,
      entries: [entry, { ...entry, names: ['Ok Name'], birthDates: [] }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'EMPTY_NAME', path: 'entries.0.names.0' }),
        expect.objectContaining({ code: 'ABSURD_DATE', path: 'entries.0.birthDates.0' }),
        expect.objectContaining({ code: 'DUPLICATE_ENTRY', path: 'entries.1.id' }),
      ]),
    );
    expect(codes(parseWatchlist(null))).toEqual(['INVALID_LIST']);
    expect(codes(parseWatchlist({ ...PERSONS, thresholds: { alert: 0.3 } }))).toEqual([
      'INVALID_LIST',
    ]);
  });

  it('refuses person entries without a name and document entries without a number', () => {
    expect(
      codes(parseWatchlist({ ...PERSONS, entries: [{ id: 'a', category: 'c', severity: 'low' }] })),
    ).toEqual(['EMPTY_NAME']);
    const docs = {
      id: 'd',
      name: 'd',
      version: '1',
      kind: 'documents',
      entries: [{ id: 'a', category: 'c', severity: 'low' }],
    };
    expect(codes(parseWatchlist(docs))).toEqual(['INVALID_LIST']);
  });

  it('validates cleared records: identity required, a forward period', () => {
    const base = {
      entryId: 'E',
      identity: { name: 'A B' },
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2026-02-01T00:00:00Z',
      reason: 'r',
      clearedBy: 'o',
    };
    expect(parseClearedList([base]).ok).toBe(true);
    expect(codes(parseClearedList([{ ...base, identity: {} }]))).toEqual([
      'INVALID_CLEARED_RECORD',
    ]);
    expect(codes(parseClearedList([{ ...base, validUntil: '2025-01-01T00:00:00Z' }]))).toEqual([
      'INVALID_CLEARED_RECORD',
    ]);
  });
});

describe('makeWatchlistQuery', () => {
  it('refuses empty names and absurd dates with typed issues', () => {
    expect(codes(makeWatchlistQuery({ names: ['<<< ,'] }))).toEqual(['EMPTY_NAME']);
    expect(codes(makeWatchlistQuery({ names: [] }))).toEqual(['EMPTY_NAME']);
    expect(codes(makeWatchlistQuery({ names: ['Ali Hassan'], birthDate: '2099-02-29' }))).toEqual([
      'ABSURD_DATE',
    ]);
    expect(codes(makeWatchlistQuery({ names: ['Ali Hassan'], birthDate: '0000-01-01' }))).toEqual([
      'ABSURD_DATE',
    ]);
    expect(codes(makeWatchlistQuery({ names: ['Ali Hassan'], birthDate: '12/03/1980' }))).toEqual([
      'ABSURD_DATE',
    ]);
  });

  it('accepts a document-only query', () => {
    expect(makeWatchlistQuery({ names: [], documents: [{ number: 'XK800S521' }] }).ok).toBe(true);
  });
});

describe('queryFromTraveller', () => {
  const traveller: Traveller = {
    role: 'passenger',
    name: { surname: 'AL RASHID', given: ['MOHAMMED'] },
    birthDate: '1980-03-12',
    references: {},
    documents: [
      {
        type: 'P',
        number: 'N0123456',
        issuingState: 'SYR',
        holderNationality: 'SYR',
        mrz: [
          'P<SYRAL<RASHID<<MOHAMMED<ALI<<<<<<<<<<<<<<<<<',
          'N0123456<0SYR8003126M3001012<<<<<<<<<<<<<<02',
        ],
      },
    ],
  };

  it('takes the names (reported and MRZ), date, nationality and documents', () => {
    const r = queryFromTraveller(traveller);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.names.map((n) => n.display)).toEqual([
      'AL RASHID, MOHAMMED',
      'AL RASHID, MOHAMMED ALI',
    ]);
    expect(r.value.nationality).toBe('SYR');
    expect(r.value.documents[0]?.number).toBe('N0123456');
    const hits = index().screen(r.value, NOW);
    expect(hits[0]?.entryId).toBe('E-RASHID');
    expect(hits[0]?.explanation.document?.how).toBe('exact');
  });

  it('reports an absurd birth date instead of screening silently', () => {
    expect(codes(queryFromTraveller({ ...traveller, birthDate: '1980-02-31' }))).toEqual([
      'ABSURD_DATE',
    ]);
  });
});

describe('hitsToFindings', () => {
  it('maps every hit to a refer finding with the list version and the explanation', () => {
    const q = makeWatchlistQuery({
      names: ['Mohammed Al-Rashid'],
      birthDate: '1980-03-12',
      documents: [{ number: 'XK8OO5521' }],
    });
    if (!q.ok) throw new Error('query');
    const hits = index().screen(q.value, NOW);
    const findings = hitsToFindings(hits, { national: 'v42' });
    expect(findings.length).toBe(2);
    for (const f of findings) {
      expect(Finding.safeParse(f).success).toBe(true);
      expect(f.severity).toBe('refer');
      expect(f.source).toBe('watchlist');
    }
    const person = findings.find((f) => f.rule.id === 'national');
    expect(person?.rule.version).toBe('v42');
    expect(person?.code).toBe('WATCHLIST_MATCH');
    expect(person?.message).toMatch(/E-RASHID/);
    const doc = findings.find((f) => f.rule.id === 'lost-stolen');
    expect(doc?.code).toBe('WATCHLIST_DOCUMENT_MATCH');
    expect(doc?.rule.version).toBe('7');
    expect(hitsToFindings(hits, 'all-v1').every((f) => f.rule.version === 'all-v1')).toBe(true);
  });
});
