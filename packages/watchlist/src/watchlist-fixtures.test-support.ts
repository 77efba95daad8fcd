// Small lists shared by the unit tests: a persons list in several origins and scripts,
// and a lost/stolen documents list.
import { buildWatchlistIndex, type WatchlistIndexOptions } from './watchlist-index.ts';
import { makeWatchlistQuery, type WatchlistQueryInput } from './watchlist-query.ts';
import { parseWatchlist, type Watchlist, type WatchlistInput } from './watchlist-schema.ts';

export const NOW = new Date('2026-03-01T12:00:00Z');

export const PERSONS: WatchlistInput = {
  id: 'national',
  name: 'National watchlist',
  version: '2026-02-28',
  kind: 'persons',
  thresholds: { alert: 0.8 },
  entries: [
    {
      id: 'E-RASHID',
      names: ['AL-RASHID, Mohammed Ali', 'محمد علي الرشيد'],
      birthDates: ['1980-03-12'],
      nationalities: ['SYR'],
      documents: [{ number: 'N0123456', issuingState: 'SYR' }],
      category: 'smuggling-facilitator',
      severity: 'high',
    },
    {
      id: 'E-SHEVCHENKO',
      names: [{ surname: 'Шевченко', given: ['Юрий', 'Петрович'] }],
      birthDates: ['1975'],
      nationalities: ['UKR'],
      category: 'immigration-violation',
      severity: 'medium',
    },
    {
      id: 'E-ABDULRAHMAN',
      names: ['Abd al-Rahman Hassan Mahmoud'],
      birthDates: ['1990-07-04'],
      nationalities: ['EGY'],
      category: 'wanted-person',
      severity: 'high',
    },
    {
      id: 'E-MUELLER',
      names: [{ surname: 'Müller', given: ['Hans-Jürgen'] }],
      birthDates: ['1968-11-23'],
      nationalities: ['DEU'],
      category: 'document-fraud',
      severity: 'low',
    },
    {
      id: 'E-PAPADOPOULOS',
      names: ['Παπαδόπουλος Γεώργιος'],
      birthDates: ['1959-05-30'],
      nationalities: ['GRC'],
      category: 'wanted-person',
      severity: 'critical',
    },
    {
      id: 'E-GARCIA',
      names: [{ surname: 'García Núñez', given: ['José', 'Luis'] }],
      birthDates: ['1985-01-01'],
      nationalities: ['ESP'],
      category: 'smuggling-facilitator',
      severity: 'high',
    },
    {
      id: 'E-ZHANG',
      names: ['ZHANG, Xiaoming'],
      birthDates: ['1992-02-14'],
      nationalities: ['CHN'],
      category: 'immigration-violation',
      severity: 'medium',
    },
  ],
};

export const DOCUMENTS: WatchlistInput = {
  id: 'lost-stolen',
  name: 'Lost and stolen documents',
  version: '7',
  kind: 'documents',
  thresholds: { alert: 0.9 },
  entries: [
    {
      id: 'D-1',
      documents: [{ number: 'XK8OO5521', issuingState: 'NGA' }],
      category: 'lost-stolen-document',
      severity: 'high',
    },
  ],
};

export function lists(...inputs: WatchlistInput[]): Watchlist[] {
  return inputs.map((i) => {
    const r = parseWatchlist(i);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value;
  });
}

export function index(options?: WatchlistIndexOptions) {
  return buildWatchlistIndex(lists(PERSONS, DOCUMENTS), options);
}

export function query(input: WatchlistQueryInput) {
  const r = makeWatchlistQuery(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** One listed person for a rules test: one name, an optional birth date, one nationality. */
export const person = (
  id: string,
  name: string,
  birthDate: string | undefined,
  nationality: string,
) => ({
  id,
  names: [name],
  birthDates: birthDate ? [birthDate] : [],
  nationalities: [nationality],
  category: 'wanted-person',
  severity: 'high' as const,
});

/**
 * A small persons list for a rules test, and a function giving the ids of the entries a
 * traveller hits.
 */
export function rulesList(id: string, entries: ReturnType<typeof person>[]) {
  const idx = buildWatchlistIndex(
    lists({ id, name: id, version: '1', kind: 'persons', thresholds: { alert: 0.8 }, entries }),
  );
  return (input: WatchlistQueryInput) => idx.screen(query(input), NOW).map((h) => h.entryId);
}
