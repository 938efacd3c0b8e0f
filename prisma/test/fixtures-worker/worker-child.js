/**
 * A delivery worker in its own process, as `npm run worker` runs one, for the crash and concurrency
 * tests. Configured by environment; prints one JSON line per lifecycle step on stdout. SIGTERM stops
 * it gracefully; the tests also SIGKILL it mid-batch.
 */
'use strict';
require('./register-ts');
const { createEngine, runUntilSignalled } = require('@capi-relay/core');
const { openDatabase } = require('@capi-relay/db');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`worker-child: ${name} is required`);
  return value;
};
const say = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const complain = (obj, msg) => process.stderr.write(`${JSON.stringify({ ...obj, msg })}\n`);
// Problems go to stderr, where the tests quote them when something fails; routine lines are dropped.
const logger = { debug: () => undefined, info: () => undefined, warn: complain, error: complain };

async function main() {
  const db = openDatabase(env('DATABASE_URL'), { poolSize: 4, logger });
  const engine = createEngine({
    logger,
    encryptionKey: env('ENCRYPTION_KEY'),
    graph: { graphUrl: env('GRAPH_URL'), timeoutMs: Number(env('GRAPH_TIMEOUT_MS')) },
  });
  const worker = engine.createWorker(
    { outbox: db.outbox, pixels: db.pixels },
    {
      workerId: env('WORKER_ID'),
      leaseMs: Number(env('LEASE_MS')),
      pollIntervalMs: Number(env('POLL_MS')),
      batchSize: Number(env('BATCH_SIZE')),
    },
  );
  worker.on('sent', (event) => say({ sent: event.outboxEventIds.length }));
  const stopped = runUntilSignalled(worker);
  say({ ready: worker.workerId });
  await stopped;
  await db.close();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
