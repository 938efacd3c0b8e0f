'use strict';
/**
 * Compares a database migrated to the latest checked-in migration with schema.prisma, through the
 * Prisma CLI (offline, "js" schema engine). Used by new-migration.js to write the next migration, and
 * by a test that fails when schema.prisma changed without a migration.
 *
 * `migrate diff --from-migrations` would be the direct route, but the SQLite adapter cannot replay a
 * multi-statement migration into its shadow database (6.19.3), so we introspect the migrated database
 * (`db pull --print`) and diff that datamodel against the schema instead.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const PRISMA_DIR = path.join(__dirname, '..');
const CONFIG = path.join(PRISMA_DIR, 'prisma.config.ts');
const SCHEMAS = {
  sqlite: path.join(PRISMA_DIR, 'schema.prisma'),
  postgresql: path.join(PRISMA_DIR, 'postgresql', 'schema.prisma'),
};

/** Runs the Prisma CLI against `databaseUrl`; returns stdout. `okCodes` lists accepted exit codes. */
function runPrisma(args, databaseUrl, okCodes = [0]) {
  const cli = require.resolve('prisma/build/index.js');
  try {
    return execFileSync(process.execPath, [cli, ...args, '--config', CONFIG], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    if (okCodes.includes(error.status)) return error.stdout;
    throw new Error(`prisma ${args.join(' ')} failed (exit ${error.status}):\n${error.stdout}\n${error.stderr}`);
  }
}

/** SQL that would bring the migrated database at `databaseUrl` to schema.prisma; '' when in sync. */
function schemaDrift(provider, databaseUrl) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-relay-drift-'));
  try {
    const pulled = path.join(dir, 'pulled.prisma');
    const printed = runPrisma(['db', 'pull', '--print', '--schema', SCHEMAS[provider]], databaseUrl);
    // The CLI prints a warning about the schema's placeholder url on stdout, before the schema.
    fs.writeFileSync(pulled, printed.slice(printed.search(/^(generator|datasource) /m)));
    // --exit-code: 0 = no difference, 2 = a difference (printed as SQL).
    const script = runPrisma(
      ['migrate', 'diff', '--from-schema-datamodel', pulled, '--to-schema-datamodel', SCHEMAS[provider], '--script', '--exit-code'],
      databaseUrl,
      [0, 2],
    );
    return script.includes('-- This is an empty migration.') ? '' : script;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { SCHEMAS, runPrisma, schemaDrift };
