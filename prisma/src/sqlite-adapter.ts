import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

type SqliteAdapterFactory = Pick<PrismaBetterSQLite3, 'provider' | 'adapterName' | 'connect' | 'connectToShadowDb'>;

/**
 * Without `secure_delete`, SQLite only marks a deleted row's bytes as free: a redacted customer's IP,
 * user agent and hashes stay readable in the file until the page is reused. With it, deleted content
 * is overwritten with zeros. The pragma holds per connection, so it is set on every connection the
 * adapter opens.
 */
const CONNECTION_PRAGMAS = 'PRAGMA secure_delete = ON;';

export function createSqliteAdapter(filePath: string): SqliteAdapterFactory {
  // better-sqlite3's `timeout` is SQLite's busy timeout: wait for another process's write lock.
  const factory = new PrismaBetterSQLite3({ url: `file:${filePath}`, timeout: 5_000 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(CONNECTION_PRAGMAS);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}
