import type { NoSignalPolicy } from './consent-policy';

/**
 * Pixel configuration storage port. A store holds pixel configurations (one today; the model allows
 * several later). The access token is stored encrypted; only the settings service decrypts it.
 */

/** ViewContent and AddPaymentInfo are browser-only: only the storefront pixel reports them. */
export const TOGGLEABLE_EVENTS = ['Purchase', 'InitiateCheckout', 'AddToCart', 'ViewContent', 'AddPaymentInfo'] as const;
export type ToggleableEvent = (typeof TOGGLEABLE_EVENTS)[number];
export type EventToggles = Record<ToggleableEvent, boolean>;

/** Which order webhook becomes the Purchase: creation (default) or payment. */
export type PurchaseTrigger = 'order_created' | 'order_paid';

/**
 * Meta's Limited Data Use flag on every event of the pixel: `geolocate` (country and state 0: Meta
 * applies it where the visitor's state has such a law, the setting Meta documents for US states),
 * `california` (country 1, state 1000), or `off`.
 */
export const LIMITED_DATA_USE_MODES = ['off', 'geolocate', 'california'] as const;
export type LimitedDataUse = (typeof LIMITED_DATA_USE_MODES)[number];

export interface PixelConfigRecord {
  id: string;
  storeId: string;
  pixelId: string | null;
  /** AES-256-GCM ciphertext (see secret-box), never the token itself. */
  accessTokenCiphertext: string | null;
  accessTokenLast4: string | null;
  testEventCode: string | null;
  enabled: boolean;
  events: EventToggles;
  purchaseTrigger: PurchaseTrigger;
  limitedDataUse: LimitedDataUse;
  /** What happens to events without a consent signal; null follows the shop's region (see consent-policy). */
  noConsentSignal: NoSignalPolicy | null;
  /** Set when Meta refused the token or permission: the circuit is open until the settings change. */
  stoppedAt: Date | null;
  stoppedReason: string | null;
  updatedAt: Date;
}

/**
 * The fields a save changes. `events` names only the switches that change: the store merges them
 * into the row inside its write, so two concurrent saves of different switches both hold.
 */
export type PixelConfigPatch = Partial<
  Pick<PixelConfigRecord, 'pixelId' | 'accessTokenCiphertext' | 'accessTokenLast4' | 'testEventCode' | 'enabled' | 'purchaseTrigger' | 'limitedDataUse' | 'noConsentSignal'>
> & { events?: Partial<EventToggles> };

export interface PixelConfigStore {
  listByStore(storeId: string): Promise<PixelConfigRecord[]>;
  get(id: string): Promise<PixelConfigRecord | null>;
  /** Creates the store's pixel configuration or updates it; any change closes an open circuit. */
  upsertForStore(storeId: string, patch: PixelConfigPatch): Promise<PixelConfigRecord>;
  /** Opens the circuit: the worker stops claiming this pixel's events. */
  stop(id: string, reason: string, at: Date): Promise<void>;
}
