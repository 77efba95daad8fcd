// Lost/stolen document lists: a CSV (issuing_state,number,status,reported_date) streamed into
// a table in batches of multi-row inserts, then made current for its list in one transaction.
import { NotFoundError, ValidationError } from '@paxguard/domain';
import {
  isStateCode,
  LOST_STOLEN_STATUSES,
  normaliseDocumentNumber,
  parseIsoDate,
} from '@paxguard/documents';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { recordChange, toJson, type Actor } from './reference-change.ts';

export interface LostStolenRow {
  issuingState: string;
  number: string;
  status: string;
  reportedAt: string;
}

export interface LostStolenIssueRow {
  line: number;
  message: string;
}

export interface LostStolenImportResult {
  importId: string;
  listId: string;
  version: string;
  accepted: number;
  rejected: number;
  issues: LostStolenIssueRow[];
}

const BATCH = 5_000;
const MAX_ISSUES = 100;
const STATUSES = new Set<string>(LOST_STOLEN_STATUSES);

/** One CSV line → a row, or why not; the same checks the in-process index builder applies. */
export function parseLostStolenLine(line: string): LostStolenRow | string {
  const cols = line.split(',');
  if (cols.length !== 4) return 'expected 4 columns: issuing_state,number,status,reported_date';
  const [state, number, status, date] = cols.map((c) => c.trim()) as [
    string,
    string,
    string,
    string,
  ];
  if (!isStateCode(state)) return `${state} is not an ICAO state code`;
  const n = normaliseDocumentNumber(number).length;
  if (n < 3 || n > 20) return `document number "${number}" is too short or too long`;
  if (!STATUSES.has(status.toLowerCase())) return `unknown status "${status}"`;
  if (parseIsoDate(date) === null) return `${date} is not a calendar date`;
  return { issuingState: state, number, status: status.toLowerCase(), reportedAt: date };
}

async function* lines(source: AsyncIterable<string | Uint8Array> | string): AsyncGenerator<string> {
  if (typeof source === 'string') {
    yield* source.split('\n');
    return;
  }
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of source) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const parts = rest.split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

