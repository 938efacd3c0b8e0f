/**
 * A newcomer's first run: no environment at all, a fresh working directory. The server must start
 * on development defaults (SQLite and a generated key under ./data), say so in its log, and answer
 * GET /api/health.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';

import { startServer } from '../src/app/start-server';
import { loggerOptions } from '../src/server/logger-options';

describe('start-up with an empty environment', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'capi-relay-start-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it('runs on development defaults and answers /api/health', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    const server = await startServer({ env: {}, cwd, listen: { port: 0, host: '127.0.0.1' }, logger: loggerOptions('info', stream) });
    try {
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(200);
      await expect(response.json()).resolves.toEqual({ status: 'ok', database: 'ok' });

      expect(existsSync(path.join(cwd, 'data', 'capi-relay.sqlite'))).toBe(true);
      expect(existsSync(path.join(cwd, 'data', 'encryption.key'))).toBe(true);
      const developmentWarnings = lines.filter((line) => line.development === true).map((line) => String(line.msg).split(' ')[0]);
      expect(developmentWarnings).toEqual(['SHOPIFY_API_KEY', 'SHOPIFY_API_SECRET', 'SHOPIFY_APP_URL', 'DATABASE_URL', 'ENCRYPTION_KEY']);
      // Start-up ends naming the panel's address; the panel answers there.
      const panelLine = lines.find((line) => typeof line.panel === 'string');
      const port = new URL(server.url).port;
      expect(panelLine?.msg).toBe(`Admin panel (development preview): http://localhost:${port}/`);
      expect(lines.indexOf(panelLine!)).toBeGreaterThan(lines.findIndex((line) => line.msg === 'CAPI Relay server started'));
    } finally {
      await server.stop();
    }
  });
});
