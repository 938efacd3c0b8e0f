/**
 * The server's configuration, parsed from the environment once at start-up. Parsing is pure: it
 * never reads files or the clock, so every rule is testable. Files (the development encryption key)
 * are handled by `load-config.ts`.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { DatabaseUrlError, DEFAULT_SQLITE_FILE, resolveDatabaseTarget } from '@capi-relay/db';

export type RunMode = 'development' | 'production';

export interface AppConfig {
  mode: RunMode;
  port: number;
  host: string;
  logLevel: string;
  /** The working directory: relative SQLite paths and ./data (development key) resolve against it. */
  cwd: string;
  /** Where development files live: the default SQLite database and the generated encryption key. */
  dataDir: string;
  shopify: {
    apiKey: string;
    apiSecret: string;
    /** The secret before a rotation: Shopify keeps signing with it for up to an hour. */
    previousApiSecret?: string;
    appUrl: string;
  };
  /** undefined: the db package's default SQLite file under ./data. */
  databaseUrl?: string;
  /** 64 hex characters, or undefined in development until `load-config` generates one. */
  encryptionKey?: string;
  meta: {
    /** undefined: core's default (Meta's Graph API). */
    graphUrl?: string;
    /** undefined: the version core pins. */
    apiVersion?: string;
    /** Live events carry the pixel's test event code (Meta counts them all the same): development only by default. */
    testCodeOnLiveEvents: boolean;
    /** undefined: core's default request timeout (META_TIMEOUT_MS). */
    timeoutMs?: number;
  };
  /**
   * The delivery worker's timings, each undefined for core's default: WORKER_LEASE_MS,
   * WORKER_POLL_INTERVAL_MS, RETRY_BASE_MS and RETRY_CAP_MS (the backoff's first ceiling and its cap).
   */
  worker: { leaseMs?: number; pollIntervalMs?: number; backoff?: { baseMs: number; capMs: number } };
  webhookBodyLimitBytes: number;
  /** Slow or stalled clients are cut off after these (REQUEST_TIMEOUT_MS, IDLE_TIMEOUT_MS). */
  httpTimeouts: { requestMs: number; idleMs: number };
  /** Delivered events, receipts and cart snapshots are deleted after this many days. */
  retentionDays: number;
  pixel: {
    /** STITCH_WAIT_SECONDS: how long an event with one half (webhook or storefront pixel) waits for the other. */
    stitchWaitSeconds: number;
    /** TRUST_PROXY: behind a reverse proxy, the shopper's address is the first X-Forwarded-For hop. */
    trustProxy: boolean;
  };
}

export interface ParsedConfig {
  config: AppConfig;
  /** One line per development default applied, for the start-up log. */
  developmentDefaults: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_PORT = 3000;
/** Large orders (hundreds of lines) stay well under this; anything bigger is not a Shopify payload. */
const DEFAULT_WEBHOOK_BODY_LIMIT = 4 * 1024 * 1024;
/** Shopify gives up on a webhook after 5 s: a request still arriving after 10 s is a stalled sender. */
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
const DEFAULT_IDLE_TIMEOUT_MS = 5_000;
const DEFAULT_RETENTION_DAYS = 30;
/** Core's default stitch wait (DEFAULT_STITCH_WAIT_MS), in the unit the variable takes. */
const DEFAULT_STITCH_WAIT_SECONDS = 60;
/** Webhooks and pixel posts arrive within seconds to minutes; holding events back longer only delays them at Meta. */
const MAX_STITCH_WAIT_SECONDS = 3600;
/**
 * Receipts and sent events are the dedupe memory (Meta dedupes for 48 hours, webhooks retry for 4),
 * and a kept event can be completed by the storefront's browser context for as long as Meta takes it
 * (7 days), so that context must be kept that long.
 */
const MIN_RETENTION_DAYS = 7;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const META_VERSION = /^v\d+\.\d+$/;
const DEV_API_KEY = 'capi-relay-development';

export function parseConfig(env: Env, cwd: string): ParsedConfig {
  const problems: string[] = [];
  const developmentDefaults: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };

  const mode: RunMode = value('NODE_ENV') === 'production' ? 'production' : 'development';
  const required = (name: string, devDefault: () => string, note: string): string => {
    const given = value(name);
    if (given) return given;
    if (mode === 'production') {
      problems.push(`${name} is required when NODE_ENV=production.`);
      return '';
    }
    developmentDefaults.push(`${name} is not set: ${note}`);
    return devDefault();
  };

  const port = parsePort(value('PORT'), problems);
  const host = value('HOST') ?? '0.0.0.0';
  const logLevel = value('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`);
  const dataDir = path.dirname(path.resolve(cwd, DEFAULT_SQLITE_FILE));

  const apiKey = required('SHOPIFY_API_KEY', () => DEV_API_KEY, `using the placeholder "${DEV_API_KEY}" (session tokens from a real shop will not verify).`);
  const apiSecret = required(
    'SHOPIFY_API_SECRET',
    () => randomBytes(32).toString('hex'),
    'using a random secret for this run (webhooks and session tokens from Shopify will be rejected).',
  );
  const appUrl = required('SHOPIFY_APP_URL', () => `http://localhost:${port}`, `using http://localhost:${port}.`);
  checkUrl('SHOPIFY_APP_URL', appUrl, mode === 'production' ? ['https:'] : ['https:', 'http:'], problems);

  const encryptionKey = value('ENCRYPTION_KEY');
  if (encryptionKey !== undefined && !HEX_KEY.test(encryptionKey)) {
    problems.push('ENCRYPTION_KEY must be 64 hexadecimal characters (32 bytes), e.g. from `openssl rand -hex 32`.');
  } else if (encryptionKey === undefined && mode === 'production') {
    problems.push('ENCRYPTION_KEY is required when NODE_ENV=production (64 hex characters, `openssl rand -hex 32`).');
  }

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl === undefined) {
    developmentDefaults.push(`DATABASE_URL is not set: using SQLite in ${path.resolve(cwd, DEFAULT_SQLITE_FILE)}.`);
  } else {
    try {
      resolveDatabaseTarget(databaseUrl, cwd);
    } catch (error) {
      if (!(error instanceof DatabaseUrlError)) throw error;
      problems.push(error.message);
    }
  }

