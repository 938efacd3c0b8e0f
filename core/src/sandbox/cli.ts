/**
 * `npm run sandbox`: the Graph sandbox as a standalone server for manual testing and child processes.
 * Environment: PORT (default 4010), HOST (default 127.0.0.1), SANDBOX_KNOWN_PIXELS (comma-separated
 * pixel ids; unset accepts all), SANDBOX_APP_SECRET (require appsecret_proof).
 */
import type { Logger } from '../log';
import { type GraphSandbox, startGraphSandbox } from './graph-sandbox';

const DEFAULT_PORT = 4010;

export async function runSandboxCli(env: NodeJS.ProcessEnv, write: (line: string) => void): Promise<GraphSandbox> {
  const port = env.PORT === undefined ? DEFAULT_PORT : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const knownPixels = env.SANDBOX_KNOWN_PIXELS?.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const sandbox = await startGraphSandbox({
    port,
    host: env.HOST ?? '127.0.0.1',
    knownPixels,
    appSecret: env.SANDBOX_APP_SECRET || undefined,
    logger: lineLogger(write),
  });
  write(`Graph sandbox listening on ${sandbox.url} (use it as graphUrl; control API under ${sandbox.url}/_sandbox/)`);
  return sandbox;
}

function lineLogger(write: (line: string) => void): Logger {
  const at = (level: string) => (obj: object, msg?: string) => write(JSON.stringify({ level, msg, ...obj }));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

if (require.main === module) {
  runSandboxCli(process.env, (line) => process.stdout.write(`${line}\n`)).then(
    (sandbox) => {
      const stop = (): void => void sandbox.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
