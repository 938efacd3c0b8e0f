import type { ServerEvent } from '../../meta/wire';
import { sha256Hex } from '../../testing/sha256-hex';
import { MAX_EVENT_AGE_SECONDS } from '../../validate';
import type { NewOutboxEvent, StoredTwin } from '../port';
import { stitchTwin } from './stitch-twin';

const NOW = new Date('2026-03-10T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;

function event(overrides: Partial<ServerEvent> = {}): ServerEvent {
  return {
    event_name: 'Purchase',
    event_time: NOW_SECONDS - 60,
    event_id: 'purchase:1',
    action_source: 'website',
    user_data: { em: [sha256Hex('jane@example.com')] },
    custom_data: { value: 10, currency: 'EUR' },
    ...overrides,
  };
}

const browserHalf = (overrides: Partial<ServerEvent> = {}) =>
  event({ event_source_url: 'https://shop.example/thank-you', user_data: { client_user_agent: 'Mozilla/5.0' }, custom_data: {}, ...overrides });

function stored(overrides: Partial<StoredTwin> = {}): StoredTwin {
  return {
    status: 'skipped',
    reason: 'needs_browser_context',
    payload: event(),
    customerRef: null,
    cartToken: null,
    checkoutToken: null,
    droppedUserData: [],
    awaitingTwin: 'browser',
    nextAttemptAt: null,
    withoutConsentSignal: false,
    ...overrides,
  };
}

function incoming(payload: ServerEvent, overrides: Partial<NewOutboxEvent> = {}): NewOutboxEvent {
  return { storeId: 's', pixelConfigId: 'p', eventName: payload.event_name, eventId: payload.event_id, sourceId: '1', eventTime: new Date(payload.event_time * 1000), payload, status: 'queued', userDataKeys: [], droppedUserData: [], ...overrides };
}

describe('stitchTwin', () => {
  it('queues a kept row its twin completes, due at its event time, with the customer reference filled in', () => {
    const result = stitchTwin(stored(), incoming(browserHalf(), { awaitingTwin: 'server', customerRef: 'cust-1' }), NOW);
    expect(result).toMatchObject({ status: 'queued', reason: null, awaitingTwin: null, customerRef: 'cust-1', nextAttemptAt: new Date((NOW_SECONDS - 60) * 1000) });
    expect(result?.payload).toMatchObject({ event_source_url: 'https://shop.example/thank-you', user_data: { em: [sha256Hex('jane@example.com')], client_user_agent: 'Mozilla/5.0' }, custom_data: { value: 10, currency: 'EUR' } });
    expect(result?.userDataKeys).toEqual(['client_user_agent', 'em']);
  });

  it('expires a kept row whose twin arrives after Meta\'s window', () => {
    const old = NOW_SECONDS - MAX_EVENT_AGE_SECONDS - 10;
    const result = stitchTwin(stored({ payload: event({ event_time: old }) }), incoming(browserHalf({ event_time: old })), NOW);
    expect(result).toMatchObject({ status: 'expired', reason: 'too_old', nextAttemptAt: null });
  });

  it('lets a twin that knows the order is a test keep a waiting pixel half from being sent', () => {
    const waiting = stored({ status: 'queued', reason: null, payload: browserHalf(), awaitingTwin: 'server', nextAttemptAt: new Date(NOW.getTime() + 60_000) });
    const result = stitchTwin(waiting, incoming(event(), { status: 'skipped', reason: 'test_order', reasonDetail: 'A test order.' }), NOW);
    expect(result).toMatchObject({ status: 'skipped', reason: 'test_order', reasonDetail: 'A test order.', nextAttemptAt: null });
  });

  it('leaves rows that are sent, being sent, or kept for a reason no twin cures', () => {
    for (const row of [stored({ status: 'sent', reason: null }), stored({ status: 'sending', reason: null }), stored({ reason: 'no_consent' }), stored({ status: 'failed', reason: 'rejected' })]) {
      expect(stitchTwin(row, incoming(browserHalf()), NOW)).toBeNull();
    }
  });

  describe('consent signals', () => {
    const LDU = { data_processing_options: ['LDU'], data_processing_options_country: 0, data_processing_options_state: 0 };
    const KEPT = { status: 'skipped' as const, reason: 'no_consent_signal' as const, reasonDetail: 'No consent signal came with this event.' };
    const withoutSignal = (overrides: Partial<StoredTwin> = {}) => stored({ ...KEPT, withoutConsentSignal: true, ...overrides });

    it('queues a row kept for want of a consent signal once its twin brings one that allows it', () => {
      const result = stitchTwin(withoutSignal(), incoming(browserHalf(), { awaitingTwin: 'server' }), NOW);
      expect(result).toMatchObject({ status: 'queued', reason: null, reasonDetail: null, withoutConsentSignal: false, nextAttemptAt: new Date((NOW_SECONDS - 60) * 1000) });
      expect(result?.payload.user_data).toMatchObject({ client_user_agent: 'Mozilla/5.0', em: [sha256Hex('jane@example.com')] });
    });

    it('keeps such a row when the twin has no signal either, or refuses', () => {
      const noSignalTwin = stitchTwin(withoutSignal(), incoming(browserHalf(), { ...KEPT, withoutConsentSignal: true }), NOW);
      expect(noSignalTwin).toMatchObject({ status: 'skipped', reason: 'no_consent_signal', withoutConsentSignal: true });
      const refused = stitchTwin(withoutSignal(), incoming(browserHalf(), { status: 'skipped', reason: 'no_consent', reasonDetail: 'Declined.' }), NOW);
      expect(refused).toMatchObject({ status: 'skipped', reason: 'no_consent', withoutConsentSignal: false });
    });

    it('lets a twin without a signal neither keep a row that had one nor add its policy\'s Limited Data Use', () => {
      const waiting = stored({ status: 'queued', reason: null, payload: browserHalf(), awaitingTwin: 'server', nextAttemptAt: new Date(NOW.getTime() + 60_000) });
      const kept = stitchTwin(waiting, incoming(event(), { ...KEPT, withoutConsentSignal: true }), NOW);
      expect(kept).toMatchObject({ status: 'queued', withoutConsentSignal: false });
      const flagged = stitchTwin(waiting, incoming(event(LDU), { withoutConsentSignal: true }), NOW);
      expect(flagged?.payload).not.toHaveProperty('data_processing_options');
    });

    it("drops the Limited Data Use the no-signal policy gave a row when the shopper's signal allows the sale of their data", () => {
      const flaggedRow = stored({ status: 'queued', reason: null, payload: event(LDU), awaitingTwin: 'browser', nextAttemptAt: new Date(NOW.getTime() + 60_000), withoutConsentSignal: true });
      const result = stitchTwin(flaggedRow, incoming(browserHalf(), { awaitingTwin: 'server' }), NOW);
      expect(result).toMatchObject({ status: 'queued', withoutConsentSignal: false });
      expect(result?.payload).not.toHaveProperty('data_processing_options');
      expect(result?.payload).not.toHaveProperty('data_processing_options_country');
    });

    it('never sends a sale-of-data opt-out without Limited Data Use, whichever half carries it', () => {
      const optedOutTwin = stitchTwin(withoutSignal({ status: 'queued', reason: null, awaitingTwin: 'browser', nextAttemptAt: new Date(NOW.getTime() + 60_000) }), incoming(browserHalf(LDU), { awaitingTwin: 'server' }), NOW);
      expect(optedOutTwin?.payload).toMatchObject(LDU);
      const optedOutRow = stored({ status: 'queued', reason: null, payload: browserHalf(LDU), awaitingTwin: 'server', nextAttemptAt: new Date(NOW.getTime() + 60_000) });
      for (const twin of [incoming(event(), { withoutConsentSignal: true }), incoming(event())]) {
        expect(stitchTwin(optedOutRow, twin, NOW)?.payload).toMatchObject(LDU);
      }
    });
  });
});
