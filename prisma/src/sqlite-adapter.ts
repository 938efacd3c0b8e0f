import type Database from 'better-sqlite3';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { AsyncLock } from './driver/async-lock';
import type { SqliteConnection } from './driver/sqlite-driver';

type SqliteAdapterFactory = Pick<PrismaBetterSQLite3, 'provider' | 'adapterName' | 'connect' | 'connectToShadowDb'>;
type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type AdapterTransaction = Awaited<ReturnType<SqliteAdapter['startTransaction']>>;

/**
 * Without `secure_delete`, SQLite only marks a deleted row's bytes as free: a redacted customer's IP,
 * user agent and hashes stay readable in the file until the page is reused. With it, deleted content
 * is overwritten with zeros. `temp_store = MEMORY` keeps statement journals (the page images a
 * multi-row UPDATE inside a transaction saves, customer data included) out of temporary files: the
 * worker's 1,000-row writes spent 14% of their time in those files' write calls. `synchronous =
 * FULL` syncs the log at every COMMIT: better-sqlite3's SQLite is built with
 * DEFAULT_WAL_SYNCHRONOUS=1, so a connection opened on a database already in WAL mode would
 * otherwise run with NORMAL, where a committed write survives a crash of the process but not of the
 * machine. The SQL driver's transactions sync off the loop instead (driver/wal-sync.ts). The pragmas
 * hold per connection, so they are set on every connection the adapter opens.
 */
const CONNECTION_PRAGMAS = 'PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY; PRAGMA synchronous = FULL;';

export interface SqliteAdapterHandle {
  factory: SqliteAdapterFactory;
  /** The connection Prisma uses (opened by Prisma's first query), for the SQL driver beneath it. */
  connection(): Promise<SqliteConnection>;
}

/**
 * Prisma's adapter with two additions: the pragmas above, and a lock around its transactions that
 * the SQL driver shares, since both run on the one connection.
 */
export function createSqliteAdapter(filePath: string, connectPrisma: () => Promise<void>): SqliteAdapterHandle {
  // better-sqlite3's `timeout` is SQLite's busy timeout: wait for another process's write lock.
  const prismaFactory = new PrismaBetterSQLite3({ url: `file:${filePath}`, timeout: 5_000 });
  const lock = new AsyncLock();
  let current: SqliteConnection | undefined;

  const factory: SqliteAdapterFactory = {
    provider: prismaFactory.provider,
    adapterName: prismaFactory.adapterName,
    async connect() {
      const adapter = await prismaFactory.connect();
      await adapter.executeScript(CONNECTION_PRAGMAS);
      current = { database: (adapter as unknown as { client: Database.Database }).client, lock };
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => {
        const release = await lock.acquire();
        try {
          return releasingOnEnd(await startTransaction(isolationLevel), release);
        } catch (error) {
          release();
          throw error;
        }
      };
      return adapter;
    },
    connectToShadowDb: () => prismaFactory.connectToShadowDb(),
  };

  return {
    factory,
    async connection() {
      if (!current?.database.open) await connectPrisma();
      if (!current) throw new Error('The SQLite connection did not open');
      return current;
    },
  };
}

function releasingOnEnd(transaction: AdapterTransaction, release: () => void): AdapterTransaction {
  const commit = transaction.commit.bind(transaction);
  const rollback = transaction.rollback.bind(transaction);
  transaction.commit = async () => {
    try {
      await commit();
    } finally {
      release();
    }
  };
  transaction.rollback = async () => {
    try {
      await rollback();
    } finally {
      release();
    }
  };
  return transaction;
}
