/**
 * Prisma's PostgreSQL driver adapter (Prisma 6.19, pg 8), made to survive a database restart: two
 * things in it crashed or hung the app when PostgreSQL went away under load.
 *
 * 1. A connection error no one listened to crashed the process. pg emits 'error' on a connection the
 * server ends (PostgreSQL's shutdown sends every session a FATAL message); an EventEmitter with no
 * listener throws that. The pool listens while a connection is idle, the adapter while a transaction
 * runs, but a connection handed to a transaction is unguarded until the adapter's `await` resumes: a
 * FATAL arriving in the same network read as the previous query's result hits that gap. Every pooled
 * connection therefore keeps a listener of its own. Nothing is lost by it: the connection is marked
 * unusable, its next query fails (and with it the transaction), and the pool discards it on release.
 *
 * 2. Transactions ending on a broken connection kept it forever. Prisma ends an interactive
 * transaction by sending COMMIT (or ROLLBACK) as a query, and only when that query succeeds does it
 * call the adapter's commit()/rollback(), which release the pooled connection. When the connection died inside the transaction (PostgreSQL restarted, the backend was
 * terminated, the network dropped), that last query fails and the connection is never released: the
 * pool counts it as in use forever. A few such transactions exhaust the pool; after that every query
 * waits for a free connection that never comes (the app hangs, though the database is back), and
 * `$disconnect` waits for them too (the shutdown hang seen in tests).
 *
 * So a failed COMMIT or ROLLBACK releases the connection itself. Either way the transaction is over:
 * PostgreSQL ends a transaction whose COMMIT fails, and a ROLLBACK only fails on a broken connection,
 * which the pool then discards (it checks whether a released client can still be queried).
 */
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type PgTransaction = Awaited<ReturnType<PgAdapter['startTransaction']>>;

const ENDS_TRANSACTION = new Set(['COMMIT', 'ROLLBACK']);

/** The transaction as Prisma gets it, except that a failed COMMIT or ROLLBACK releases the connection. */
export function releasingOnFailedEnd(transaction: PgTransaction): PgTransaction {
  let released = false;
  const releaseOnce = async (end: () => Promise<void>) => {
    if (released) return;
    released = true;
    await end();
  };
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    async executeRaw(query) {
      try {
        return await transaction.executeRaw(query);
      } catch (error) {
        if (ENDS_TRANSACTION.has(query.sql.trim().toUpperCase())) await releaseOnce(() => transaction.rollback());
        throw error;
      }
    },
    commit: () => releaseOnce(() => transaction.commit()),
    rollback: () => releaseOnce(() => transaction.rollback()),
  };
}

/** An error the connection's query, transaction or pool also reports, or its next query will. */
function alreadyReported(): void {}

const guardedPools = new WeakSet<pg.Pool>();

/**
 * Gives every connection of `pool` an error listener of its own (once per pool): the SQL driver
 * beneath Prisma checks connections out of the same pool, possibly before Prisma connects.
 */
export function guardPoolConnections(pool: pg.Pool): void {
  if (guardedPools.has(pool)) return;
  guardedPools.add(pool);
  // 'connect' fires for each new connection before the pool takes its own idle listener off.
  pool.on('connect', (connection) => connection.on('error', alreadyReported));
  // An idle connection the server ends (a restart, a terminated backend) is dropped from the pool and
  // the next query opens another; unheard, pg-pool's 'error' event would end the process instead.
  pool.on('error', alreadyReported);
}

/** PrismaPg whose connections' errors never crash the process, and whose transactions always release their connection. */
export class ResilientPrismaPg extends PrismaPg {
  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    guardPoolConnections(adapter.underlyingDriver());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releasingOnFailedEnd(await startTransaction(isolationLevel));
    return adapter;
  }
}
