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

/** Runs a medusa command to its end; fails with its last output lines. */
export function medusaCommand(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { child, output } = run(args, env);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(' ')} exited with ${code}:\n${output()}`))));
  });
}

export interface MedusaServer {
  url: string;
  /** SIGTERM, then waits for the process to end. */
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
  for (;;) {
    if (ended) throw new Error(`medusa start exited before it answered:\n${output()}`);
    const healthy = await fetch(`${url}/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    async stop() {
      if (!ended) child.kill('SIGTERM');
      await exited;
    },
  };
}
