/**
 * The options a store passes in medusa-config.ts, checked once when the plugin loads. Every problem is
 * listed in one error, so a merchant fixes the configuration in one go instead of one restart each.
 */
export interface CapiRelayPluginOptions {
  /** 64 hex characters: seals the Meta access token at rest. Required. */
  encryptionKey?: unknown;
  /**
   * The storefront's address (https://shop.example.com): names the store in our tables and is the
   * page address of events whose request did not say which page it came from. Required.
   */
  storefrontUrl?: unknown;
  /** Our database; default: the store's own PostgreSQL database, in the schema `capi_relay`. */
  databaseUrl?: unknown;
  /** Graph API base URL (tests point it at the sandbox) and version; core's defaults otherwise. */
  graphUrl?: unknown;
  graphApiVersion?: unknown;
  /** "in-process" (default): deliveries run inside Medusa; "external": `npm run worker` does. */
  deliveryWorker?: unknown;
  /** Orders converted from admin draft orders: "skip" (default, recorded with the reason) or "send". */
  draftOrders?: unknown;
  /** Whether live events carry the saved test event code (default false; see core's engine). */
  testCodeOnLiveEvents?: unknown;
}

export interface PluginSettings {
  encryptionKey: string;
  storefrontUrl: string;
  /** The host of `storefrontUrl`: our store row's domain. */
  storeDomain: string;
  databaseUrl: string;
  graphUrl?: string;
  graphApiVersion?: string;
  deliveryWorker: 'in-process' | 'external';
  draftOrders: 'skip' | 'send';
  testCodeOnLiveEvents: boolean;
}

export const DEFAULT_SCHEMA = 'capi_relay';

export class PluginOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(`@capi-relay/medusa: invalid plugin options in medusa-config.ts:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PluginOptionsError';
  }
}

function httpUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The store's own database with our schema added, keeping any schema the merchant already chose. */
export function withOwnSchema(databaseUrl: string): string {
  if (/[?&]schema=/.test(databaseUrl)) return databaseUrl;
  return `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}schema=${DEFAULT_SCHEMA}`;
}

function oneOf<T extends string>(problems: string[], name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${name} must be one of ${allowed.map((entry) => `"${entry}"`).join(', ')}.`);
  return fallback;
}

/**
 * @param storeDatabaseUrl Medusa's `projectConfig.databaseUrl`, the default home of our tables.
 */
export function parsePluginOptions(raw: CapiRelayPluginOptions | undefined, storeDatabaseUrl: string | undefined): PluginSettings {
  const options = raw ?? {};
  const problems: string[] = [];

  const encryptionKey = options.encryptionKey;
  if (typeof encryptionKey !== 'string' || !/^[0-9a-fA-F]{64}$/.test(encryptionKey)) {
    problems.push('encryptionKey must be 64 hexadecimal characters (generate one with `openssl rand -hex 32`).');
  }
  const storefront = httpUrl(options.storefrontUrl);
  if (!storefront) problems.push('storefrontUrl must be the storefront\'s http(s) address, e.g. "https://shop.example.com".');

  let databaseUrl: string | undefined;
  if (options.databaseUrl === undefined) {
    if (storeDatabaseUrl) databaseUrl = withOwnSchema(storeDatabaseUrl);
    else problems.push('databaseUrl is not set and the store has no projectConfig.databaseUrl to default to.');
  } else if (typeof options.databaseUrl === 'string' && options.databaseUrl.trim() !== '') {
    databaseUrl = options.databaseUrl;
  } else {
    problems.push('databaseUrl must be a database URL (postgres://…, or file:… for SQLite).');
  }

  const graphUrl = options.graphUrl;
  if (graphUrl !== undefined && !httpUrl(graphUrl)) problems.push('graphUrl must be an http(s) URL.');
  const graphApiVersion = options.graphApiVersion;
  if (graphApiVersion !== undefined && (typeof graphApiVersion !== 'string' || !/^v\d+\.\d+$/.test(graphApiVersion))) {
    problems.push('graphApiVersion must look like "v24.0".');
  }
  const deliveryWorker = oneOf(problems, 'deliveryWorker', options.deliveryWorker, ['in-process', 'external'], 'in-process');
  const draftOrders = oneOf(problems, 'draftOrders', options.draftOrders, ['skip', 'send'], 'skip');
  const testCodeOnLiveEvents = options.testCodeOnLiveEvents ?? false;
  if (typeof testCodeOnLiveEvents !== 'boolean') problems.push('testCodeOnLiveEvents must be true or false.');

  if (problems.length > 0 || !storefront || databaseUrl === undefined || typeof encryptionKey !== 'string') {
    throw new PluginOptionsError(problems);
  }
  return {
    encryptionKey,
    storefrontUrl: storefront.origin,
    storeDomain: storefront.host,
    databaseUrl,
    ...(typeof graphUrl === 'string' ? { graphUrl } : {}),
    ...(typeof graphApiVersion === 'string' ? { graphApiVersion } : {}),
    deliveryWorker,
    draftOrders,
    testCodeOnLiveEvents: testCodeOnLiveEvents === true,
  };
}
