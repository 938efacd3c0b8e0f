/**
 * Throwaway databases for one run: a SQLite file in a temp folder, and a PostgreSQL database created
 * on the server at BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres), dropped
 * afterwards. The app migrates them itself when it opens them.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const machine = require('./machine-load');
const { fromDb } = require('./workspace');

const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECT_TIMEOUT_MS = 2_000;

/** @returns {{ name: string, url: string, drop(): Promise<void> }} */
function createSqliteDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-relay-bench-'));
  return {
    name: 'SQLite',
    url: `file:${path.join(dir, 'bench.sqlite')}`,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresServerUrl() {
  return process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
}

async function withAdmin(run) {
  const pg = fromDb('pg');
  const admin = new pg.Client({ connectionString: postgresServerUrl(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

/** A fresh database, or undefined (with the reason) when the server cannot be reached. */
async function createPostgresDatabase() {
  const name = `capi_relay_bench_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  try {
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  } catch (error) {
    return { unavailable: `PostgreSQL at ${new URL(postgresServerUrl()).host} not usable (${error.message})` };
  }
  // Its backends work for the benchmark: they are not counted as other jobs' load.
  machine.ownDatabase(name);
  const url = new URL(postgresServerUrl());
  url.pathname = `/${name}`;
  return {
    name: 'PostgreSQL',
    url: url.toString(),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

module.exports = { createSqliteDatabase, createPostgresDatabase };
