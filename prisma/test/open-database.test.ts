import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseUrlError, openDatabase } from '../src';

describe('openDatabase', () => {
  it('without DATABASE_URL, creates and migrates ./data/capi-relay.sqlite under the working folder', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-relay-open-'));
    const db = openDatabase(undefined, { cwd });
    try {
      expect(db.provider).toBe('sqlite');
      expect((await db.migrate()).length).toBeGreaterThan(0);
      expect(fs.existsSync(path.join(cwd, 'data', 'capi-relay.sqlite'))).toBe(true);
      const store = await db.stores.ensureStore('shopify', 'acme.myshopify.com');
      expect(await db.stores.getStore(store.id)).toEqual(store);
    } finally {
      await db.close();
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('picks PostgreSQL for postgres:// URLs without connecting yet', async () => {
    const db = openDatabase('postgres://nobody@127.0.0.1:1/none');
    expect(db.provider).toBe('postgresql');
    await db.close();
  });

  it('refuses an unsupported URL with a clear message', () => {
    expect(() => openDatabase('mysql://db/capi')).toThrow(DatabaseUrlError);
  });
});
