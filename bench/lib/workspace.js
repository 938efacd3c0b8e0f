/**
 * Where the benchmark finds the built packages and their dependencies. Third-party modules are
 * resolved from the workspace that declares them (fastify and @shopify/shopify-api from web, pg
 * from the db package), so the benchmark adds no dependency of its own.
 */
const { createRequire } = require('node:module');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');

/** Shopify's webhook payloads, the same copies the web tests read. */
const SHOPIFY_FIXTURES_DIR = path.join(ROOT, 'web', 'test', 'fixtures', 'shopify');

const fromWeb = createRequire(path.join(ROOT, 'web', 'package.json'));
const fromDb = createRequire(path.join(ROOT, 'prisma', 'package.json'));

/** A module of a built package, e.g. built('web', 'server/build-server'). */
function built(pkg, modulePath = 'index') {
  return require(path.join(ROOT, pkg, 'dist', modulePath));
}

module.exports = { ROOT, SHOPIFY_FIXTURES_DIR, fromWeb, fromDb, built };
