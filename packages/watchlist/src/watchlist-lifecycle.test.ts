import { describe, expect, it } from 'vitest';
import { buildWatchlistIndex } from './watchlist-index.ts';
import { DOCUMENTS, index, lists, NOW, PERSONS, query } from './watchlist-fixtures.test-support.ts';
import type { ClearedTraveller } from './watchlist-schema.ts';

const rashid = {
  names: [{ surname: 'AL-RASHID', given: ['MOHAMMED', 'ALI'] }],
  birthDate: '1980-03-12',
};

describe('thresholds per list', () => {
  it('a stricter list stays silent where a lenient one alerts', () => {
    const input = { names: [{ surname: 'RASHID', given: ['MUHAMMAD'] }], birthDate: '1980-12-03' };
    const lenient = buildWatchlistIndex(lists({ ...PERSONS, thresholds: { alert: 0.7 } }));
    const strict = buildWatchlistIndex(lists({ ...PERSONS, thresholds: { alert: 0.95 } }));
    const hit = lenient.screen(query(input), NOW)[0];
    expect(hit?.entryId).toBe('E-RASHID');
    expect(hit?.threshold).toBe(0.7);
    expect(hit!.score).toBeLessThan(0.95);
    expect(strict.screen(query(input), NOW)).toEqual([]);
  });
});

describe('cleared travellers', () => {
  const clearance: ClearedTraveller = {
    entryId: 'E-RASHID',
    listId: 'national',
    identity: { name: 'Mohammed Ali Al-Rashid', birthDate: '1980-03-12' },
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2026-06-30T00:00:00Z',
    reason: 'Different person, verified against the Syrian civil registry extract',
    clearedBy: 'officer-17',
  };

  it('suppress the known false positive during the stated period only', () => {
    const idx = index({ cleared: [clearance] });
    expect(idx.screen(query(rashid), NOW)).toEqual([]);
    expect(idx.screen(query(rashid), new Date('2025-12-31T23:59:59Z'))[0]?.entryId).toBe(
      'E-RASHID',
    );
    expect(idx.screen(query(rashid), new Date('2026-06-30T00:00:00Z'))[0]?.entryId).toBe(
      'E-RASHID',
    );
  });

  it('do not cover another identity or another entry', () => {
    const idx = index({ cleared: [clearance] });
    expect(idx.screen(query({ ...rashid, birthDate: '1980-12-03' }), NOW)[0]?.entryId).toBe(
      'E-RASHID',
    );
    expect(
      idx.screen(query({ names: ['Hans-Juergen Mueller'], birthDate: '1968-11-23' }), NOW)[0]
        ?.entryId,
    ).toBe('E-MUELLER');
  });

  it('match on a document number too, and can be added later', () => {
    const idx = index();
    idx.addCleared({ ...clearance, identity: { documentNumber: 'P7766554' } });
    const withDoc = query({ ...rashid, documents: [{ number: 'P7766554' }] });
    expect(idx.screen(withDoc, NOW)).toEqual([]);
    expect(idx.stats().cleared).toBe(1);
  });
});

