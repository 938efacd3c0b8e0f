/**
 * Shopify's Session objects over the db package's session store (plain records, tokens sealed at
 * rest). This app only keeps offline sessions (token exchange never asks for online ones), so the
 * online-user fields are not carried.
 */
import { Session } from '@shopify/shopify-api';
import type { SessionRecord, SessionStore } from '@capi-relay/db';

import type { OfflineSessionStorage } from './admin-access';

export function shopifySessionStorage(store: Pick<SessionStore, 'storeSession' | 'loadSession'>): OfflineSessionStorage {
  return {
    storeSession: (session) => store.storeSession(toRecord(session)),
    async loadSession(id) {
      const record = await store.loadSession(id);
      return record ? toSession(record) : undefined;
    },
  };
}

function toRecord(session: Session): SessionRecord {
  const record: SessionRecord = {
    id: session.id,
    shop: session.shop,
    state: session.state,
    isOnline: session.isOnline,
    scope: session.scope,
    expires: session.expires,
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    refreshTokenExpires: session.refreshTokenExpires,
  };
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as SessionRecord;
}

function toSession(record: SessionRecord): Session {
  return new Session({
    id: record.id,
    shop: record.shop,
    state: record.state,
    isOnline: record.isOnline,
    scope: record.scope,
    expires: record.expires,
    accessToken: record.accessToken,
    refreshToken: record.refreshToken,
    refreshTokenExpires: record.refreshTokenExpires,
  });
}
