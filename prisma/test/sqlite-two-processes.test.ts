import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createTestDatabase, type TestDatabase } from './databases';

/**
 * The web server and the worker may share one SQLite file from two processes. A second process keeps
 * committing small write transactions while this one runs transactions that read before they write
 * (Prisma's upsert does): none may fail with SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT.
 */
const OTHER_PROCESS = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { timeout: 10000 });
const insert = db.prepare('INSERT INTO "ComplianceRequest" ("id", "platform", "shopDomain", "topic", "receivedAt") VALUES (?, ?, ?, ?, ?)');
let n = 0;
process.stdout.write('ready\\n');
const stopAt = Date.now() + 20000;
while (Date.now() < stopAt) {
  db.exec('BEGIN IMMEDIATE');
  insert.run('other-' + n++, 'shopify', 'other.myshopify.com', 'shop/redact', new Date().toISOString());
  db.exec('COMMIT');
}
`;

describe('sqlite shared by two processes', () => {
  let handle: TestDatabase;
  let other: ChildProcess | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    other?.kill();
    await handle.drop();
  });

  it('runs read-then-write transactions while another process writes, without busy errors', async () => {
    const { stores, pixels } = handle.db;
    const { id: storeId } = await stores.ensureStore('shopify', 'acme.myshopify.com');
    other = spawn(process.execPath, ['-e', OTHER_PROCESS, handle.filePath!], { cwd: __dirname, stdio: ['ignore', 'pipe', 'inherit'] });
    await once(other.stdout!, 'data');

    for (let n = 0; n < 40; n += 1) {
      await pixels.upsertForStore(storeId, { testEventCode: `TEST${n}` });
      await stores.ensureStore('shopify', `shop-${n}.myshopify.com`);
    }
    expect((await pixels.listByStore(storeId))[0]?.testEventCode).toBe('TEST39');
    expect(await handle.db.client.complianceRequest.count()).toBeGreaterThan(0);
  }, 30_000);
});
