/**
 * A PostgreSQL server of the suite's own, in a temp folder on its own port, so the suite can stop and
 * start it under load: the machine's server on 5432 is shared with every other test run, and
 * restarting that one would fail them. Built from the machine's binaries (initdb, pg_ctl): PG_BINDIR,
 * else `pg_config --bindir`, else the newest /usr/lib/postgresql/<version>/bin.
 *
 * PostgreSQL refuses to run as root, so as root (CI) every command runs as the `postgres` user.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres: the server's admin database. */
  readonly url: string;
  readonly port: number;
  /** The server's own log (stops, starts, recoveries), for a failed run's study. */
  readonly logFile: string;
  /**
   * `fast`: PostgreSQL's ordinary shutdown, every session terminated and rolled back.
   * `immediate`: no shutdown at all, as in a crash; the next start replays the WAL.
   */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the server (if running) and deletes its folder. */
  destroy(): Promise<void>;
}

async function findBinDir(): Promise<string> {
  const has = (dir: string) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));
  if (process.env.PG_BINDIR) {
    if (!has(process.env.PG_BINDIR)) throw new Error(`PG_BINDIR=${process.env.PG_BINDIR} has no initdb and pg_ctl`);
    return process.env.PG_BINDIR;
  }
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    if (has(stdout.trim())) return stdout.trim();
  } catch {
    // No pg_config on PATH: look where Debian puts the server.
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((version) => has(path.join(root, version, 'bin'))) : [];
  const newest = versions.sort((x, y) => Number(y) - Number(x))[0];
  if (!newest) throw new Error('no PostgreSQL server binaries (initdb, pg_ctl) found: set PG_BINDIR, or install postgresql');
  return path.join(root, newest, 'bin');
}

/** As root: the `postgres` user's ids, which the folder is handed to and the commands run as. */
async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const binDir = await findBinDir();
  const user = await postgresUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'capi-relay-chaos-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');

  const pg = (tool: string, args: string[]) => {
    const command = path.join(binDir, tool);
    return user ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
  };
  // The socket in the folder (not /var/run/postgresql, which is the machine server's); TCP on loopback
  // only. fsync off: the suite crashes the server, never the machine, and the page cache survives that.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const start = async () => {
    await pg('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions]);
  };

  await pg('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  await start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    logFile,
    async stop(mode) {
      await pg('pg_ctl', ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '60']);
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await pg('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '60']).catch(() => undefined);
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
