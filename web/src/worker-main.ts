/**
 * `npm run worker`: the delivery worker on its own, against DATABASE_URL (run several beside
 * `npm start` on PostgreSQL; their leases keep them from sending an event twice). It reads the same
 * configuration as the server.
 */
import { runUntilSignalled } from '@capi-relay/core';
import Fastify from 'fastify';

import { ConfigError } from './config/app-config';
import { loadConfig } from './config/load-config';
import { openRuntime } from './app/open-runtime';
import { loggerOptions } from './server/logger-options';

async function runWorker(): Promise<void> {
  const { config, warnings } = loadConfig(process.env, process.cwd());
  // Fastify bundles pino; a never-listening instance gives the worker the server's logger, redaction included.
  const logger = Fastify({ logger: loggerOptions(config.logLevel) }).log;
  for (const warning of warnings) logger.warn({ development: true }, warning);
  const runtime = await openRuntime({ config, logger });
  const worker = runtime.engine.createWorker({ outbox: runtime.db.outbox, pixels: runtime.db.pixels });
  logger.info({ workerId: worker.workerId, database: runtime.db.provider }, 'CAPI Relay worker started');
  const signal = await runUntilSignalled(worker);
  logger.info({ signal }, 'CAPI Relay worker stopped');
  await runtime.close();
}

runWorker().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `CAPI Relay worker failed to start: ${String(error)}`}\n`);
  process.exit(1);
});
