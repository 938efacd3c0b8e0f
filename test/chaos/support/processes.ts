/**
 * The built server (`web/dist/main.js`, with its in-process worker) and the standalone worker
 * (`web/dist/worker-main.js`) as child processes, each line they log kept for the secret grep.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

export const API_KEY = 'chaos-api-key';
export const API_SECRET = 'chaos-api-secret-0123456789';
export const ENCRYPTION_KEY = 'cd'.repeat(32);

export interface RelayProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Every line written to stdout and stderr, in order. */
  readonly lines: string[];
  /** Resident set size now, in MB (Linux /proc). */
  rssMb(): number;
  exited(): boolean;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface ProcessEnv {
  databaseUrl: string;
  graphUrl: string;
  port?: number;
  /** More variables, or other values for the suite's own (a scenario's settings). */
  extra?: Record<string, string>;
}

function relayEnv({ databaseUrl, graphUrl, port, extra }: ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET,
    SHOPIFY_APP_URL: 'https://relay.example.com',
    ENCRYPTION_KEY,
    DATABASE_URL: databaseUrl,
    META_GRAPH_URL: graphUrl,
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: String(port ?? 0),
    // Short waits, so faults heal inside a CI run. The Graph timeout stays at Shopify's 5 s: a shorter
    // one, on a busy machine, gives up on requests the sandbox did accept (a resend, counted as a duplicate).
    META_TIMEOUT_MS: '5000',
    WORKER_LEASE_MS: '12000',
    WORKER_POLL_INTERVAL_MS: '200',
    RETRY_BASE_MS: '200',
    RETRY_CAP_MS: '1500',
    ...extra,
  };
}

function start(name: string, script: string, env: NodeJS.ProcessEnv, lines: string[]): RelayProcess {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'web', 'dist', script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let buffered = '';
  const collect = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    pid: child.pid,
    lines,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 102.4) / 10;
    },
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** Polls /api/health until the server answers; throws with its log when it does not come up. */
async function waitUntilServing(url: string, processLines: string[], relay: { exited(): boolean }): Promise<void> {
  for (let attempt = 0; attempt < 200 && !relay.exited(); attempt += 1) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server at ${url} did not come up:\n${processLines.slice(-5).join('\n')}`);
}

export interface ServerProcess extends RelayProcess {
  readonly url: string;
}

/**
 * A server on `port` (from this suite's range); `lines` lets a restart keep one log. A restart right
 * after a SIGKILL can find the port still held for a moment: it is tried again.
 */
export async function startServer(name: string, env: ProcessEnv & { port: number }, lines: string[] = []): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${env.port}`;
  for (let attempt = 1; ; attempt += 1) {
    const relay = start(name, 'main.js', relayEnv(env), lines);
    try {
      await waitUntilServing(url, lines, relay);
      return Object.assign(relay, { url });
    } catch (error) {
      await relay.kill('SIGKILL');
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export async function startWorker(name: string, env: ProcessEnv, lines: string[] = []): Promise<RelayProcess> {
  const relay = start(name, 'worker-main.js', relayEnv(env), lines);
  // Up once it says so: the first rounds start right after.
  for (let attempt = 0; attempt < 200 && !lines.some((line) => line.includes('CAPI Relay worker started')); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return relay;
}
