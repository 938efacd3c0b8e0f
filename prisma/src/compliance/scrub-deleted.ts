import BetterSqlite3 from 'better-sqlite3';
import type { Logger } from '@capi-relay/core';
import type { DatabaseTarget } from '../database-target';

/**
 * After a privacy deletion, makes sure the deleted bytes are gone from the files, not just unlinked.
 * SQLite: `secure_delete` (set on every connection) zeroes the freed pages, but in WAL mode the
 * pre-deletion pages still sit in the write-ahead log and the old page images in the main file until a
 * checkpoint copies the zeroed pages back; a TRUNCATE checkpoint does that and empties the log.
 * PostgreSQL keeps dead row versions until VACUUM reclaims their space (PRIVACY.md says so); nothing
 * to do here.
 */
export async function scrubDeletedContent(target: DatabaseTarget, logger: Logger): Promise<void> {
  if (target.provider !== 'sqlite') return;
  // Its own connection: the Prisma one may be inside another request's transaction right now.
  const db = new BetterSqlite3(target.filePath, { timeout: 10_000 });
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    if (result && result.busy !== 0) {
      logger.warn({ log: result.log, checkpointed: result.checkpointed }, 'privacy deletion: a reader held the log, so deleted pages stay in the SQLite WAL until the next checkpoint');
    }
  } finally {
    db.close();
  }
}
