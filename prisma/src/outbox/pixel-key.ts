import type { NewOutboxEvent } from '@capi-relay/core';

/** The unique key's pixel part: a nullable column cannot carry a unique constraint portably. */
export function pixelKeyOf(event: Pick<NewOutboxEvent, 'storeId' | 'pixelConfigId'>): string {
  return event.pixelConfigId ?? `none:${event.storeId}`;
}
