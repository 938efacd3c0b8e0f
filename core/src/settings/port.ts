/**
 * Pixel configuration storage port. A store holds pixel configurations (one today; the model allows
 * several later). The access token is stored encrypted; only the settings service decrypts it.
 */

export const TOGGLEABLE_EVENTS = ['Purchase', 'InitiateCheckout', 'AddToCart'] as const;
export type ToggleableEvent = (typeof TOGGLEABLE_EVENTS)[number];
export type EventToggles = Record<ToggleableEvent, boolean>;

/** Which order webhook becomes the Purchase: creation (default) or payment. */
export type PurchaseTrigger = 'order_created' | 'order_paid';

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
  Pick<PixelConfigRecord, 'pixelId' | 'accessTokenCiphertext' | 'accessTokenLast4' | 'testEventCode' | 'enabled' | 'purchaseTrigger'>
> & { events?: Partial<EventToggles> };

export interface PixelConfigStore {
  listByStore(storeId: string): Promise<PixelConfigRecord[]>;
  get(id: string): Promise<PixelConfigRecord | null>;
  /** Creates the store's pixel configuration or updates it; any change closes an open circuit. */
  upsertForStore(storeId: string, patch: PixelConfigPatch): Promise<PixelConfigRecord>;
  /** Opens the circuit: the worker stops claiming this pixel's events. */
  stop(id: string, reason: string, at: Date): Promise<void>;
}
