/**
 * Counts the transactions a SQL driver opens while `work` runs, for tests that must tell one group
 * transaction from a batch written again delivery by delivery. The driver object is patched and
 * restored, so code holding it (the outbox's group commit) is counted too.
 */
import type { SqlDriver } from '../src/driver/sql-driver';

export async function countTransactions<T>(sql: SqlDriver, work: () => Promise<T>): Promise<{ result: T; transactions: number }> {
  const transaction = sql.transaction;
  const original = transaction.bind(sql);
  let transactions = 0;
  sql.transaction = (inner) => {
    transactions += 1;
    return original(inner);
  };
  try {
    return { result: await work(), transactions };
  } finally {
    sql.transaction = transaction;
  }
}
