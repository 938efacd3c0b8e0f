/**
 * Starts the Shopify app server: config, runtime, routes, the in-process delivery worker, then the
 * listener. `main.ts` calls it with the process environment; the start-up test with an empty one.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

import { loadConfig, type LoadedConfig } from '../config/load-config';
import { buildServer } from '../server/build-server';
import { loggerOptions, readableLogStream } from '../server/logger-options';
import type { Runtime } from './open-runtime';
import { createRetentionJob } from './retention-job';

export interface StartServerOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Overrides PORT/HOST (tests listen on a free port). */
  listen?: { port: number; host: string };
  /** Overrides the logger built from LOG_LEVEL. */
  logger?: FastifyServerOptions['logger'];
}

export interface RunningServer {
  app: FastifyInstance;
  runtime: Runtime;
  /** Base URL the server listens on. */
  url: string;
  /** Stops taking requests, lets the worker finish its round, closes the database. */
  stop(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, warnings } = loadConfig(options.env, options.cwd);
  // Readable lines for a person at a terminal in development; JSON wherever a program reads the output.
  const readable = config.mode === 'development' && process.stdout.isTTY === true;
  const logger = options.logger ?? loggerOptions(config.logLevel, readable ? readableLogStream() : undefined);
  const { app, runtime } = await buildServer({ config, logger });
  for (const warning of warnings) app.log.warn({ development: true }, warning);

  const worker = runtime.engine.createWorker({ outbox: runtime.db.outbox, pixels: runtime.db.pixels });
  worker.start();
  const retention = createRetentionJob({ outbox: runtime.db.outbox, dataExports: runtime.db.dataExports, retentionDays: config.retentionDays, logger: app.log });
  const listen = options.listen ?? { port: config.port, host: config.host };
  let url: string;
  try {
    url = await app.listen(listen);
  } catch (error) {
    retention.stop();
    await worker.stop();
    await runtime.close();
    throw error;
  }
  app.log.info({ mode: config.mode, database: runtime.db.provider, url }, 'CAPI Relay server started');
  // The last start-up line, so a newcomer sees where to go.
  const panel = panelUrl(config, url);
  app.log.info({ panel }, config.mode === 'development' ? `Admin panel (development preview): ${panel}` : `Admin panel: open the app from Shopify admin (served at ${panel})`);
  retention.start();

  return {
    app,
    runtime,
    url,
    async stop() {
      await app.close();
      retention.stop();
      await worker.stop();
      await runtime.close();
    },
  };
}

/** The panel's address: in development the local one (0.0.0.0 is not a place a browser can open); in production the app URL Shopify frames. */
export function panelUrl(config: LoadedConfig['config'], listeningUrl: string): string {
  if (config.mode === 'production') return `${config.shopify.appUrl}/`;
  const url = new URL(listeningUrl);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]' || url.hostname === '127.0.0.1') url.hostname = 'localhost';
  return `${url.origin}/`;
}
