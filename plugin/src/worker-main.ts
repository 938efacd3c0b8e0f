/**
 * `npm run worker` (node .medusa/server/src/worker-main.js): the delivery worker outside Medusa, for
 * stores that set `deliveryWorker: "external"`. It reads the plugin's options from the environment
 * (CAPI_RELAY_ENCRYPTION_KEY, CAPI_RELAY_STOREFRONT_URL, CAPI_RELAY_DATABASE_URL or the store's
 * DATABASE_URL, CAPI_RELAY_GRAPH_URL, CAPI_RELAY_GRAPH_API_VERSION); several may run at once on
 * PostgreSQL, their leases keep them from sending an event twice.
 */
import { runUntilSignalled } from '@capi-relay/core';

import { coreLogger } from './runtime/medusa-logger';
import { parsePluginOptions, PluginOptionsError } from './runtime/plugin-options';
import { openPluginRuntime } from './runtime/plugin-runtime';

const stdoutLogger = {
  debug: () => undefined,
  info: (message: string) => void process.stdout.write(`info: ${message}\n`),
  warn: (message: string) => void process.stdout.write(`warn: ${message}\n`),
  error: (message: string) => void process.stderr.write(`error: ${message}\n`),
};

async function runWorker(env: NodeJS.ProcessEnv): Promise<void> {
  const settings = parsePluginOptions(
    {
      encryptionKey: env.CAPI_RELAY_ENCRYPTION_KEY,
      storefrontUrl: env.CAPI_RELAY_STOREFRONT_URL,
      databaseUrl: env.CAPI_RELAY_DATABASE_URL,
      graphUrl: env.CAPI_RELAY_GRAPH_URL,
      graphApiVersion: env.CAPI_RELAY_GRAPH_API_VERSION,
    },
    env.DATABASE_URL,
  );
  const logger = coreLogger(stdoutLogger);
  const runtime = await openPluginRuntime(settings, logger);
  // close() lets the batch in flight finish before the database goes.
  const signal = await runUntilSignalled({ start: () => runtime.startWorker(), stop: () => runtime.close() });
  logger.info({ signal }, 'CAPI Relay worker stopped');
}

runWorker(process.env).catch((error: unknown) => {
  process.stderr.write(`${error instanceof PluginOptionsError ? error.message : `CAPI Relay worker failed to start: ${String(error)}`}\n`);
  process.exit(1);
});
