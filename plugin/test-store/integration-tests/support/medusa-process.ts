/**
 * Medusa as merchants run it: `medusa db:migrate`, `medusa exec`, and `medusa start` as child
 * processes of the test, in the test store's folder, stopped with SIGTERM as a deployment does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const STORE_DIR = path.resolve(__dirname, '../..');
const CLI = require.resolve('@medusajs/cli/cli.js');

function run(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: STORE_DIR, env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n'));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => lines.join('\n') };
}

/** A boot on a busy machine takes 20-40 s; a hang fails here with the server's last lines, not at Jest's timeout. */
const START_TIMEOUT_MS = 180_000;
const COMMAND_TIMEOUT_MS = 300_000;
const STOP_GRACE_MS = 60_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs a medusa command to its end; fails with its last output lines (also when it outlasts COMMAND_TIMEOUT_MS). */
export async function medusaCommand(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { child, output } = run(args, env);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const code = await within(exited, COMMAND_TIMEOUT_MS);
  if (code === 0) return;
  if (code === 'timed out') child.kill('SIGKILL');
  throw new Error(`medusa ${args.join(' ')} ${code === 'timed out' ? `still running after ${COMMAND_TIMEOUT_MS / 1000} s` : `exited with ${code}`}:\n${output()}`);
}

export interface MedusaServer {
  url: string;
  /** SIGTERM, then waits for the process to end (SIGKILL and a failure after STOP_GRACE_MS). */
  stop(): Promise<void>;
}

export async function startMedusa(port: number, env: NodeJS.ProcessEnv): Promise<MedusaServer> {
  const { child, output } = run(['start', '--port', String(port), '--host', '127.0.0.1'], env);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (ended) throw new Error(`medusa start exited before it answered:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`medusa start did not answer /health within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
    }
    const healthy = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) }).then((response) => response.ok, () => false);
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    async stop() {
      if (!ended) child.kill('SIGTERM');
      if ((await within(exited, STOP_GRACE_MS)) !== 'timed out') return;
      child.kill('SIGKILL');
      await exited;
      throw new Error(`medusa start did not exit within ${STOP_GRACE_MS / 1000} s of SIGTERM:\n${output()}`);
    },
  };
}
