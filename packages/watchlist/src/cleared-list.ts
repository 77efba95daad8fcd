// Known false positives: a cleared traveller identity does not raise a given entry again
// until the clearance expires. The caller passes `now`; nothing here reads a clock.
import { documentKey } from './document-number.ts';
import { normaliseName } from './name-normaliser.ts';
import { parsePartialDate, formatPartialDate } from './partial-date.ts';
import type { WatchlistQuery } from './watchlist-query.ts';
import type { ClearedTraveller } from './watchlist-schema.ts';

interface ClearedIdentity {
  record: ClearedTraveller;
  from: number;
  until: number;
  docKey?: string;
  nameKey?: string;
  birthDate?: string;
}

function nameKeyOf(tokens: readonly { text: string; particle: boolean }[]): string {
  return tokens
    .filter((t) => !t.particle)
    .map((t) => t.text)
    .sort()
    .join(' ');
}

export class ClearedList {
  private readonly byEntry = new Map<string, ClearedIdentity[]>();

  constructor(records: readonly ClearedTraveller[] = []) {
    for (const r of records) this.add(r);
  }

  add(record: ClearedTraveller): void {
    const id = record.identity;
    const docKey = id.documentNumber ? documentKey(id.documentNumber) : undefined;
    const bd = id.birthDate ? parsePartialDate(id.birthDate) : undefined;
    const item: ClearedIdentity = {
      record,
      from: Date.parse(record.validFrom),
      until: Date.parse(record.validUntil),
      ...(docKey ? { docKey } : {}),
      ...(id.name ? { nameKey: nameKeyOf(normaliseName(id.name).tokens) } : {}),
      ...(bd ? { birthDate: formatPartialDate(bd) } : {}),
    };
    const list = this.byEntry.get(record.entryId);
    if (list) list.push(item);
    else this.byEntry.set(record.entryId, [item]);
  }

  get size(): number {
    let n = 0;
    for (const l of this.byEntry.values()) n += l.length;
    return n;
  }

  /** The clearance that suppresses this hit at `now`, if any. */
  find(
    entryId: string,
    listId: string,
    query: WatchlistQuery,
    now: Date,
  ): ClearedTraveller | undefined {
    const list = this.byEntry.get(entryId);
    if (!list) return undefined;
    const t = now.getTime();
    if (Number.isNaN(t)) return undefined;
    for (const c of list) {
      if (c.record.listId && c.record.listId !== listId) continue;
      if (t < c.from || t >= c.until) continue;
      if (c.docKey && query.documents.some((d) => d.key === c.docKey)) return c.record;
      if (c.nameKey === undefined) continue;
      const nameOk = query.names.some((n) => nameKeyOf(n.tokens) === c.nameKey);
      const dateOk =
        c.birthDate === undefined ||
        (query.birthDate !== undefined && formatPartialDate(query.birthDate) === c.birthDate);
      if (nameOk && dateOk) return c.record;
    }
    return undefined;
  }
}