  const graphUrl = value('META_GRAPH_URL');
  if (graphUrl !== undefined) checkUrl('META_GRAPH_URL', graphUrl, ['https:', 'http:'], problems);
  const apiVersion = value('META_API_VERSION');
  if (apiVersion !== undefined && !META_VERSION.test(apiVersion)) {
    problems.push('META_API_VERSION must look like v24.0.');
  }

  const testCodeOnLiveEvents = parseBoolean('META_TEST_CODE_ON_LIVE_EVENTS', value('META_TEST_CODE_ON_LIVE_EVENTS'), mode === 'development', problems);

  const webhookBodyLimitBytes = parsePositiveInt('WEBHOOK_BODY_LIMIT_BYTES', value('WEBHOOK_BODY_LIMIT_BYTES'), DEFAULT_WEBHOOK_BODY_LIMIT, problems);

  const optionalInt = (name: string) => {
    const raw = value(name);
    return raw === undefined ? undefined : parsePositiveInt(name, raw, 0, problems);
  };
  const timeoutMs = optionalInt('META_TIMEOUT_MS');
  const leaseMs = optionalInt('WORKER_LEASE_MS');
  const pollIntervalMs = optionalInt('WORKER_POLL_INTERVAL_MS');
  const retryBaseMs = optionalInt('RETRY_BASE_MS');
  const retryCapMs = optionalInt('RETRY_CAP_MS');
  if ((retryBaseMs === undefined) !== (retryCapMs === undefined)) problems.push('RETRY_BASE_MS and RETRY_CAP_MS are set together.');
  const worker = {
    ...(leaseMs === undefined ? {} : { leaseMs }),
    ...(pollIntervalMs === undefined ? {} : { pollIntervalMs }),
    ...(retryBaseMs === undefined || retryCapMs === undefined ? {} : { backoff: { baseMs: retryBaseMs, capMs: retryCapMs } }),
  };

  const httpTimeouts = {
    requestMs: parsePositiveInt('REQUEST_TIMEOUT_MS', value('REQUEST_TIMEOUT_MS'), DEFAULT_REQUEST_TIMEOUT_MS, problems),
    idleMs: parsePositiveInt('IDLE_TIMEOUT_MS', value('IDLE_TIMEOUT_MS'), DEFAULT_IDLE_TIMEOUT_MS, problems),
  };

  const retentionDays = parsePositiveInt('RETENTION_DAYS', value('RETENTION_DAYS'), DEFAULT_RETENTION_DAYS, problems);
  if (retentionDays < MIN_RETENTION_DAYS) {
    problems.push(`RETENTION_DAYS must be at least ${MIN_RETENTION_DAYS}: sooner, a redelivered webhook could send an event twice, or the storefront's browser context could go before the events it completes (Meta takes them for 7 days).`);
  }

  const stitchWaitSeconds = parseStitchWait(value('STITCH_WAIT_SECONDS'), problems);
  const trustProxy = parseBoolean('TRUST_PROXY', value('TRUST_PROXY'), false, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    config: {
      mode,
      cwd,
      port,
      host,
      logLevel,
      dataDir,
      shopify: { apiKey, apiSecret, previousApiSecret: value('SHOPIFY_API_SECRET_PREVIOUS'), appUrl: appUrl.replace(/\/+$/, '') },
      databaseUrl,
      encryptionKey: encryptionKey?.toLowerCase(),
      meta: { graphUrl, apiVersion, testCodeOnLiveEvents, ...(timeoutMs === undefined ? {} : { timeoutMs }) },
      worker,
      webhookBodyLimitBytes,
      httpTimeouts,
      retentionDays,
      pixel: { stitchWaitSeconds, trustProxy },
    },
    developmentDefaults,
  };
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  problems.push(`${name} must be true or false (got "${raw}").`);
  return fallback;
}

function parseStitchWait(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return DEFAULT_STITCH_WAIT_SECONDS;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_STITCH_WAIT_SECONDS) {
    problems.push(`STITCH_WAIT_SECONDS must be a whole number of seconds from 0 (send at once) to ${MAX_STITCH_WAIT_SECONDS} (got "${raw}").`);
    return DEFAULT_STITCH_WAIT_SECONDS;
  }
  return seconds;
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be an integer between 0 and 65535 (got "${raw}").`);
    return DEFAULT_PORT;
  }
  return port;
}

function parsePositiveInt(name: string, raw: string | undefined, fallback: number, problems: string[]): number {
  if (raw === undefined) return fallback;
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    problems.push(`${name} must be a positive integer (got "${raw}").`);
    return fallback;
  }
  return parsed;
}

function checkUrl(name: string, raw: string, protocols: string[], problems: string[]): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`${name} must be an absolute URL (got "${raw}").`);
    return;
  }
  if (!protocols.includes(url.protocol)) {
    problems.push(`${name} must use ${protocols.map((p) => p.replace(':', '')).join(' or ')} (got "${raw}").`);
  }
}
