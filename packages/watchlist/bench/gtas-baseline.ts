// A GTAS-style matcher for comparison: exact first/last/birth-date keys plus Double
// Metaphone blocking and Jaro-Winkler ≥ 0.95 on the full name, as GTAS's watchlist rules do.
import { doubleMetaphone } from 'double-metaphone';
import { jaroWinkler } from '../src/string-similarity.ts';
import type { Watchlist } from '../src/watchlist-schema.ts';

interface Row {
  id: string;
  full: string;
  dob?: string;
}

const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** GTAS keeps first and last name fields; a comma splits a listed "SURNAME, GIVEN". */
function split(name: string | { surname: string; given: string[] }): {
  first: string;
  last: string;
} {
  if (typeof name !== 'string')
    return { first: plain(name.given[0] ?? ''), last: plain(name.surname) };
  const [a, b] = name.includes(',') ? name.split(',') : [name.split(' ').pop() ?? '', name];
  return { first: plain((b ?? '').trim().split(' ')[0] ?? ''), last: plain(a ?? '') };
}

export class GtasBaseline {
  private readonly exact = new Map<string, string[]>();
  private readonly dm = new Map<string, Row[]>();

  constructor(lists: readonly Watchlist[]) {
    for (const l of lists) {
      if (l.kind !== 'persons') continue;
      for (const e of l.entries) {
        for (const n of e.names) {
          const { first, last } = split(n);
          if (!first || !last) continue;
          const dob = e.birthDates[0];
          const ek = `${first}|${last}|${dob ?? ''}`;
          const xs = this.exact.get(ek);
          if (xs) xs.push(e.id);
          else this.exact.set(ek, [e.id]);
          const key = `${doubleMetaphone(first)[0]}|${doubleMetaphone(last)[0]}`;
          const row: Row = { id: e.id, full: `${first} ${last}`, ...(dob ? { dob } : {}) };
          const rows = this.dm.get(key);
          if (rows) rows.push(row);
          else this.dm.set(key, [row]);
        }
      }
    }
  }

  screen(name: { surname: string; given: string[] }, dob: string | undefined): string[] {
    const { first, last } = split(name);
    if (!first || !last) return [];
    const out = new Set<string>(this.exact.get(`${first}|${last}|${dob ?? ''}`) ?? []);
    const full = `${first} ${last}`;
    for (const r of this.dm.get(`${doubleMetaphone(first)[0]}|${doubleMetaphone(last)[0]}`) ?? []) {
      const dateOk =
        !r.dob || !dob || r.dob === dob || (r.dob.length === 4 && dob.startsWith(r.dob));
      if (dateOk && jaroWinkler(full, r.full) >= 0.95) out.add(r.id);
    }
    return [...out];
  }
}
