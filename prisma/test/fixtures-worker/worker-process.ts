/** Runs `worker-child.js` as a separate Node process, the way a deployment runs `npm run worker`. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface WorkerProcessSettings {
  databaseUrl: string;
  graphUrl: string;
  encryptionKey: string;
  workerId: string;
  leaseMs: number;
  pollIntervalMs: number;
  batchSize: number;
  graphTimeoutMs: number;
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Resolves once the worker loop runs. */
  readonly ready: Promise<void>;
  /** Resolves with the exit signal or code. */
  readonly exited: Promise<NodeJS.Signals | number | null>;
  /** Events this process reported sent. */
  sentCount(): number;
  /** What the process wrote to stderr, for failure messages. */
  stderr(): string;
}

export function spawnWorker(settings: WorkerProcessSettings): WorkerProcess {
  const child = spawn(process.execPath, [path.join(__dirname, 'worker-child.js')], {
    env: {
      ...process.env,
      DATABASE_URL: settings.databaseUrl,
      GRAPH_URL: settings.graphUrl,
      ENCRYPTION_KEY: settings.encryptionKey,
      WORKER_ID: settings.workerId,
      LEASE_MS: String(settings.leaseMs),
      POLL_MS: String(settings.pollIntervalMs),
      BATCH_SIZE: String(settings.batchSize),
      GRAPH_TIMEOUT_MS: String(settings.graphTimeoutMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let sent = 0;
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as { ready?: string; sent?: number };
      if (message.ready) resolve();
      if (message.sent) sent += message.sent;
    });
    void exited.then((how) => reject(new Error(`worker ${settings.workerId} exited (${String(how)}) before it was ready:\n${errors}`)));
  });
  return { child, ready, exited, sentCount: () => sent, stderr: () => errors };
}
