import path from 'node:path';

import { ConfigError, parseConfig } from './app-config';

const CWD = '/srv/app';
const KEY = 'ab'.repeat(32);

describe('parseConfig', () => {
  it('runs with an empty environment on development defaults, naming each one', () => {
    const { config, developmentDefaults } = parseConfig({}, CWD);
    expect(config.mode).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.join(CWD, 'data'));
    expect(config.shopify.appUrl).toBe('http://localhost:3000');
    expect(config.shopify.apiSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(config.encryptionKey).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
    expect(developmentDefaults.map((line) => line.split(' ')[0])).toEqual([
      'SHOPIFY_API_KEY',
      'SHOPIFY_API_SECRET',
      'SHOPIFY_APP_URL',
      'DATABASE_URL',
    ]);
  });

  it('takes every value from the environment', () => {
    const { config, developmentDefaults } = parseConfig(
      {
        PORT: '8080',
        SHOPIFY_API_KEY: 'key',
        SHOPIFY_API_SECRET: 'secret',
        SHOPIFY_API_SECRET_PREVIOUS: 'old-secret',
        SHOPIFY_APP_URL: 'https://relay.example.com/',
        DATABASE_URL: 'postgres://db/relay',
        ENCRYPTION_KEY: KEY.toUpperCase(),
        META_GRAPH_URL: 'http://127.0.0.1:4010',
        META_API_VERSION: 'v24.0',
        RETENTION_DAYS: '90',
        META_TEST_CODE_ON_LIVE_EVENTS: 'false',
      },
      CWD,
    );
    expect(developmentDefaults).toEqual([]);
    expect(config).toMatchObject({
      port: 8080,
      cwd: CWD,
      dataDir: path.join(CWD, 'data'),
      shopify: { apiKey: 'key', apiSecret: 'secret', previousApiSecret: 'old-secret', appUrl: 'https://relay.example.com' },
      databaseUrl: 'postgres://db/relay',
      encryptionKey: KEY,
      meta: { graphUrl: 'http://127.0.0.1:4010', apiVersion: 'v24.0', testCodeOnLiveEvents: false },
      retentionDays: 90,
    });
  });

  it('puts the test event code on live events in development only, unless told otherwise', () => {
    const production = { NODE_ENV: 'production', SHOPIFY_API_KEY: 'k', SHOPIFY_API_SECRET: 's', SHOPIFY_APP_URL: 'https://relay.example.com', ENCRYPTION_KEY: KEY };
    expect(parseConfig({}, CWD).config.meta.testCodeOnLiveEvents).toBe(true);
    expect(parseConfig(production, CWD).config.meta.testCodeOnLiveEvents).toBe(false);
    expect(parseConfig({ ...production, META_TEST_CODE_ON_LIVE_EVENTS: 'true' }, CWD).config.meta.testCodeOnLiveEvents).toBe(true);
    expect(captureConfigError({ META_TEST_CODE_ON_LIVE_EVENTS: 'yes' }).problems).toEqual([
      'META_TEST_CODE_ON_LIVE_EVENTS must be true or false (got "yes").',
    ]);
  });

  it('requires the secrets in production and lists every problem at once', () => {
    const error = captureConfigError({ NODE_ENV: 'production', SHOPIFY_APP_URL: 'http://relay.example.com' });
    expect(error.problems).toEqual([
      'SHOPIFY_API_KEY is required when NODE_ENV=production.',
      'SHOPIFY_API_SECRET is required when NODE_ENV=production.',
      'SHOPIFY_APP_URL must use https (got "http://relay.example.com").',
      'ENCRYPTION_KEY is required when NODE_ENV=production (64 hex characters, `openssl rand -hex 32`).',
    ]);
    expect(error.message).toContain('  - SHOPIFY_API_KEY is required');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer between 0 and 65535 (got "eighty").'],
    [{ ENCRYPTION_KEY: 'abc' }, 'ENCRYPTION_KEY must be 64 hexadecimal characters (32 bytes), e.g. from `openssl rand -hex 32`.'],
    [{ DATABASE_URL: 'mysql://db' }, expect.stringContaining('DATABASE_URL must start with "file:" (SQLite) or "postgres://"')],
    [{ META_GRAPH_URL: 'graph.facebook.com' }, 'META_GRAPH_URL must be an absolute URL (got "graph.facebook.com").'],
    [{ META_API_VERSION: '24' }, 'META_API_VERSION must look like v24.0.'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent.'],
    [{ WEBHOOK_BODY_LIMIT_BYTES: '-1' }, 'WEBHOOK_BODY_LIMIT_BYTES must be a positive integer (got "-1").'],
    [{ RETENTION_DAYS: '6' }, "RETENTION_DAYS must be at least 7: sooner, a redelivered webhook could send an event twice, or the storefront's browser context could go before the events it completes (Meta takes them for 7 days)."],
  ])('rejects %j', (env, problem: unknown) => {
    expect(captureConfigError(env).problems).toEqual([problem]);
  });
});

function captureConfigError(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env, CWD);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
