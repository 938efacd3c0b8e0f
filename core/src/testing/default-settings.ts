import type { SettingsView } from '../settings/settings-view';

/** What a store that never saved its settings is shown, written out rather than taken from the code. */
export const DEFAULT_SETTINGS_VIEW: SettingsView = {
  pixelId: null,
  accessTokenSet: false,
  accessTokenLast4: null,
  testEventCode: null,
  purchaseTrigger: 'order_created',
  events: { Purchase: true, InitiateCheckout: true, AddToCart: true, ViewContent: true, AddPaymentInfo: true },
  limitedDataUse: 'off',
  noConsentSignal: null,
  noConsentSignalDefault: { policy: 'send', region: 'unknown', country: null },
  enabled: true,
  stopped: null,
};
