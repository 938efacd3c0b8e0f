/**
 * Group commit: writes that arrive while a transaction is being written (or in the same event-loop
 * turn) share the next transaction, so many webhooks pay one BEGIN, one COMMIT and one fsync. Each
 * write still stands alone:
 * - it resolves only after the COMMIT that holds it, so a webhook is acknowledged once it is durable;
 * - it fails alone: when anything goes wrong in a batch, the transaction is rolled back and the batch
 *   runs again one write at a time, each in its own savepoint, so a write that throws undoes only
 *   its own rows and only its own caller sees the error (a conflict is retried by that caller alone);
 * - it may therefore be written twice, the first time rolled back; writers derive everything they
 *   write from the item.
 *
 * The first run has no savepoints, which are not free (two round trips each on PostgreSQL; on SQLite
 * two statements that took 40% of a webhook's write), and lets the writer handle the whole batch at
 * once (multi-row statements on PostgreSQL). Failures are rare (a bad row, a cart conflict), so the
 * common batch pays for neither. On SQLite the statements are synchronous, so a batch never yields
 * to the event loop mid-transaction.
 */
import type { SqlDriver, SqlTransaction } from './sql-driver';

/** A transaction shared by a batch of writes. */
export interface GroupTransaction extends SqlTransaction {
  /**
   * The value of `load` for `key`, computed once per transaction: writes of one batch that need
   * the same read (a store's settings version) share it.
   */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export type Outcome<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

export interface GroupWriter<Item, Result> {
  /**
   * The whole batch, in one transaction without savepoints: one outcome per item, in order. It may
   * fail an item it has written nothing for (a stale read found before any write); any other
   * failure must throw, which rolls the batch back for `writeOne`.
   */
  writeAll(tx: GroupTransaction, items: readonly Item[]): Promise<Outcome<Result>[]>;
  /** One item, inside its own savepoint: when it throws, only its writes are undone. */
  writeOne(tx: GroupTransaction, item: Item): Promise<Result>;
}

export interface GroupCommit<Item, Result> {
  /** Writes `item` in the next shared transaction; settles after that transaction ends. */
  submit(item: Item): Promise<Result>;
}

export interface GroupCommitOptions {
  /** Most writes per transaction, so one transaction never holds the lock (or the loop) for long. */
  maxBatch?: number;
}

/** About 50 µs of SQLite work per webhook: 256 keep a transaction near 10 ms at most. */
export const DEFAULT_MAX_BATCH = 256;

interface Pending<Item, Result> {
  item: Item;
  resolve(value: Result): void;
  reject(error: unknown): void;
}

export function createGroupCommit<Item, Result>(sql: SqlDriver, writer: GroupWriter<Item, Result>, options: GroupCommitOptions = {}): GroupCommit<Item, Result> {
  const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  let queue: Pending<Item, Result>[] = [];
  let writing = false;
  let scheduled = false;

  function schedule(): void {
    if (writing || scheduled || queue.length === 0) return;
    scheduled = true;
    // setImmediate, not a microtask: the webhooks read from the sockets in this turn join the batch.
    setImmediate(flush);
  }

  async function flush(): Promise<void> {
    scheduled = false;
    writing = true;
    const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
    queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
    try {
      const outcomes = await runBatch(sql, writer, batch.map((pending) => pending.item));
      batch.forEach((pending, index) => {
        const outcome = outcomes[index] as Outcome<Result>;
        if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    } catch (error) {
      // BEGIN or COMMIT itself failed: nothing of the batch was written.
      for (const pending of batch) pending.reject(error);
    } finally {
      writing = false;
      schedule();
    }
  }

  return {
    submit(item: Item): Promise<Result> {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}

/** Marks the rollback of a batch written at once, so it is not mistaken for a failed COMMIT. */
class BatchFailed extends Error {}

/** One transaction for the batch (two when it must be written one item at a time); outcomes once committed. */
async function runBatch<Item, Result>(sql: SqlDriver, writer: GroupWriter<Item, Result>, items: Item[]): Promise<Outcome<Result>[]> {
  try {
    return await sql.transaction(async (tx) => {
      try {
        return await writer.writeAll(groupTransaction(tx), items);
      } catch {
        throw new BatchFailed();
      }
    });
  } catch (error) {
    if (!(error instanceof BatchFailed)) throw error;
  }
  return sql.transaction(async (tx) => {
    const shared = groupTransaction(tx);
    const outcomes: Outcome<Result>[] = [];
    for (const item of items) {
      try {
        outcomes.push({ ok: true, value: await tx.savepoint(() => writer.writeOne(shared, item)) });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  });
}

function groupTransaction(tx: SqlTransaction): GroupTransaction {
  const loaded = new Map<string, Promise<unknown>>();
  return {
    query: (text, params) => tx.query(text, params),
    run: (text, params) => tx.run(text, params),
    savepoint: (work) => tx.savepoint(work),
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      let value = loaded.get(key) as Promise<T> | undefined;
      if (!value) {
        value = load();
        loaded.set(key, value);
        // A failed read (inside a write's savepoint) is read again by the next write that needs it.
        value.catch(() => loaded.delete(key));
      }
      return value;
    },
  };
}