export function createLostStolenRepository(prisma: PrismaClient) {
  async function insert(importId: string, firstSeq: number, rows: LostStolenRow[]) {
    // unnest over column arrays: one statement and five parameters per batch, whatever its size.
    await prisma.$executeRawUnsafe(
      `INSERT INTO "ReferenceLostStolenEntry" ("importId","seq","issuingState","number","status","reportedAt")
       SELECT $1::uuid, $2::int + o - 1, s, n, st, d
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS t(s, n, st, d, o)`,
      importId,
      firstSeq,
      rows.map((r) => r.issuingState),
      rows.map((r) => r.number),
      rows.map((r) => r.status),
      rows.map((r) => r.reportedAt),
    );
  }

  /**
   * The rows of the given imports as CSV text (`issuing_state,number,status,reported_date`
   * lines), one chunk per page: the server joins each page into one value, which is several
   * times faster than fetching rows one by one, and it is what the index builder reads.
   */
  async function* csvChunks(
    importIds: readonly string[],
    pageSize = 50_000,
  ): AsyncGenerator<string> {
    for (const importId of importIds) {
      let after = 0;
      for (;;) {
        const [page] = await prisma.$queryRawUnsafe<
          { last: number | null; n: number; csv: string | null }[]
        >(
          `SELECT max("seq") AS last, count(*)::int AS n,
                  string_agg(concat_ws(',', "issuingState", "number", "status", "reportedAt"), E'\n' ORDER BY "seq") AS csv
           FROM (SELECT * FROM "ReferenceLostStolenEntry"
                 WHERE "importId" = $1::uuid AND "seq" > $2 ORDER BY "seq" LIMIT $3) AS page`,
          importId,
          after,
          pageSize,
        );
        if (!page || page.n === 0 || page.csv === null || page.last === null) break;
        yield `${page.csv}\n`;
        if (page.n < pageSize) break;
        after = Number(page.last);
      }
    }
  }

  return {
    /**
     * Streams a CSV into a new import of `listId`; when every batch is in, the import becomes
     * the list's current one (the previous one is superseded and its rows deleted).
     */
    async importCsv(input: {
      listId: string;
      version: string;
      csv: AsyncIterable<string | Uint8Array> | string;
      actor: Actor;
    }): Promise<LostStolenImportResult> {
      const { listId, version, actor } = input;
      if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/.test(listId) || version.trim() === '')
        throw new ValidationError(
          'LS_LIST',
          'list id: letters, digits, . _ @ -; version must not be empty',
        );
      const imp = await prisma.referenceLostStolenImport.create({
        data: { listId, version, status: 'loading', importedBy: actor.id },
      });
      const issues: LostStolenIssueRow[] = [];
      let accepted = 0;
      let rejected = 0;
      let lineNo = 0;
      let batch: LostStolenRow[] = [];
      try {
        for await (const raw of lines(input.csv)) {
          lineNo++;
          const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
          if (line.trim() === '') continue;
          if (lineNo === 1 && line.toLowerCase().startsWith('issuing_state')) continue;
          const r = parseLostStolenLine(line);
          if (typeof r === 'string') {
            rejected++;
            if (issues.length < MAX_ISSUES) issues.push({ line: lineNo, message: r });
            continue;
          }
          batch.push(r);
          if (batch.length === BATCH) {
            await insert(imp.id, accepted + 1, batch);
            accepted += batch.length;
            batch = [];
          }
        }
        if (batch.length > 0) {
          await insert(imp.id, accepted + 1, batch);
          accepted += batch.length;
        }
      } catch (err) {
        await prisma.referenceLostStolenImport.update({
          where: { id: imp.id },
          data: { status: 'failed', finishedAt: new Date() },
        });
        await prisma.referenceLostStolenEntry.deleteMany({ where: { importId: imp.id } });
        throw err;
      }
      if (accepted === 0) {
        await prisma.referenceLostStolenImport.update({
          where: { id: imp.id },
          data: { status: 'failed', rejected, issues: toJson(issues), finishedAt: new Date() },
        });
        throw new ValidationError('LS_EMPTY', 'the file holds no valid lost/stolen entry', {
          issues,
        });
      }
      const stale = await prisma.$transaction(async (tx) => {
        // Rows of the import superseded now stay for a reader of the previous snapshot; those
        // superseded earlier are deleted.
        const older = await tx.referenceLostStolenImport.findMany({
          where: { listId, status: 'superseded' },
          select: { id: true },
        });
        await tx.referenceLostStolenImport.updateMany({
          where: { listId, status: 'current' },
          data: { status: 'superseded' },
        });
        await tx.referenceLostStolenImport.update({
          where: { id: imp.id },
          data: {
            status: 'current',
            accepted,
            rejected,
            issues: toJson(issues),
            finishedAt: new Date(),
          },
        });
        await recordChange(tx, {
          area: 'lost-stolen',
          listId,
          label: version,
          actor,
          action: 'lost-stolen.import',
          subjectType: 'lost-stolen-list',
          subjectId: listId,
          details: { importId: imp.id, version, accepted, rejected },
        });
        return older.map((o) => o.id);
      });
      if (stale.length > 0)
        await prisma.referenceLostStolenEntry.deleteMany({ where: { importId: { in: stale } } });
      return { importId: imp.id, listId, version, accepted, rejected, issues };
    },

    async imports(listId?: string) {
      return prisma.referenceLostStolenImport.findMany({
        where: listId ? { listId } : {},
        orderBy: { createdAt: 'desc' },
        take: 100,
      });
    },

    /** Current imports, one per list. */
    async current() {
      return prisma.referenceLostStolenImport.findMany({
        where: { status: 'current' },
        orderBy: { listId: 'asc' },
      });
    },

    /** Removes a list: its current import is superseded and its rows deleted. */
    async removeList(listId: string, actor: Actor): Promise<void> {
      const ids = await prisma.$transaction(async (tx) => {
        const cur = await tx.referenceLostStolenImport.findMany({
          where: { listId, status: 'current' },
        });
        if (cur.length === 0)
          throw new NotFoundError('LS_NOT_FOUND', `no current lost/stolen list ${listId}`);
        await tx.referenceLostStolenImport.updateMany({
          where: { listId, status: 'current' },
          data: { status: 'superseded' },
        });
        await recordChange(tx, {
          area: 'lost-stolen',
          listId,
          label: 'removed',
          actor,
          action: 'lost-stolen.remove',
          subjectType: 'lost-stolen-list',
          subjectId: listId,
        });
        return cur.map((c) => c.id);
      });
      await prisma.referenceLostStolenEntry.deleteMany({ where: { importId: { in: ids } } });
    },

    csvChunks,

    /** The same rows as objects. */
    async *rows(importIds: readonly string[], pageSize = 50_000): AsyncGenerator<LostStolenRow> {
      for await (const chunk of csvChunks(importIds, pageSize)) {
        for (const line of chunk.split('\n')) {
          if (line === '') continue;
          const [issuingState = '', number = '', status = '', reportedAt = ''] = line.split(',');
          yield { issuingState, number, status, reportedAt };
        }
      }
    },
  };
}
export type LostStolenRepository = ReturnType<typeof createLostStolenRepository>;