describe('incremental updates', () => {
  it('upsert adds, replaces and reports; remove takes the entry out', () => {
    const idx = buildWatchlistIndex(lists(PERSONS, DOCUMENTS));
    const before = idx.stats().entries;
    const added = idx.upsert(
      {
        id: 'E-NEW',
        names: ['Karimov, Alisher'],
        birthDates: ['1979-04-02'],
        category: 'wanted-person',
        severity: 'high',
      },
      'national',
    );
    expect(added).toEqual({ ok: true, value: { id: 'E-NEW', created: true } });
    const karimov = query({ names: ['Alisher Karimov'], birthDate: '1979-04-02' });
    expect(idx.screen(karimov, NOW)[0]?.entryId).toBe('E-NEW');
    expect(idx.stats().entries).toBe(before + 1);
    expect(idx.stats().deltaPostings).toBeGreaterThan(0);

    const replaced = idx.upsert(
      {
        id: 'E-NEW',
        names: ['Karimov, Alisher'],
        birthDates: ['1961-01-15'],
        category: 'wanted-person',
        severity: 'high',
      },
      'national',
    );
    expect(replaced.ok && replaced.value.created).toBe(false);
    expect(idx.screen(karimov, NOW)).toEqual([]);
    expect(
      idx.screen(query({ names: ['Alisher Karimov'], birthDate: '1961-01-15' }), NOW)[0]?.entryId,
    ).toBe('E-NEW');

    expect(idx.remove('E-NEW')).toBe(true);
    expect(idx.remove('E-NEW')).toBe(false);
    expect(idx.screen(query({ names: ['Alisher Karimov'], birthDate: '1961-01-15' }), NOW)).toEqual(
      [],
    );
    expect(idx.stats().entries).toBe(before);
  });

  it('compact folds the additions into the blocks and keeps every answer', () => {
    const idx = buildWatchlistIndex(lists(PERSONS));
    idx.upsert(
      {
        id: 'E-NEW',
        names: ['Karimov, Alisher'],
        birthDates: ['1979-04-02'],
        category: 'x',
        severity: 'low',
      },
      'national',
    );
    idx.remove('E-ZHANG');
    idx.compact();
    expect(idx.stats().deltaPostings).toBe(0);
    expect(
      idx.screen(query({ names: ['Alisher Karimov'], birthDate: '1979-04-02' }), NOW)[0]?.entryId,
    ).toBe('E-NEW');
    expect(idx.screen(query({ names: ['Zhang Xiaoming'], birthDate: '1992-02-14' }), NOW)).toEqual(
      [],
    );
    expect(idx.screen(query(rashid), NOW)[0]?.entryId).toBe('E-RASHID');
  });

  it('upsert refuses bad entries and unknown lists with typed issues', () => {
    const idx = index();
    const unknown = idx.upsert({ id: 'X', names: ['A B'], category: 'c', severity: 'low' }, 'nope');
    expect(unknown.ok ? undefined : unknown.issues[0]?.code).toBe('UNKNOWN_LIST');
    const absurd = idx.upsert(
      { id: 'X', names: ['A B'], birthDates: ['1980-02-30'], category: 'c', severity: 'low' },
      'national',
    );
    expect(absurd.ok ? undefined : absurd.issues[0]).toMatchObject({
      code: 'ABSURD_DATE',
      path: 'birthDates.0',
    });
    const nameless = idx.upsert({ id: 'X', names: [], category: 'c', severity: 'low' }, 'national');
    expect(nameless.ok ? undefined : nameless.issues[0]?.code).toBe('EMPTY_NAME');
  });
});

describe('entries without a birth date', () => {
  const idx = buildWatchlistIndex(
    lists({
      ...PERSONS,
      entries: [
        {
          id: 'U-1',
          names: ['OKAFOR, Chinedu Emeka'],
          category: 'wanted-person',
          severity: 'high',
        },
      ],
    }),
  );

  it('alert on the full name in any order or spelling of the same sound', () => {
    const hit = idx.screen(
      query({ names: ['Emeka Chinedu Okafor'], birthDate: '1990-01-02' }),
      NOW,
    )[0];
    expect(hit?.entryId).toBe('U-1');
    expect(hit?.explanation.birthDate.rule).toBe('not-compared');
    expect(idx.screen(query({ names: ['OKAFFOR CHINEDU EMEKA'] }), NOW)[0]?.entryId).toBe('U-1');
  });

  it('alert on a name missing a middle name only when the rest is spelt as listed', () => {
    // One listed person: its tokens are rare in this list (for common ones see
    // matching-rules.test.ts, 'middle names on listings without a birth date').
    const [hit] = idx.screen(query({ names: ['Chinedu Okafor'], birthDate: '1990-01-02' }), NOW);
    expect(hit?.entryId).toBe('U-1');
    expect(hit?.explanation.name?.unmatchedListed).toEqual(['EMEKA']);
    expect(idx.screen(query({ names: ['Chinedu Okaffor'], birthDate: '1990-01-02' }), NOW)).toEqual(
      [],
    );
  });

  it('do not alert on a merely similar name', () => {
    expect(
      idx.screen(query({ names: ['OKAFOR CHINEMU EMEKA'], birthDate: '1990-01-02' }), NOW),
    ).toEqual([]);
  });
});
