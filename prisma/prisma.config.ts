/**
 * Prisma CLI configuration (migrate status/deploy/diff/dev, studio), fully offline: Prisma 6.19's
 * "js" schema engine plus a driver adapter, so no engine binary is downloaded. The provider follows
 * DATABASE_URL, as at run time. The app itself never uses this file: it migrates with src/migrate.ts.
 *
 *   npx prisma migrate status --config prisma/prisma.config.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/capi npx prisma migrate status --config prisma/prisma.config.ts
 */
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const url = process.env.DATABASE_URL ?? `file:${path.resolve('data/capi-relay.sqlite')}`;
const isPostgres = /^postgres(ql)?:\/\//.test(url);

// adapter-pg 6.19 cannot decode the catalog types `name` (19) and `"char"` (18), nor arrays of
// them, that the schema engine reads (prisma/prisma#27403): report them as text / text[].
type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;
function catalogTypesAsText(result: QueryResultLike): QueryResultLike {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
    else if (field.dataTypeID === 1003 || field.dataTypeID === 1002) field.dataTypeID = 1009;
  }
  return result;
}

class CatalogTypesAsTextClient extends pg.Client {
  override query(...args: unknown[]): never {
    const callbackIndex = args.findIndex((arg) => typeof arg === 'function');
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (err: unknown, res: QueryResultLike) => void;
      args[callbackIndex] = (err: unknown, res: QueryResultLike) => callback(err, err ? res : catalogTypesAsText(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(catalogTypesAsText) : result) as never;
  }
}

function postgresAdapter(connectionUrl: string): PrismaPg {
  const parsed = new URL(connectionUrl);
  return new PrismaPg({
    // Discrete fields, not a connectionString: the adapter derives the shadow database by spreading
    // this config with another `database`, which a connectionString would silently override.
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    // The adapter drops the shadow database before ending its pool; one use per connection lets the DROP succeed.
    maxUses: 1,
    Client: CatalogTypesAsTextClient as unknown as typeof pg.Client,
  });
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => (isPostgres ? postgresAdapter(url) : new PrismaBetterSQLite3({ url })),
  schema: path.join(__dirname, isPostgres ? 'postgresql/schema.prisma' : 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'migrations', isPostgres ? 'postgresql' : 'sqlite') },
});
