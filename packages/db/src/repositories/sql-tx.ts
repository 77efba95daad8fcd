// Raw SQL inside a transaction, whichever way it was opened: a Prisma interactive transaction
// (callers that mix in Prisma calls) or the database's own (`Database.transaction`, used by the
// bulk hot paths where Prisma's per-call work costs more than the statement itself).
import type { Database } from '../database.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { SqlRunner } from '../migrate.ts';

export type SqlTx = Pick<SqlRunner, 'query'>;
export type AnyTx = Prisma.TransactionClient | SqlTx;

export function sqlOf(tx: AnyTx): SqlTx {
  if ('$queryRawUnsafe' in tx)
    return {
      query: <T>(text: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...params),
    };
  return tx;
}

/** What a repository needs for raw SQL: single statements and transactions. */
export interface SqlSource {
  prisma: PrismaClient;
  query: SqlTx['query'];
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
}

/** The `Database` as a repository's source of raw SQL, straight through the driver. */
export function sqlSource(db: Database): SqlSource {
  return {
    prisma: db.prisma,
    query: (text, params) => db.sql.query(text, params),
    transaction: (fn) => db.transaction(fn),
  };
}
