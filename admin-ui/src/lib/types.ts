/**
 * The admin API's shapes as the panel receives them (JSON: dates are ISO strings). Written from
 * web/README.md's route table; the Medusa admin page speaks the same API and reuses these.
 */
/** ViewContent and AddPaymentInfo are browser-only: only the storefront pixel reports them. */
export const TOGGLEABLE_EVENTS = ['Purchase', 'InitiateCheckout', 'AddToCart', 'ViewContent', 'AddPaymentInfo'] as const;
export type ToggleableEvent = (typeof TOGGLEABLE_EVENTS)[number];

export const PURCHASE_TRIGGERS = ['order_created', 'order_paid'] as const;
export type PurchaseTrigger = (typeof PURCHASE_TRIGGERS)[number];

/** Meta's Limited Data Use flag on every event: off, geolocated (country and state 0), or California (1 and 1000). */
export const LIMITED_DATA_USE_MODES = ['off', 'geolocate', 'california'] as const;
export type LimitedDataUse = (typeof LIMITED_DATA_USE_MODES)[number];

/** What happens to events that arrive without a consent signal. */
export const NO_SIGNAL_POLICIES = ['send', 'limited_data_use', 'keep'] as const;
export type NoSignalPolicy = (typeof NO_SIGNAL_POLICIES)[number];
export type ConsentRegion = 'eea_uk_ch' | 'us' | 'other' | 'unknown';

export const EVENT_STATUSES = ['queued', 'sending', 'sent', 'failed', 'skipped', 'expired'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export interface Settings {
  pixelId: string | null;
  accessTokenSet: boolean;
  accessTokenLast4: string | null;
  testEventCode: string | null;
  purchaseTrigger: PurchaseTrigger;
  events: Record<ToggleableEvent, boolean>;
  limitedDataUse: LimitedDataUse;
  /** The merchant's choice; null: `noConsentSignalDefault` applies. */
  noConsentSignal: NoSignalPolicy | null;
  /** The default for the shop's region, and the shop's country (ISO alpha-2) it comes from. */
  noConsentSignalDefault: { policy: NoSignalPolicy; region: ConsentRegion; country: string | null };
  enabled: boolean;
  stopped: { at: string; reason: string } | null;
}

/** A PUT body: any subset. `accessToken` is write-only; null fields clear. */
export interface SettingsUpdate {
  pixelId?: string | null;
  accessToken?: string;
  testEventCode?: string | null;
  purchaseTrigger?: PurchaseTrigger;
  events?: Partial<Record<ToggleableEvent, boolean>>;
  limitedDataUse?: LimitedDataUse;
  /** null: back to the region's default. */
  noConsentSignal?: NoSignalPolicy | null;
  enabled?: boolean;
}

export interface TestEventResult {
  eventsReceived: number | null;
  fbtraceId: string | null;
  eventId: string;
}

export interface EventLogEntry {
  id: string;
  cursor: string;
  eventName: string;
  eventId: string;
  sourceId: string;
  status: EventStatus;
  reason: string | null;
  reasonDetail: string | null;
  attempts: number;
  fbtraceId: string | null;
  lastMessage: string | null;
  userDataKeys: string[];
  eventTime: string;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
}

export interface EventLogQuery {
  status?: EventStatus;
  /** The `cursor` of the last row of the previous page. */
  before?: string;
  limit?: number;
}

export type AdminApiState =
  | { status: 'ready'; scope: string | null; expiresAt: string | null }
  | { status: 'not_connected'; message: string }
  | { status: 'failed'; message: string; failedAt: string };

export interface PixelHealth {
  configured: boolean;
  enabled: boolean;
  sending: boolean;
  /** `uninstalled`: stopped by an uninstall, a reinstall left it so; `meta_refused`: Meta refused the token or a permission. */
  stopped: { at: string; reason: string; cause: 'uninstalled' | 'meta_refused' } | null;
  message: string;
}

export interface Health {
  status: 'ok' | 'degraded';
  database: 'ok' | 'unreachable';
  shop?: string;
  pixel?: PixelHealth;
  adminApi?: AdminApiState;
  events?: Record<EventStatus, number>;
}

export interface MatchQuality {
  since: string;
  until: string;
  counts: Record<EventStatus, number>;
  /** For each user_data key name, how many of the window's sent events carried it. */
  keyCounts: Record<string, number>;
  /** Keys the app left out of sent events because the store's value failed a rule, with how often. */
  dropped: { field: string; reason: string; events: number }[];
  /** Checkouts and carts kept until the storefront pixel reports their browser details. */
  waitingForBrowser: number;
}
