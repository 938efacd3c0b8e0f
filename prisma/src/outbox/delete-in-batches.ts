import type { Db, Tx } from '../client';
import { idChunks } from './id-chunks';

/**
 * How a table's matching rows are found and deleted. `remove` gets the ids of one batch and must
 * repeat the match itself, so a row that changed after it was picked (a kept event that became
 * queued again, a cart written again) is left alone.
 */
export interface BatchDeletion {
  pick(tx: Tx, take: number): Promise<{ id: string }[]>;
  remove(tx: Tx, ids: string[]): Promise<{ count: number }>;
}

/**
 * Deletes every matching row, `batchSize` at a time, each batch its own short transaction: a
 * retention pass over a large backlog never holds the outbox's write lock for long. Returns the count.
 */
export async function deleteInBatches(db: Db, batchSize: number, deletion: BatchDeletion): Promise<number> {
  let deleted = 0;
  for (;;) {
    const { picked, removed } = await db.write(async (tx) => {
      const ids = (await deletion.pick(tx, batchSize)).map((row) => row.id);
      let count = 0;
      for (const chunk of idChunks(ids)) count += (await deletion.remove(tx, chunk)).count;
      return { picked: ids.length, removed: count };
    });
    deleted += removed;
    if (picked < batchSize) return deleted;
  }
}
