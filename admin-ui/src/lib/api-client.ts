/**
 * The admin API client. Every call carries a fresh session token (`Authorization: Bearer`) from
 * `getToken`: App Bridge's `shopify.idToken()` inside Shopify's admin, the development preview's
 * token outside it. Every failure becomes an ApiError with words a merchant can act on.
 */
import type { EventLogEntry, EventLogQuery, Health, MatchQuality, Settings, SettingsUpdate, TestEventResult } from './types';

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    /** Per-field messages from a refused settings save, keyed as the API keys them. */
    readonly fieldErrors: Record<string, string> = {},
    /** Meta's trace id, when Meta answered a test event with an error. */
    readonly fbtraceId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  getToken: () => Promise<string>;
  /** Prefix for the API paths ('' = same origin). */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export interface ApiClient {
  getSettings(): Promise<Settings>;
  saveSettings(update: SettingsUpdate): Promise<Settings>;
  sendTestEvent(): Promise<TestEventResult>;
  listEvents(query?: EventLogQuery): Promise<EventLogEntry[]>;
  health(): Promise<Health>;
  matchQuality(): Promise<MatchQuality>;
}

/** Shopify's answer to a stale session token: fetch a fresh one and try once more. */
const RETRY_HEADER = 'x-shopify-retry-invalid-session-request';

export function createApiClient({ getToken, baseUrl = '', fetch: fetchImpl = globalThis.fetch.bind(globalThis) }: ApiClientOptions): ApiClient {
  async function send(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, retried = false): Promise<unknown> {
    let token: string;
    try {
      token = await getToken();
    } catch {
      throw new ApiError(0, 'Shopify did not hand the app a session token. Reload the page; if it keeps happening, open the app again from Shopify admin.');
    }
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError(0, 'The app server could not be reached. Check your connection and try again.');
    }
    if (response.status === 401 && response.headers.get(RETRY_HEADER) === '1' && !retried) return send(method, path, body, true);
    const payload = await readJson(response);
    if (response.ok) {
      if (payload === undefined) throw new ApiError(response.status, 'The app server sent an answer the panel cannot read. Reload the page.');
      return payload;
    }
    throw toApiError(response.status, payload);
  }

  return {
    getSettings: async () => (await send('GET', '/api/settings')) as Settings,
    saveSettings: async (update) => (await send('PUT', '/api/settings', update)) as Settings,
    sendTestEvent: async () => (await send('POST', '/api/test-event', {})) as TestEventResult,
    listEvents: async (query = {}) => ((await send('GET', `/api/events${queryString(query)}`)) as { events: EventLogEntry[] }).events,
    health: async () => (await send('GET', '/api/health')) as Health,
    matchQuality: async () => (await send('GET', '/api/match-quality')) as MatchQuality,
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const body = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const fieldErrors = isStringRecord(body.errors) ? body.errors : {};
  const fbtraceId = typeof body.fbtraceId === 'string' ? body.fbtraceId : null;
  const message = typeof body.error === 'string' && body.error !== '' ? body.error : fallbackMessage(status);
  return new ApiError(status, message, fieldErrors, fbtraceId);
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Your Shopify session ended. Reload the page to sign in again.';
  if (status >= 500) return `The app server had a problem (HTTP ${status}). Try again in a minute.`;
  return `The app server refused the request (HTTP ${status}).`;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((entry) => typeof entry === 'string');
}

function queryString(query: EventLogQuery): string {
  const params = new URLSearchParams();
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.status) params.set('status', query.status);
  if (query.before) params.set('before', query.before);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
