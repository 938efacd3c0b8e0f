import { OPEN_SKIP_REASONS, type OpenOutboxEvent, type ServerEvent } from '@capi-relay/core';
import type { Db } from '../client';

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
    select: { pixelConfigId: true, eventName: true, eventId: true, sourceId: true, payload: true },
  });
  return rows.map((row) => ({ ...row, pixelConfigId: row.pixelConfigId as string, payload: JSON.parse(row.payload) as ServerEvent }));
}
