/**
 * The settings page's client for the plugin's admin routes. Plain fetch with the dashboard's session
 * cookie, so a refused save keeps its per-field messages. The response types are the routes' own.
 */
import type { EventLogEntry } from '@capi-relay/core';

import type { toSettingsResponse } from '../../api/admin/capi-relay/settings/route';

declare const __BACKEND_URL__: string | undefined;

export type AdminSettings = ReturnType<typeof toSettingsResponse>;

export interface SettingsPatch {
  pixelId?: string | null;
  accessToken?: string;
  testEventCode?: string | null;
  enabled?: boolean;
  events?: Partial<AdminSettings['events']>;
}

export type { EventLogEntry as EventLogRow } from '@capi-relay/core';

/** A refused request: the route's message, and for settings one message per refused field. */
export class AdminRequestError extends Error {
  constructor(message: string, readonly fieldErrors: Record<string, string> = {}) {
    super(message);
  }
}

const base = () => (typeof __BACKEND_URL__ === 'string' && __BACKEND_URL__ !== '' ? __BACKEND_URL__.replace(/\/$/, '') : '');

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${base()}/admin/capi-relay${path}`, {
    ...init,
    credentials: 'include',
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const message = typeof body.message === 'string' ? body.message : `The request failed (HTTP ${response.status}).`;
    throw new AdminRequestError(message, (body.errors ?? {}) as Record<string, string>);
  }
  return body as T;
}

export const capiRelayClient = {
  getSettings: () => call<AdminSettings>('/settings'),
  saveSettings: (patch: SettingsPatch) => call<AdminSettings>('/settings', { method: 'POST', body: JSON.stringify(patch) }),
  sendTestEvent: () => call<{ eventsReceived: number | null; fbtraceId: string | null }>('/test-event', { method: 'POST', body: '{}' }),
  listEvents: (limit = 25) => call<{ events: EventLogEntry[] }>(`/events?limit=${limit}`),
};
