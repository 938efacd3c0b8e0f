/**
 * A database of its own for the plugin's tables. Medusa's test runner restores its database from a
 * template before every test (drop and re-create), which would cut the plugin's connections mid-test;
 * the restart suite covers the default (the store's own database, schema capi_relay).
 */
import { Client } from 'pg';

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function withAdmin(run: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

export async function createPluginDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `capi_relay_medusa_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  return {
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}
