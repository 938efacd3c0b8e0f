import type { Settings } from '../types';

/** Saved settings as the API returns them for a configured pixel of a shop in Germany; tests change what they look at. */
export function savedSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    pixelId: '123456789012345',
    accessTokenSet: true,
    accessTokenLast4: 'abcd',
    testEventCode: null,
    purchaseTrigger: 'order_created',
    events: { Purchase: true, InitiateCheckout: true, AddToCart: true, ViewContent: true, AddPaymentInfo: true },
    limitedDataUse: 'off',
    noConsentSignal: null,
    noConsentSignalDefault: { policy: 'keep', region: 'eea_uk_ch', country: 'DE' },
    enabled: true,
    stopped: null,
    ...overrides,
  };
}
