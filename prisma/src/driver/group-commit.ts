/**
 * Group commit: writes that arrive while a transaction is being written (or in the same event-loop
 * turn) share the next transaction, so many webhooks pay one BEGIN, one COMMIT and one fsync. Each
 * write still stands alone:
 * - it resolves only after the COMMIT that holds it, so a webhook is acknowledged once it is durable;
 * - it fails alone: its work runs inside a savepoint, and when it throws only its own writes are
 *   undone and only its own caller sees the error (a conflict is retried by that caller alone);
 * - its work may run twice (see below), so it must derive everything it writes from its inputs.
 *
 * SQLite: every write runs in a savepoint (no round trip: a savepoint costs microseconds). The
 * batch's statements are synchronous, so the batch never yields to the event loop mid-transaction.
 * PostgreSQL: a savepoint costs two round trips, so a batch first runs without them; when any write
 * throws, the whole transaction is rolled back and the batch runs again, each write in its own
 * savepoint. Errors are rare (a bad row, a cart conflict), so the common batch pays no savepoints.
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

export type GroupWork<T> = (tx: GroupTransaction) => Promise<T>;

export interface GroupCommit {
  /** Runs `work` in the next shared transaction; settles after that transaction ends. */
  run<T>(work: GroupWork<T>): Promise<T>;
}

export interface GroupCommitOptions {
  /** Most writes per transaction, so one transaction never holds the lock (or the loop) for long. */
  maxBatch?: number;
}

/** About 50 µs of SQLite work per webhook: 256 keep a transaction near 10 ms at most. */
export const DEFAULT_MAX_BATCH = 256;

interface Pending {
  work: GroupWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function createGroupCommit(sql: SqlDriver, options: GroupCommitOptions = {}): GroupCommit {
  const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  let queue: Pending[] = [];
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
      const outcomes = await runBatch(sql, batch);
      batch.forEach((pending, index) => {
        const outcome = outcomes[index] as Outcome;
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
    run<T>(work: GroupWork<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work: work as GroupWork<unknown>, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
  };
}

/** One transaction for the batch; resolves to each write's outcome, in order, once it committed. */
async function runBatch(sql: SqlDriver, batch: Pending[]): Promise<Outcome[]> {
  if (sql.provider === 'postgresql') {
    const fast = await withoutSavepoints(sql, batch);
    if (fast) return fast;
  }
  return sql.transaction(async (tx) => {
    const shared = groupTransaction(tx);
    const outcomes: Outcome[] = [];
    for (const pending of batch) {
      try {
        outcomes.push({ ok: true, value: await tx.savepoint(() => pending.work(shared)) });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  });
}

/** Marks the rollback of an optimistic batch, so it is not mistaken for a failed COMMIT. */
class BatchNeedsSavepoints extends Error {}

/**
 * The batch with no savepoints: the outcomes once committed, or undefined when a write threw and the
 * transaction was rolled back (the caller runs the batch again with savepoints).
 */
async function withoutSavepoints(sql: SqlDriver, batch: Pending[]): Promise<Outcome[] | undefined> {
  try {
    return await sql.transaction(async (tx) => {
      const shared = groupTransaction(tx);
      const outcomes: Outcome[] = [];
      for (const pending of batch) {
        try {
          outcomes.push({ ok: true, value: await pending.work(shared) });
        } catch {
          throw new BatchNeedsSavepoints();
        }
      }
      return outcomes;
    });
  } catch (error) {
    if (error instanceof BatchNeedsSavepoints) return undefined;
    throw error;
  }
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
