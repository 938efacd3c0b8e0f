/**
 * The fsync of a SQLite write-ahead log, run off the event loop. With `synchronous = FULL`, SQLite
 * syncs the log inside COMMIT: about 300 µs in which the loop answers nobody (measured on this
 * machine's disk, against 65 µs for the COMMIT alone). The driver's transactions commit with
 * `synchronous = NORMAL` instead, which writes the same log frames without syncing them, and then
 * wait here for an `fsync` of the log file on libuv's thread pool. A transaction settles only after
 * a sync that began after its COMMIT, so what it wrote is on disk when its caller hears back, as
 * under FULL; meanwhile the loop serves other requests and the next transaction writes.
 *
 * Syncs coalesce: commits that finish while one sync runs share the next, so a burst pays one or two
 * syncs, not one each. The log is the file SQLite keeps beside the database while a connection is
 * open (`<file>-wal`); it is reset in place, never replaced, until the last connection closes, so the
 * descriptor opened here stays valid for the connection it was opened for. A log created for this
 * connection also needs its directory entry on disk, which SQLite syncs itself under FULL: the first
 * sync here does it too.
 */
import { closeSync, fsync as fsyncCallback, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const fsyncAsync = promisify(fsyncCallback);

export interface WalSync {
  /** Resolves once everything committed before the call is on disk. */
  sync(): Promise<void>;
  close(): void;
}

/** How a descriptor is synced; tests replace it to hold a sync open or make it fail. */
export type SyncFile = (fd: number) => Promise<void>;

export function createWalSync(databaseFile: string, syncFile: SyncFile = fsyncAsync): WalSync {
  let descriptors: { wal: number; directory: number | undefined } | undefined;
  let running: Promise<void> | undefined;
  /** The sync that starts when the running one ends, shared by everyone who asked meanwhile. */
  let next: Promise<void> | undefined;

  function open() {
    descriptors ??= { wal: openSync(`${databaseFile}-wal`, 'r'), directory: openSync(dirname(databaseFile), 'r') };
    return descriptors;
  }

  async function syncOnce(): Promise<void> {
    const files = open();
    await syncFile(files.wal);
    if (files.directory !== undefined) {
      await syncFile(files.directory);
      closeSync(files.directory);
      files.directory = undefined;
    }
  }

  function start(): Promise<void> {
    const started = syncOnce().finally(() => {
      running = undefined;
    });
    running = started;
    return started;
  }

  return {
    sync() {
      if (!running && !next) return start();
      next ??= (running ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => {
          next = undefined;
          return start();
        });
      return next;
    },
    close() {
      if (!descriptors) return;
      closeSync(descriptors.wal);
      if (descriptors.directory !== undefined) closeSync(descriptors.directory);
      descriptors = undefined;
    },
  };
}
