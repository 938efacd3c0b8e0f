/**
 * `npm start`: the Shopify app server with its delivery worker, on PORT (default 3000). With an
 * empty environment it runs on development defaults (SQLite in ./data, a generated encryption key)
 * and logs each one; with NODE_ENV=production missing settings stop it with the full list.
 */
import { ConfigError } from './config/app-config';
import { startServer } from './app/start-server';
import { stopOnSignals } from './app/stop-on-signals';

startServer({ env: process.env, cwd: process.cwd() }).then(
  (server) => stopOnSignals(() => server.stop(), server.app.log),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `CAPI Relay failed to start: ${String(error)}`}\n`);
    process.exit(1);
  },
);
