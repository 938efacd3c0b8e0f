/**
 * Group commit on both databases: writes of one turn share one transaction, each settles after the
 * COMMIT that holds it (its rows are then visible to another connection), a write that throws undoes
 * only its own rows, and writes arriving while a transaction is open wait for the next one.
 */
import pg from 'pg';
import BetterSqlite3 from 'better-sqlite3';
import { createGroupCommit, type GroupCommit, type GroupTransaction, type GroupWriter } from '../src/driver/group-commit';
import type { SqlDriver } from '../src/driver/sql-driver';
import { forEachDatabase, type TestDatabase } from './databases';

/** A write as these tests submit it: any work on the shared transaction. */
type Work<T = unknown> = (tx: GroupTransaction) => Promise<T>;

/** A writer that runs each item's work, in order, the way record()'s SQLite writer does. */
const workWriter: GroupWriter<Work, unknown> = {
  async writeAll(tx, works) {
    const outcomes = [];
    for (const work of works) outcomes.push({ ok: true as const, value: await work(tx) });
    return outcomes;
  },
  writeOne: (tx, work) => work(tx),
};

function workGroup(sql: SqlDriver): { run<T>(work: Work<T>): Promise<T> } {
  const group: GroupCommit<Work, unknown> = createGroupCommit(sql, workWriter);
  return { run: <T>(work: Work<T>) => group.submit(work) as Promise<T> };
}

const AT = new Date('2026-11-27T10:15:30.123Z');

function insertStore(tx: GroupTransaction, id: string): Promise<number> {
  return tx.run('INSERT INTO "Store" ("id", "platform", "domain", "installedAt", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $4, $4)', [id, 'shopify', `${id}.myshopify.com`, AT]);
}

/** Counts the transactions the driver opens, through a copy of it. */
function countingTransactions(sql: SqlDriver): { driver: SqlDriver; transactions: () => number } {
  let transactions = 0;
  return {
    driver: { ...sql, transaction: (work) => ((transactions += 1), sql.transaction(work)) },
    transactions: () => transactions,
  };
}

/** Store ids as another connection sees them: only committed rows. */
async function committedStoreIds(database: TestDatabase): Promise<string[]> {
  if (database.filePath) {
    const other = new BetterSqlite3(database.filePath, { readonly: true });
    try {
      return (other.prepare('SELECT "id" FROM "Store" ORDER BY "id"').all() as { id: string }[]).map((row) => row.id);
    } finally {
      other.close();
    }
  }
  const other = new pg.Client({ connectionString: database.url });
  await other.connect();
  try {
    return (await other.query<{ id: string }>('SELECT "id" FROM "Store" ORDER BY "id"')).rows.map((row) => row.id);
  } finally {
    await other.end();
  }
}

forEachDatabase((t) => {
  beforeEach(() => t.reset());

  it('writes the deliveries of one turn in one transaction, each settled once committed, each failing alone', async () => {
    const counted = countingTransactions(t.db().sql);
    const group = workGroup(counted.driver);
    const settled = await Promise.allSettled(
      ['a', 'b', 'bad', 'c'].map((id) =>
        group.run(async (tx) => {
          await insertStore(tx, id);
          // Its own row is written before it fails: the savepoint must take it back alone.
          if (id === 'bad') await insertStore(tx, 'a');
          return id;
        }),
      ),
    );
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await committedStoreIds(t.testDatabase())).toEqual(['a', 'b', 'c']);
    // The batch written at once rolled back, then once more, each write in its savepoint.
    expect(counted.transactions()).toBe(2);
  });

  it('runs a batch without a failure in a single transaction', async () => {
    const counted = countingTransactions(t.db().sql);
    const group = workGroup(counted.driver);
    await Promise.all(['a', 'b', 'c'].map((id) => group.run((tx) => insertStore(tx, id))));
    expect(counted.transactions()).toBe(1);
    expect(await committedStoreIds(t.testDatabase())).toEqual(['a', 'b', 'c']);
  });

  it('resolves a write only after its COMMIT: its row is visible to another connection by then', async () => {
    const group = workGroup(t.db().sql);
    const seen: string[][] = [];
    await Promise.all(
      ['a', 'b'].map(async (id) => {
        await group.run((tx) => insertStore(tx, id));
        seen.push(await committedStoreIds(t.testDatabase()));
      }),
    );
    expect(seen).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('puts a write arriving while a transaction is open into the next transaction', async () => {
    const counted = countingTransactions(t.db().sql);
    const group = workGroup(counted.driver);
    let open!: () => void;
    let finish!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const held = new Promise<void>((resolve) => (finish = resolve));
    const first = group.run(async (tx) => {
      await insertStore(tx, 'first');
      open();
      await held;
    });
    await opened;
    const order: string[] = [];
    const second = group.run((tx) => insertStore(tx, 'second')).then(() => order.push('second committed'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    order.push('first released');
    finish();
    await Promise.all([first, second]);
    expect(order).toEqual(['first released', 'second committed']);
    expect(counted.transactions()).toBe(2);
    expect(await committedStoreIds(t.testDatabase())).toEqual(['first', 'second']);
  });

  it('shares a read between the writes of one transaction with once()', async () => {
    const group = workGroup(t.db().sql);
    let reads = 0;
    const read = () => {
      reads += 1;
      return Promise.resolve(42);
    };
    const values = await Promise.all([1, 2, 3].map(() => group.run((tx) => tx.once('answer', read))));
    expect(values).toEqual([42, 42, 42]);
    expect(reads).toBe(1);
  });

  it('settles an item the writer fails before writing it, without running the batch again', async () => {
    const counted = countingTransactions(t.db().sql);
    const refusing: GroupWriter<string, string> = {
      async writeAll(tx, ids) {
        const outcomes = [];
        for (const id of ids) {
          if (id === 'stale') outcomes.push({ ok: false as const, error: new Error('stale read') });
          else outcomes.push({ ok: true as const, value: (await insertStore(tx, id), id) });
        }
        return outcomes;
      },
      writeOne: async (tx, id) => (await insertStore(tx, id), id),
    };
    const group = createGroupCommit(counted.driver, refusing);
    const settled = await Promise.allSettled(['a', 'stale', 'b'].map((id) => group.submit(id)));
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(counted.transactions()).toBe(1);
    expect(await committedStoreIds(t.testDatabase())).toEqual(['a', 'b']);
  });

  it('fails every write of a batch whose COMMIT fails, and goes on with the next batch', async () => {
    let failCommit = true;
    const sql = t.db().sql;
    const failing: SqlDriver = {
      ...sql,
      transaction: (work) =>
        sql.transaction(async (tx) => {
          const result = await work(tx);
          if (failCommit) {
            failCommit = false;
            throw new Error('commit refused');
          }
          return result;
        }),
    };
    const group = workGroup(failing);
    const first = await Promise.allSettled(['a', 'b'].map((id) => group.run((tx) => insertStore(tx, id))));
    expect(first.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    await group.run((tx) => insertStore(tx, 'c'));
    expect(await committedStoreIds(t.testDatabase())).toEqual(['c']);
  });
});
