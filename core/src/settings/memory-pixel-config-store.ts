/**
 * An in-memory PixelConfigStore for unit tests of code that reads settings (the settings service, the
 * worker, planners). Same semantics as the Prisma store: one configuration per store, created on the
 * first upsert with the schema's defaults; any upsert closes an open circuit.
 */
import { randomUUID } from 'node:crypto';
import type { PixelConfigRecord, PixelConfigStore } from './port';
import { DEFAULT_EVENT_TOGGLES, DEFAULT_LIMITED_DATA_USE, DEFAULT_PURCHASE_TRIGGER } from './settings-view';

/** A store's configuration as the schema's defaults create it: no pixel or token yet, every event on. */
export function newPixelConfigRecord(id: string, storeId: string, at: Date): PixelConfigRecord {
  return {
    id,
    storeId,
    pixelId: null,
    accessTokenCiphertext: null,
    accessTokenLast4: null,
    testEventCode: null,
    enabled: true,
    events: { ...DEFAULT_EVENT_TOGGLES },
    purchaseTrigger: DEFAULT_PURCHASE_TRIGGER,
    limitedDataUse: DEFAULT_LIMITED_DATA_USE,
    noConsentSignal: null,
    stoppedAt: null,
    stoppedReason: null,
    updatedAt: at,
  };
}

export function createMemoryPixelConfigStore(now: () => Date = () => new Date()): PixelConfigStore & { records: Map<string, PixelConfigRecord> } {
  const records = new Map<string, PixelConfigRecord>();
  const copy = (record: PixelConfigRecord): PixelConfigRecord => ({ ...record, events: { ...record.events } });

  return {
    records,
    async listByStore(storeId) {
      return [...records.values()].filter((record) => record.storeId === storeId).map(copy);
    },
    async get(id) {
      const record = records.get(id);
      return record ? copy(record) : null;
    },
    async upsertForStore(storeId, patch) {
      const existing = [...records.values()].find((record) => record.storeId === storeId);
      const base = existing ?? newPixelConfigRecord(randomUUID(), storeId, now());
      // Like Prisma, an undefined field means "leave as is".
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const updated: PixelConfigRecord = {
        ...base,
        ...defined,
        events: { ...base.events, ...patch.events },
        stoppedAt: null,
        stoppedReason: null,
        updatedAt: now(),
      };
      records.set(updated.id, updated);
      return copy(updated);
    },
    async stop(id, reason, at) {
      const record = records.get(id);
      if (!record) throw new Error(`No pixel configuration ${id}.`);
      records.set(id, { ...record, stoppedAt: at, stoppedReason: reason });
    },
  };
}
