import type { LimitedDataUse, NoSignalPolicy, PixelConfigPatch, PixelConfigRecord, PixelConfigStore, PurchaseTrigger } from '@capi-relay/core';
import { retryOnUniqueViolation, type Db, type Prisma } from '../client';

type PixelConfigRow = Prisma.PixelConfigGetPayload<object>;

/** Today a store has one pixel configuration, at position 0; the table allows more. */
const PRIMARY_POSITION = 0;

function toRecord(row: PixelConfigRow): PixelConfigRecord {
  return {
    id: row.id,
    storeId: row.storeId,
    pixelId: row.pixelId,
    accessTokenCiphertext: row.accessTokenCiphertext,
    accessTokenLast4: row.accessTokenLast4,
    testEventCode: row.testEventCode,
    enabled: row.enabled,
    events: {
      Purchase: row.sendPurchase,
      InitiateCheckout: row.sendInitiateCheckout,
      AddToCart: row.sendAddToCart,
      ViewContent: row.sendViewContent,
      AddPaymentInfo: row.sendAddPaymentInfo,
    },
    purchaseTrigger: row.purchaseTrigger as PurchaseTrigger,
    limitedDataUse: row.limitedDataUse as LimitedDataUse,
    noConsentSignal: row.noConsentSignal as NoSignalPolicy | null,
    stoppedAt: row.stoppedAt,
    stoppedReason: row.stoppedReason,
    updatedAt: row.updatedAt,
  };
}

type PixelColumns = Partial<
  Pick<
    PixelConfigRow,
    | 'pixelId'
    | 'accessTokenCiphertext'
    | 'accessTokenLast4'
    | 'testEventCode'
    | 'enabled'
    | 'purchaseTrigger'
    | 'sendPurchase'
    | 'sendInitiateCheckout'
    | 'sendAddToCart'
    | 'sendViewContent'
    | 'sendAddPaymentInfo'
    | 'limitedDataUse'
    | 'noConsentSignal'
  >
>;

function toColumns(patch: PixelConfigPatch): PixelColumns {
  const { events, ...scalars } = patch;
  return {
    ...scalars,
    // Only the switches named: the others keep what the row holds at the moment of the write.
    ...(events?.Purchase !== undefined && { sendPurchase: events.Purchase }),
    ...(events?.InitiateCheckout !== undefined && { sendInitiateCheckout: events.InitiateCheckout }),
    ...(events?.AddToCart !== undefined && { sendAddToCart: events.AddToCart }),
    ...(events?.ViewContent !== undefined && { sendViewContent: events.ViewContent }),
    ...(events?.AddPaymentInfo !== undefined && { sendAddPaymentInfo: events.AddPaymentInfo }),
  };
}

export function createPrismaPixelConfigStore(db: Db): PixelConfigStore {
  return {
    async listByStore(storeId) {
      const rows = await db.client.pixelConfig.findMany({ where: { storeId }, orderBy: { position: 'asc' } });
      return rows.map(toRecord);
    },

    async get(id) {
      const row = await db.client.pixelConfig.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },

    async upsertForStore(storeId, patch) {
      const columns = toColumns(patch);
      const row = await retryOnUniqueViolation(() =>
        db.write((tx) =>
          tx.pixelConfig.upsert({
            where: { storeId_position: { storeId, position: PRIMARY_POSITION } },
            create: { ...columns, storeId, position: PRIMARY_POSITION },
            // A settings change is the merchant's answer to a stop: close the circuit.
            update: { ...columns, stoppedAt: null, stoppedReason: null },
          }),
        ),
      );
      return toRecord(row);
    },

    async stop(id, reason, at) {
      await db.write((tx) => tx.pixelConfig.update({ where: { id }, data: { stoppedAt: at, stoppedReason: reason } }));
    },
  };
}
