/**
 * Real databases for integration tests, on both providers: a migrated SQLite file in a temp folder,
 * and a PostgreSQL database created for the test file and dropped after it (server from
 * TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 *
 *   forEachDatabase((t) => {
 *     it('stores things', async () => { const db = t.db(); ... });
 *   });
 *
 * Every test in a file shares one database; call `t.reset()` in a beforeEach when tests must not see
 * each other's rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type Provider } from '../src';

/** PostgreSQL drops out only when Jest's global setup found it unreachable outside CI (it says so). */
export const PROVIDERS: Provider[] = process.env.CAPI_TEST_POSTGRES === 'skipped' ? ['sqlite'] : ['sqlite', 'postgresql'];
const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: Database;
  url: string;
  /** Absolute path of the SQLite file (undefined on PostgreSQL). */
  filePath?: string;
  /** Deletes every row (keeps the schema). */
  reset(): Promise<void>;
  /** Closes the connection and removes the database. */
  drop(): Promise<void>;
}

/** Every table of the schema, child tables first: a plain DELETE must not trip a foreign key. */
export const TABLES = ['DataExport', 'DeliveryAttempt', 'OutboxPayload', 'OutboxEvent', 'WebhookReceipt', 'CartState', 'PixelConfig', 'Session', 'ComplianceRequest', 'Store'];

async function deleteAllRows(db: Database): Promise<void> {
  await db.client.$transaction(async (tx) => {
    for (const table of TABLES) await tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
  });
}

/** The path of a SQLite file not created yet, in a temp folder of its own (for tests that migrate it themselves). */
export function tempSqliteFile(prefix: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`)), 'install.sqlite');
}

export interface CreateOptions {
  /** Apply the migrations (default true). */
  migrate?: boolean;
  /** PostgreSQL: the server to create the database on (default TEST_POSTGRES_URL, then the machine's). */
  serverUrl?: string;
}

async function createSqlite({ migrate = true }: CreateOptions): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-relay-test-'));
  const filePath = path.join(dir, 'test.sqlite');
  const url = `file:${filePath}`;
  const db = openDatabase(url);
  if (migrate) await db.migrate();
  return {
    db,
    url,
    filePath,
    reset: () => deleteAllRows(db),
    async drop() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withAdmin<T>(serverUrl: string, run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

async function createPostgres({ migrate = true, serverUrl = process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL }: CreateOptions): Promise<TestDatabase> {
  const name = `capi_relay_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openDatabase(url.toString(), { poolSize: 8 });
  if (migrate) await db.migrate();
  return {
    db,
    url: url.toString(),
    reset: () => deleteAllRows(db),
    async drop() {
      await db.close();
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

export function createTestDatabase(provider: Provider, options: CreateOptions = {}): Promise<TestDatabase> {
  return provider === 'sqlite' ? createSqlite(options) : createPostgres(options);
}

export interface DatabaseTestContext {
  provider: Provider;
  db(): Database;
  testDatabase(): TestDatabase;
  reset(): Promise<void>;
}

/** Declares `body` once per provider, each inside a describe named after it, over a fresh database. */
export function forEachDatabase(body: (t: DatabaseTestContext) => void): void {
  describe.each(PROVIDERS)('%s', (provider) => {
    let handle: TestDatabase | undefined;
    beforeAll(async () => {
      handle = await createTestDatabase(provider);
    });
    afterAll(async () => {
      await handle?.drop();
    });
    const current = (): TestDatabase => {
      if (!handle) throw new Error(`the ${provider} test database is not ready (used outside a test?)`);
      return handle;
    };
    body({ provider, db: () => current().db, testDatabase: current, reset: () => current().reset() });
  });
}
