import type { Engine, Logger } from '@capi-relay/core';
import type { Database, SessionStore } from '@capi-relay/db';

/** What the topic handlers work with. */
export interface WebhookContext {
  db: Pick<Database, 'outbox' | 'pixels' | 'stores' | 'storeContexts' | 'carts' | 'compliance' | 'dataExports' | 'deleteStoreData' | 'scrubDeletedContent'>;
  sessions: Pick<SessionStore, 'deleteSessionsByShop' | 'setShopScopes'>;
  /** Plans and records events (and wakes this process's worker when something was queued). */
  engine: Pick<Engine, 'enqueue' | 'plan'>;
  logger: Logger;
  now: () => Date;
}

/** Receipts and store rows name the platform; this server only ever speaks for Shopify. */
export const PLATFORM = 'shopify';
