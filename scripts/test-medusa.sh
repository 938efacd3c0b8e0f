#!/usr/bin/env bash
# The Medusa suite (`npm run test:medusa`): the plugin inside a real Medusa 2.21 server on PostgreSQL.
# Medusa's server packages (about 750 MB) are the plugin's own devDependencies, installed here from
# plugin/package-lock.json and never by the root `npm install`. The plugin finds @capi-relay/core and
# @capi-relay/db in the root install, so run `npm install` at the root first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node22.sh
export MEDUSA_DISABLE_TELEMETRY=true

npm run build   # core's and db's dist: the plugin runs on them

# npm ci wipes node_modules first; skip it while the installed tree is the one the lockfile describes.
stamp=plugin/node_modules/.capi-relay-lock
if ! cmp -s plugin/package-lock.json "$stamp" 2>/dev/null; then
  (cd plugin && npm ci --no-audit --no-fund)
  cp plugin/package-lock.json "$stamp"
fi

cd plugin
npx medusa plugin:build
npx tsc -p tsconfig.tests.json      # tests and the test store (the build checks src/)
npx tsc -p src/admin/tsconfig.json  # the admin page, as the dashboard's bundler sees it
# Medusa's test runner needs DB_HOST=localhost: on any other host name it asks PostgreSQL for SSL.
# LOG_LEVEL=error keeps Medusa's boot and migration lines out of the output.
export LOG_LEVEL=error DB_HOST=localhost DB_USERNAME=postgres DB_PASSWORD= NODE_OPTIONS=--experimental-vm-modules
# One Jest process per suite that boots Medusa in-process: Medusa registers a plugin's subscribers
# once per process, so a second app booted in the same process would run without them.
npx jest --runInBand --forceExit --testPathIgnorePatterns 'integration-tests/http/'
for suite in test-store/integration-tests/http/*.spec.ts; do
  npx jest --runInBand --forceExit "$suite"
done
