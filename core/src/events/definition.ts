import type { Address, BrowserContext, Customer, LineItem, Money } from '../model/commerce';
import type { ActionSource, CustomData, ServerEvent } from '../meta/wire';
import type { DroppedField } from '../normalize';

/** Where a buyer's identity can be read from. Orders and checkouts have this shape already. */
export interface IdentitySources {
  email?: string;
  phone?: string;
  customer?: Customer;
  billingAddress?: Address;
  shippingAddress?: Address;
  browser?: BrowserContext;
}

/**
 * The cart and checkout an event belongs to. Kept on its outbox row so that a privacy request for an
 * order or a customer also reaches the carts and checkouts (and their browser context) it came from.
 */
export interface SourceTokens {
  cartToken?: string;
  checkoutToken?: string;
}

/** custom_data keys a definition fills itself; value, currency and the content keys come from the engine. */
export type ExtraCustomData = Omit<CustomData, 'value' | 'currency' | 'content_ids' | 'contents' | 'content_type' | 'num_items'>;

/**
 * One Meta event, declared: its name and, for each part of the server event, the path into the
 * neutral object it is read from. `buildEvent` turns a definition plus an object into a ServerEvent.
 * A new Meta event is a new folder holding one of these.
 */
export interface EventDefinition<Source> {
  eventName: string;
  /** Deterministic, so a redelivered webhook and the browser pixel produce the same id (see eventIds). */
  eventId(source: Source): string;
  /** The platform object the event came from (order id, checkout token, cart token), for logs and joins. */
  sourceId(source: Source): string;
  tokens(source: Source): SourceTokens;
  /** When the shopper acted, by the platform's clock: becomes `event_time`. */
  occurredAt(source: Source): Date;
  actionSource(source: Source): ActionSource;
  identity(source: Source): IdentitySources;
  /** Becomes `value` and `currency`; undefined omits both. */
  value(source: Source): Money | undefined;
  /** Become `content_ids`, `contents`, `content_type` and `num_items`. */
  lines(source: Source): LineItem[];
  customData?: { [Key in keyof ExtraCustomData]: (source: Source) => ExtraCustomData[Key] };
}

export interface BuildContext {
  /** The clock for clamping slightly-future timestamps; defaults to the current time. */
  now?: Date;
}

/** A line left out of `contents` because nothing identifies its product. */
export interface SkippedLine {
  index: number;
  reason: string;
}

export interface BuiltEvent {
  event: ServerEvent;
  /** user_data values normalization refused, with the reason. */
  dropped: DroppedField[];
  sourceId: string;
  tokens: SourceTokens;
  skippedLines: SkippedLine[];
}
