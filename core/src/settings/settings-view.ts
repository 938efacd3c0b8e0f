import { noSignalDefault, type NoSignalDefault, type NoSignalPolicy } from './consent-policy';
import type { EventToggles, LimitedDataUse, PixelConfigRecord, PurchaseTrigger } from './port';

/** The admin API's view of a store's settings. Never carries the token, only whether one is saved. */
export interface SettingsView {
  pixelId: string | null;
  accessTokenSet: boolean;
  accessTokenLast4: string | null;
  testEventCode: string | null;
  purchaseTrigger: PurchaseTrigger;
  events: EventToggles;
  limitedDataUse: LimitedDataUse;
  /** The merchant's choice for events without a consent signal; null: `noConsentSignalDefault` applies. */
  noConsentSignal: NoSignalPolicy | null;
  /** The shop's region default for such events, and the country it comes from, so the merchant sees what applies. */
  noConsentSignalDefault: NoSignalDefault;
  /** Sending on/off for the whole pixel. */
  enabled: boolean;
  /** Set while sending is stopped because Meta refused the token or a permission; saving settings clears it. */
  stopped: { at: Date; reason: string } | null;
}

export const DEFAULT_EVENT_TOGGLES: EventToggles = { Purchase: true, InitiateCheckout: true, AddToCart: true, ViewContent: true, AddPaymentInfo: true };
export const DEFAULT_LIMITED_DATA_USE: LimitedDataUse = 'off';
export const DEFAULT_PURCHASE_TRIGGER: PurchaseTrigger = 'order_created';

/**
 * A store without a configuration sees the defaults a first save would create. `shopCountry` is the
 * shop's own country when the platform told us (null otherwise): it sets the consent default.
 */
export function toSettingsView(record: PixelConfigRecord | undefined, shopCountry: string | null = null): SettingsView {
  return {
    pixelId: record?.pixelId ?? null,
    accessTokenSet: Boolean(record?.accessTokenCiphertext),
    accessTokenLast4: record?.accessTokenLast4 ?? null,
    testEventCode: record?.testEventCode ?? null,
    purchaseTrigger: record?.purchaseTrigger ?? DEFAULT_PURCHASE_TRIGGER,
    events: { ...(record?.events ?? DEFAULT_EVENT_TOGGLES) },
    limitedDataUse: record?.limitedDataUse ?? DEFAULT_LIMITED_DATA_USE,
    noConsentSignal: record?.noConsentSignal ?? null,
    noConsentSignalDefault: noSignalDefault(shopCountry),
    enabled: record?.enabled ?? true,
    stopped: record?.stoppedAt ? { at: record.stoppedAt, reason: record.stoppedReason ?? 'Sending was stopped.' } : null,
  };
}
