import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ConfigError } from './app-config';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'capi-relay-config-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it('generates a development encryption key once, then reuses it', () => {
    const first = loadConfig({}, cwd);
    const file = path.join(cwd, 'data', 'encryption.key');
    expect(first.config.encryptionKey).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.config.encryptionKey);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.warnings).toContain(`ENCRYPTION_KEY is not set: generated a development key in ${file}. Set ENCRYPTION_KEY in production.`);

    const second = loadConfig({}, cwd);
    expect(second.config.encryptionKey).toBe(first.config.encryptionKey);
    expect(second.warnings).toContain(`ENCRYPTION_KEY is not set: using the development key in ${file}. Set ENCRYPTION_KEY in production.`);
  });

  it('uses ENCRYPTION_KEY when given and writes no file', () => {
    const key = 'cd'.repeat(32);
    const { config, warnings } = loadConfig({ ENCRYPTION_KEY: key }, cwd);
    expect(config.encryptionKey).toBe(key);
    expect(warnings.some((line) => line.startsWith('ENCRYPTION_KEY'))).toBe(false);
    expect(() => statSync(path.join(cwd, 'data', 'encryption.key'))).toThrow();
  });

  it('refuses a damaged key file instead of replacing it', () => {
    loadConfig({}, cwd);
    writeFileSync(path.join(cwd, 'data', 'encryption.key'), 'not a key');
    expect(() => loadConfig({}, cwd)).toThrow(ConfigError);
  });
});
