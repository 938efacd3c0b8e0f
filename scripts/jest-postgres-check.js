/**
 * Jest global setup: is the PostgreSQL the database suites use reachable? A contributor without one
 * still gets the SQLite and in-memory suites (the PostgreSQL half is skipped, said in one line); on CI
 * an unreachable server is a failure, never a skip. The answer reaches the test workers through
 * CAPI_TEST_POSTGRES (`reachable` or `skipped`), which they inherit from this process.
 */
const { createRequire } = require('node:module');
const path = require('node:path');

const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const pg = createRequire(path.join(__dirname, '..', 'prisma', 'package.json'))('pg');

/** The server part of a URL only: a password must not reach the terminal. */
function describeServer(url) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
}

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error && error.message ? error.message : String(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

module.exports = async function checkPostgres() {
  const url = process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
  const result = await reachable(url);
  if (result.ok) {
    process.env.CAPI_TEST_POSTGRES = 'reachable';
    return;
  }
  const where = describeServer(url);
  if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL at ${where} is not reachable (${result.reason}); with CI=true the PostgreSQL suites must run.`);
  }
  process.env.CAPI_TEST_POSTGRES = 'skipped';
  process.env.CAPI_TEST_POSTGRES_SKIP_LINE =
    `PostgreSQL at ${where} is not reachable (${result.reason}): the PostgreSQL half of every database suite is skipped. ` +
    'Start PostgreSQL on 127.0.0.1:5432 (trust auth) or set TEST_POSTGRES_URL to run them.';
  process.stdout.write(`\n${process.env.CAPI_TEST_POSTGRES_SKIP_LINE}\n`);
};
