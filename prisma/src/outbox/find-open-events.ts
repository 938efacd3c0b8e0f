import { OPEN_SKIP_REASONS, type OpenOutboxEvent, type ServerEvent } from '@capi-relay/core';
import type { Db } from '../client';
import { payloadText } from './payload-text';

/** The store's rows from these sources a twin can still change: queued, or kept for browser context or a consent signal. */
export async function findOpenEvents(db: Db, storeId: string, sourceIds: string[]): Promise<OpenOutboxEvent[]> {
  if (sourceIds.length === 0) return [];
  const rows = await db.client.outboxEvent.findMany({
    where: {
      storeId,
      sourceId: { in: sourceIds },
      pixelConfigId: { not: null },
      OR: [{ status: 'queued' }, { status: 'skipped', reason: { in: [...OPEN_SKIP_REASONS] } }],
    },
    select: { id: true, pixelConfigId: true, eventName: true, eventId: true, sourceId: true, body: { select: { payload: true } } },
  });
  return rows.map(({ id, body, ...row }) => ({ ...row, pixelConfigId: row.pixelConfigId as string, payload: JSON.parse(payloadText(id, body?.payload)) as ServerEvent }));
}
