'use strict';
/**
 * Writes the next migration for BOTH providers after a change to schema.prisma:
 *
 *   node prisma/scripts/new-migration.js add_something      (PostgreSQL from POSTGRES_URL,
 *                                                            default postgres://postgres@127.0.0.1:5432/postgres)
 *
 * Each provider: a scratch database migrated with `prisma migrate deploy`, then the drift between
 * it and the schema becomes migrations/<provider>/<timestamp>_<name>/migration.sql.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { derivePostgresqlSchema, SOURCE, TARGET } = require('./derive-postgresql-schema');
const { runPrisma, schemaDrift } = require('./schema-drift');

const MIGRATIONS = path.join(__dirname, '..', 'migrations');

async function withScratchDatabase(provider, run) {
  if (provider === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-relay-migration-'));
    try {
      return await run(`file:${path.join(dir, 'scratch.sqlite')}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const adminUrl = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `capi_relay_migration_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('Usage: node prisma/scripts/new-migration.js <snake_case_name>');
    process.exit(2);
  }
  fs.writeFileSync(TARGET, derivePostgresqlSchema(fs.readFileSync(SOURCE, 'utf8')));
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  for (const provider of ['sqlite', 'postgresql']) {
    const sql = await withScratchDatabase(provider, (url) => {
      runPrisma(['migrate', 'deploy'], url);
      return schemaDrift(provider, url);
    });
    if (sql === '') {
      console.log(`${provider}: schema and migrations already agree; nothing written.`);
      continue;
    }
    const dir = path.join(MIGRATIONS, provider, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
    console.log(`${provider}: wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
