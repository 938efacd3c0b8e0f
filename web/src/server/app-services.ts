import type { Engine, EventSender, Logger, SettingsService } from '@capi-relay/core';
import type { Database, SessionStore } from '@capi-relay/db';

import type { RateLimiter } from '../pixel/rate-limiter';
import type { AdminAccess } from '../shopify/admin-access';
import type { SessionTokenVerifier } from '../shopify/session-token';

/** Everything the routes use, built once at start-up (see create-app-services.ts). */
export interface AppServices {
  db: Database;
  sessions: SessionStore;
  engine: Pick<Engine, 'enqueue' | 'plan' | 'completeWithBrowser'>;
  settings: SettingsService;
  /** Sends the merchant's test event; the worker has its own sender. */
  graph: EventSender;
  verifySessionToken: SessionTokenVerifier;
  adminAccess: AdminAccess;
  /** The app secret(s) webhooks are signed with: current first, then the previous during a rotation. */
  webhookSecrets: readonly string[];
  webhookBodyLimitBytes: number;
  isShopDomain: (domain: string) => boolean;
  /** The app's client id (Shopify's API key): names the app in admin URLs. */
  apiKey: string;
  /** Checks the `hmac` Shopify signs admin links' query strings with (and their timestamp). */
  verifyAdminQuery: (query: Record<string, string>) => Promise<{ valid: true } | { valid: false; reason: string }>;
  /** /api/pixel: whether to read the client address from X-Forwarded-For, and the per-address limit. */
  pixel: { trustProxy: boolean; rateLimiter: RateLimiter };
  logger: Logger;
  now: () => Date;
}
