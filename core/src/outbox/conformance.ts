/**
 * The shared test battery every OutboxStore implementation must pass (Prisma on SQLite and
 * PostgreSQL, the in-memory store, and any future store). Call it from a Jest test file:
 *
 *   describeOutboxStoreConformance('prisma sqlite', async () => harnessOverAFreshDatabase());
 *
 * The factory runs before each test and must return stores over an EMPTY database: claims span all
 * stores, so rows left by an earlier test would be claimed by the next one.
 */
import type { ServerEvent } from '../meta/wire';
import type { PixelConfigStore } from '../settings/port';
import { describeClaimConformance } from './conformance-claim';
import { describeCartSnapshotConformance } from './conformance-cart';
import { describeConsentConformance } from './conformance-consent';
import { describeEventLogConformance } from './conformance-log';
import { describeLeaseConformance } from './conformance-lease';
import { describeMarkConformance } from './conformance-marks';
import { describeRecordConformance } from './conformance-record';
import { describeStitchConformance } from './conformance-stitch';
import type { CartStateStore, NewOutboxEvent, OutboxEventLog, OutboxRetention, OutboxStore } from './port';

export interface OutboxConformanceHarness {
  outbox: OutboxStore & OutboxEventLog & OutboxRetention;
  pixels: PixelConfigStore;
  carts: CartStateStore;
  /** Creates a new store (shop) and returns its id; each call a different shop. */
  createStore(): Promise<string>;
  /** Runs after each test. */
  dispose?(): Promise<void>;
}

export type HarnessFactory = () => Promise<OutboxConformanceHarness>;

/** The clock of the battery: event times are T0 + n seconds, claims happen an hour later. */
export const T0 = new Date('2026-03-01T12:00:00.000Z');
export const LATER = new Date(T0.getTime() + 3_600_000);
export const HASHED_EMAIL = 'f1d2d2f924e986ac86fdf7b36c94bcdf32beec15f1d2d2f924e986ac86fdf7b3';

export function serverEvent(eventName: string, eventId: string, eventTime: Date): ServerEvent {
  return {
    event_name: eventName,
    event_time: Math.floor(eventTime.getTime() / 1000),
    event_id: eventId,
    action_source: 'website',
    event_source_url: 'https://shop.example/checkout',
    user_data: { em: [HASHED_EMAIL], client_user_agent: 'Mozilla/5.0' },
    custom_data: { value: 12.5, currency: 'EUR' },
  };
}

/** A queued Purchase for order `n` at T0 + n seconds, unless overridden. */
export function newEvent(storeId: string, pixelConfigId: string | null, n: number, overrides: Partial<NewOutboxEvent> = {}): NewOutboxEvent {
  const eventName = overrides.eventName ?? 'Purchase';
  const eventId = overrides.eventId ?? `order-${n}`;
  const eventTime = overrides.eventTime ?? new Date(T0.getTime() + n * 1000);
  return {
    storeId,
    pixelConfigId,
    eventName,
    eventId,
    sourceId: `${n}`,
    eventTime,
    payload: serverEvent(eventName, eventId, eventTime),
    status: 'queued',
    userDataKeys: ['client_user_agent', 'em'],
    droppedUserData: [],
    ...overrides,
  };
}

export interface ConformanceContext {
  harness(): OutboxConformanceHarness;
  /** A fresh store with one enabled pixel configuration. */
  storeWithPixel(): Promise<{ storeId: string; pixelConfigId: string }>;
}

export function describeOutboxStoreConformance(name: string, factory: HarnessFactory): void {
  describe(`OutboxStore conformance: ${name}`, () => {
    let current: OutboxConformanceHarness | undefined;

    beforeEach(async () => {
      current = await factory();
    });
    afterEach(async () => {
      await current?.dispose?.();
      current = undefined;
    });

    const context: ConformanceContext = {
      harness() {
        if (!current) throw new Error('conformance harness used outside a test');
        return current;
      },
      async storeWithPixel() {
        const h = context.harness();
        const storeId = await h.createStore();
        const pixel = await h.pixels.upsertForStore(storeId, {
          pixelId: '123456789012345',
          accessTokenCiphertext: 'v1:conformance-ciphertext',
          accessTokenLast4: 'wxyz',
          enabled: true,
        });
        return { storeId, pixelConfigId: pixel.id };
      },
    };

    describeRecordConformance(context);
    describeClaimConformance(context);
    describeMarkConformance(context);
    describeLeaseConformance(context);
    describeEventLogConformance(context);
    describeCartSnapshotConformance(context);
    describeStitchConformance(context);
    describeConsentConformance(context);
  });
}
