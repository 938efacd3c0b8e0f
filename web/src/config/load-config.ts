/**
 * Start-up configuration: parse the environment, then, in development only, supply an encryption
 * key persisted under the data directory so stored Meta tokens survive restarts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { generateSecretBoxKey } from '@capi-relay/core';

import { type AppConfig, ConfigError, parseConfig } from './app-config';

export interface LoadedConfig {
  config: AppConfig & { encryptionKey: string };
  /** Development defaults and generated files, for the start-up log (warn level). */
  warnings: string[];
}

const KEY_FILE = 'encryption.key';
const HEX_KEY = /^[0-9a-f]{64}$/;

export function loadConfig(env: NodeJS.ProcessEnv, cwd: string): LoadedConfig {
  const { config, developmentDefaults } = parseConfig(env, cwd);
  const warnings = [...developmentDefaults];
  if (config.encryptionKey !== undefined) {
    return { config: { ...config, encryptionKey: config.encryptionKey }, warnings };
  }
  const { key, created, file } = developmentEncryptionKey(config.dataDir);
  warnings.push(
    created
      ? `ENCRYPTION_KEY is not set: generated a development key in ${file}. Set ENCRYPTION_KEY in production.`
      : `ENCRYPTION_KEY is not set: using the development key in ${file}. Set ENCRYPTION_KEY in production.`,
  );
  return { config: { ...config, encryptionKey: key }, warnings };
}

function developmentEncryptionKey(dataDir: string): { key: string; created: boolean; file: string } {
  const file = path.join(dataDir, KEY_FILE);
  const existing = readKeyFile(file);
  if (existing !== undefined) return { key: existing, created: false, file };
  const key = generateSecretBoxKey();
  mkdirSync(dataDir, { recursive: true });
  try {
    // wx: never overwrite a key another process (the standalone worker) wrote meanwhile.
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const written = readKeyFile(file);
    if (written === undefined) throw new ConfigError([`${file} vanished while being created: start again.`]);
    return { key: written, created: false, file };
  }
  return { key, created: true, file };
}

function readKeyFile(file: string): string | undefined {
  let content: string;
  try {
    content = readFileSync(file, 'utf8').trim().toLowerCase();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!HEX_KEY.test(content)) {
    throw new ConfigError([`${file} does not hold a 64-hex-character key: fix or delete it (tokens encrypted with it become unreadable).`]);
  }
  return content;
}
