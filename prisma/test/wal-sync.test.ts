/**
 * Durability on SQLite: the app's connection syncs the log at every COMMIT of Prisma's (FULL, not the
 * NORMAL this SQLite build gives a connection opened on a WAL database), and the SQL driver's
 * transactions settle only after an fsync of the log that began after their COMMIT, run off the
 * event loop, with the write lock already free for the next transaction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

import { AsyncLock } from '../src/driver/async-lock';
import { createSqliteDriver, type SqliteDriver } from '../src/driver/sqlite-driver';
import { createWalSync, type SyncFile } from '../src/driver/wal-sync';
import { createTestDatabase, type TestDatabase } from './databases';

/** A sync the test finishes by hand: each call waits until `finish(n)` or `fail(n)`. */
function heldSyncs() {
  const calls: Array<{ fd: number; settle: (error?: Error) => void }> = [];
  const syncFile: SyncFile = (fd) =>
    new Promise<void>((resolve, reject) => calls.push({ fd, settle: (error) => (error ? reject(error) : resolve()) }));
  return {
    syncFile,
    calls,
    finish: (index: number) => calls[index]!.settle(),
    fail: (index: number, error: Error) => calls[index]!.settle(error),
  };
}

/** Lets pending promise callbacks and one I/O turn run. */
const settleTurn = () => new Promise((resolve) => setImmediate(resolve));

function tempWalDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-relay-wal-'));
  const file = path.join(dir, 'test.sqlite');
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.exec('CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL)');
  return {
    file,
    database,
    remove() {
      if (database.open) database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function tracked<T>(promise: Promise<T>) {
  const state = { settled: false, value: undefined as T | undefined, error: undefined as unknown };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('createWalSync', () => {
  let temp: ReturnType<typeof tempWalDatabase>;
  beforeEach(() => {
    temp = tempWalDatabase();
    temp.database.exec('INSERT INTO "Note" ("text") VALUES (\'creates the log\')');
  });
  afterEach(() => temp.remove());

  it('gives a caller who asks while a sync runs the next sync, shared with everyone who asked meanwhile', async () => {
    const held = heldSyncs();
    const wal = createWalSync(temp.file, held.syncFile);
    const first = tracked(wal.sync());
    await settleTurn();
    expect(held.calls).toHaveLength(1);

    const second = tracked(wal.sync());
    const third = tracked(wal.sync());
    held.finish(0);
    await settleTurn();
    // The first sync also synced the directory, once; then the second sync began, for both.
    expect(held.calls).toHaveLength(2);
    held.finish(1);
    await settleTurn();
    expect(first.settled).toBe(true);
    expect(second.settled).toBe(false);
    expect(third.settled).toBe(false);

    expect(held.calls).toHaveLength(3);
    held.finish(2);
    await settleTurn();
    expect([second.settled, third.settled]).toEqual([true, true]);
    expect(held.calls).toHaveLength(3);
    wal.close();
  });

  it('fails the callers of a failed sync and serves the next caller with a new one', async () => {
    const held = heldSyncs();
    const wal = createWalSync(temp.file, held.syncFile);
    const failing = tracked(wal.sync());
    await settleTurn();
    held.fail(0, Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    await settleTurn();
    expect(failing.error).toMatchObject({ code: 'EIO' });

    const next = tracked(wal.sync());
    await settleTurn();
    held.finish(1);
    await settleTurn();
    held.finish(2);
    await settleTurn();
    expect(next).toMatchObject({ settled: true, error: undefined });
    wal.close();
  });
});

describe('the SQLite driver\'s transactions', () => {
  let temp: ReturnType<typeof tempWalDatabase>;
  let driver: SqliteDriver;
  let held: ReturnType<typeof heldSyncs>;

  beforeEach(() => {
    temp = tempWalDatabase();
    held = heldSyncs();
    const connection = { database: temp.database, lock: new AsyncLock() };
    driver = createSqliteDriver(async () => connection, { syncFile: held.syncFile });
  });
  afterEach(() => {
    driver.close();
    temp.remove();
  });

  const insert = (text: string) => driver.transaction((tx) => tx.run('INSERT INTO "Note" ("text") VALUES ($1)', [text]));

  it('settle only after the log is synced, and free the write lock for the next transaction meanwhile', async () => {
    const first = tracked(insert('first'));
    await settleTurn();
    // Committed (another connection sees it), not yet acknowledged: its sync is still running.
    expect(new BetterSqlite3(temp.file, { readonly: true }).prepare('SELECT count(*) AS n FROM "Note"').get()).toEqual({ n: 1 });
    expect(first.settled).toBe(false);
    expect(held.calls).toHaveLength(1);

    const second = tracked(insert('second'));
    await settleTurn();
    expect(temp.database.prepare('SELECT count(*) AS n FROM "Note"').get()).toEqual({ n: 2 });
    expect(second.settled).toBe(false);

    held.finish(0);
    await settleTurn();
    held.finish(1);
    await settleTurn();
    expect(first).toMatchObject({ settled: true, value: 1 });
    // The second committed after the first sync began, so it waits for one of its own.
    expect(second.settled).toBe(false);
    held.finish(2);
    await settleTurn();
    expect(second).toMatchObject({ settled: true, value: 1 });
  });

  it('commit with NORMAL and leave the connection at FULL for Prisma', async () => {
    temp.database.pragma('synchronous = FULL');
    const inside = tracked(driver.transaction(async (tx) => tx.query<{ synchronous: number }>('PRAGMA synchronous')));
    await settleTurn();
    held.finish(0);
    await settleTurn();
    held.finish(1);
    await settleTurn();
    expect(inside.value).toEqual([{ synchronous: 1 }]);
    expect(temp.database.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('reject when the sync fails, with the file system\'s error', async () => {
    const write = tracked(insert('unsynced'));
    await settleTurn();
    held.fail(0, Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    await settleTurn();
    expect(write.error).toMatchObject({ code: 'EIO' });
  });
});

describe('the app\'s SQLite connection', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterAll(() => db.drop());

  it('syncs at every COMMIT of Prisma\'s (FULL), though this SQLite opens WAL databases with NORMAL', async () => {
    const synchronous = await db.db.client.$queryRawUnsafe<Array<{ synchronous: bigint | number }>>('PRAGMA synchronous');
    expect(Number(synchronous[0]?.synchronous)).toBe(2);
    const mode = await db.db.client.$queryRawUnsafe<Array<{ journal_mode: string }>>('PRAGMA journal_mode');
    expect(mode[0]?.journal_mode).toBe('wal');
  });

  it('writes through the driver with the real fsync, and a new connection reads the rows', async () => {
    const at = new Date('2026-12-02T10:00:00.000Z');
    await db.db.sql.transaction((tx) =>
      tx.run('INSERT INTO "Store" ("id", "platform", "domain", "installedAt", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $4, $4)', ['durable', 'shopify', 'durable.myshopify.com', at]),
    );
    const reader = new BetterSqlite3(db.filePath!, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM "Store" WHERE "id" = ?').get('durable')).toEqual({ n: 1 });
    reader.close();
  });
});
