import { type Logger, silentLogger } from '../log';
import { DEFAULT_API_VERSION, DEFAULT_GRAPH_URL, DEFAULT_PARTNER_AGENT, DEFAULT_TIMEOUT_MS } from './graph-config';

export interface GraphClientOptions {
  /** Base URL without the version: Graph itself by default, the sandbox's `url` in tests. */
  graphUrl?: string;
  /** Like "v25.0". */
  apiVersion?: string;
  /** When set, every request carries `appsecret_proof` (required by apps that enforce it). */
  appSecret?: string;
  partnerAgent?: string;
  /** Per request; an unanswered request becomes a retryable error. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  logger?: Logger;
}

export interface ResolvedGraphClientOptions {
  /** No trailing slash. */
  graphUrl: string;
  apiVersion: string;
  appSecret?: string;
  partnerAgent: string;
  timeoutMs: number;
  fetch: typeof fetch;
  logger: Logger;
}

const API_VERSION_PATTERN = /^v\d+\.\d+$/;
// Meta's documented shape is `<brand>_<platform>_<major>_<minor>`; no spaces or punctuation to escape.
const PARTNER_AGENT_PATTERN = /^[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*$/;

/** Checks the options once, so a typo fails at start-up instead of on the first delivery. */
export function resolveGraphClientOptions(options: GraphClientOptions): ResolvedGraphClientOptions {
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  if (!API_VERSION_PATTERN.test(apiVersion)) {
    throw new Error(`GraphClient: apiVersion must look like "${DEFAULT_API_VERSION}", got "${apiVersion}"`);
  }
  const partnerAgent = options.partnerAgent ?? DEFAULT_PARTNER_AGENT;
  if (!PARTNER_AGENT_PATTERN.test(partnerAgent)) {
    throw new Error(`GraphClient: partnerAgent must look like "capirelay_shopify_0_1", got "${partnerAgent}"`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new Error(`GraphClient: timeoutMs must be a positive whole number of milliseconds, got ${timeoutMs}`);
  }
  if (options.appSecret !== undefined && options.appSecret.trim() === '') {
    throw new Error('GraphClient: appSecret is empty; omit it to send requests without appsecret_proof');
  }
  return {
    graphUrl: resolveGraphUrl(options.graphUrl ?? DEFAULT_GRAPH_URL),
    apiVersion,
    appSecret: options.appSecret,
    partnerAgent,
    timeoutMs,
    fetch: options.fetch ?? globalThis.fetch,
    logger: options.logger ?? silentLogger,
  };
}

function resolveGraphUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`GraphClient: graphUrl must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`GraphClient: graphUrl must use http or https, got "${raw}"`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    // Not echoed back: the part being refused may be a credential.
    throw new Error(`GraphClient: graphUrl must not carry a query, fragment or credentials (${url.origin})`);
  }
  return url.href.replace(/\/+$/, '');
}
