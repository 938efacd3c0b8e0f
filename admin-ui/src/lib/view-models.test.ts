import { ApiError } from './api-client';
import { currentCursor, eventRow, firstPage, hasPrevious, nextPage, previousPage } from './event-log-view';
import { healthBanners } from './health-view';
import { matchQualityView } from './match-quality-view';
import { testEventFailed, testEventSucceeded } from './test-event-view';
import { savedSettings } from './__tests__/saved-settings';
import type { EventLogEntry, Health, MatchQuality } from './types';

const settings = savedSettings();
const healthy: Health = {
  status: 'ok',
  database: 'ok',
  shop: 'a.myshopify.com',
  pixel: { configured: true, enabled: true, sending: true, stopped: null, message: 'Events are being sent to Meta.' },
  adminApi: { status: 'ready', scope: 'read_orders', expiresAt: null },
};
const ids = (health: Health, options = { preview: false, waitingForBrowser: 0 }, saved = settings) => healthBanners(health, saved, options).map((b) => [b.id, b.tone, b.action]);

describe('health banners', () => {
  it('shows nothing while all is well', () => {
    expect(ids(healthy)).toEqual([]);
  });

  it('is critical when Meta refused the token, and says to paste a new one', () => {
    const stopped = { ...healthy, pixel: { ...healthy.pixel!, sending: false, stopped: { at: '2026-01-01T00:00:00Z', reason: 'The token expired.', cause: 'meta_refused' as const } } };
    const [banner] = healthBanners(stopped, settings, { preview: false, waitingForBrowser: 0 });
    expect(banner).toMatchObject({ id: 'stopped', tone: 'critical' });
    expect(banner?.body).toContain('The token expired.');
    expect(banner?.body).toContain('paste it under Access token');
  });

  it('offers Resume sending after a reinstall', () => {
    const paused = { ...healthy, pixel: { ...healthy.pixel!, stopped: { at: '2026-01-01T00:00:00Z', reason: 'The app was uninstalled from this store.', cause: 'uninstalled' as const } } };
    expect(ids(paused)).toEqual([['uninstalled', 'warning', 'resume']]);
  });

  it('reports a failed Admin API connection, except in the preview, which has none', () => {
    const failed = { ...healthy, adminApi: { status: 'failed' as const, message: 'Shopify refused the token exchange.', failedAt: '2026-01-01T00:00:00Z' } };
    expect(ids(failed)).toEqual([['admin_api', 'critical', undefined]]);
    expect(ids(failed, { preview: true, waitingForBrowser: 0 })).toEqual([]);
  });

  it('warns about a test event code, prompts setup, and counts checkouts waiting for the browser', () => {
    const unconfigured = { ...healthy, pixel: { ...healthy.pixel!, configured: false } };
    expect(ids(unconfigured, { preview: false, waitingForBrowser: 2 }, { ...settings, testEventCode: 'TEST1' })).toEqual([
      ['setup', 'info', undefined],
      ['test_code', 'warning', undefined],
      ['browser_context', 'info', undefined],
    ]);
    const [waiting] = healthBanners(healthy, settings, { preview: false, waitingForBrowser: 1 });
    expect(waiting?.body).toMatch(/^1 event waits /);
  });

  it('puts an unreachable database first', () => {
    expect(ids({ status: 'degraded', database: 'unreachable' })).toEqual([['database', 'critical', undefined]]);
  });
});

const entry = (overrides: Partial<EventLogEntry> = {}): EventLogEntry => ({
  id: 'e1',
  cursor: '2026-01-01T10:00:00.000Z_e1',
  eventName: 'AddToCart',
  eventId: 'cart:1',
  sourceId: 'cart-token',
  status: 'skipped',
  reason: 'disabled',
  reasonDetail: null,
  attempts: 0,
  fbtraceId: null,
  lastMessage: null,
  userDataKeys: [],
  eventTime: '2026-01-01T10:00:00.000Z',
  createdAt: '2026-01-01T10:00:00.000Z',
  lastAttemptAt: null,
  nextAttemptAt: null,
  sentAt: null,
  ...overrides,
});

describe('event log rows', () => {
  it('shows a status badge and the reason in words', () => {
    expect(eventRow(entry(), () => 'T')).toEqual({
      id: 'e1',
      eventName: 'AddToCart',
      sourceId: 'cart-token',
      badge: { label: 'Skipped', tone: 'warning' },
      reason: 'This event is switched off in settings.',
      attempts: '0',
      traceId: '—',
      time: 'T',
    });
  });

  it('prefers the row\'s own detail and adds the last attempt\'s message to a failure', () => {
    const failed = eventRow(entry({ status: 'failed', reason: 'rejected', reasonDetail: 'Meta refused it: bad currency.', lastMessage: 'Invalid parameter', fbtraceId: 'Tr4ce', attempts: 3 }));
    expect(failed).toMatchObject({ badge: { label: 'Failed', tone: 'critical' }, reason: 'Meta refused it: bad currency. Invalid parameter', traceId: 'Tr4ce', attempts: '3' });
    expect(eventRow(entry({ status: 'sent', reason: null })).reason).toBe('—');
  });

  it('pages forward with the last row\'s cursor and back along the cursors seen', () => {
    const first = firstPage();
    expect([currentCursor(first), hasPrevious(first)]).toEqual([undefined, false]);
    const second = nextPage(first, entry({ cursor: 'c1' }));
    const third = nextPage(second, entry({ cursor: 'c2' }));
    expect([currentCursor(third), hasPrevious(third)]).toEqual(['c2', true]);
    expect(currentCursor(previousPage(third))).toBe('c1');
    expect(previousPage(first)).toBe(first);
  });
});

const quality = (sent: number, keyCounts: Record<string, number>, dropped: MatchQuality['dropped'] = []): MatchQuality => ({
  since: '2026-01-01T00:00:00Z',
  until: '2026-01-02T00:00:00Z',
  counts: { queued: 1, sending: 0, sent, failed: 0, skipped: 2, expired: 0 },
  keyCounts,
  dropped,
  waitingForBrowser: 0,
});

describe('match quality', () => {
  it('gives each key its share of sent events and names the strongest key that is missing most', () => {
    const view = matchQualityView(quality(4, { em: 4, ph: 1, external_id: 4, fbc: 4, fbp: 4 }));
    expect(view.counts).toEqual([
      { status: 'sent', label: 'Sent', count: 4 },
      { status: 'queued', label: 'Queued', count: 1 },
      { status: 'skipped', label: 'Skipped', count: 2 },
    ]);
    expect(view.keys.find((key) => key.key === 'em')?.text).toBe('100% (4 of 4)');
    expect(view.keys.find((key) => key.key === 'ph')?.text).toBe('25% (1 of 4)');
    expect(view.advice).toMatch(/^Phone would help most \(on 25% of sent events\): Ask for a phone number/);
  });

  it('says which keys were left out of sent events and why', () => {
    const view = matchQualityView(quality(4, { em: 3 }, [
      { field: 'em', reason: 'email is not an email address (no "@")', events: 1 },
      { field: 'fbc', reason: 'fbc creation time is not in milliseconds', events: 2 },
    ]));
    expect(view.dropped).toEqual([
      'Email left out of 1 sent event: email is not an email address (no "@")',
      'Click ID (fbc) left out of 2 sent events: fbc creation time is not in milliseconds',
    ]);
    expect(matchQualityView(quality(4, { em: 4 })).dropped).toEqual([]);
  });

  it('says when there is nothing to judge, and when nothing is missing', () => {
    expect(matchQualityView(quality(0, {})).advice).toBe('No events were sent in the last 24 hours, so there is nothing to judge yet.');
    const all = Object.fromEntries(['em', 'ph', 'external_id', 'fbc', 'fbp', 'client_ip_address', 'client_user_agent', 'fn', 'ln', 'zp', 'ct', 'st', 'country'].map((key) => [key, 5]));
    expect(matchQualityView(quality(5, all)).advice).toContain('Meta has what it needs');
  });
});

describe('connection check outcome', () => {
  it('shows events received and the trace id', () => {
    expect(testEventSucceeded({ eventsReceived: 1, fbtraceId: 'AbC', eventId: 'x' })).toMatchObject({ tone: 'success', title: 'Meta received 1 test event', lines: ['Trace ID: AbC', expect.any(String)] });
  });

  it('shows Meta\'s refusal in its words, with the trace id and a retry hint for temporary failures', () => {
    expect(testEventFailed(new ApiError(400, 'The access token has expired.', {}, 'Tr'))).toEqual({
      tone: 'critical',
      title: 'Meta did not accept the test event',
      lines: ['The access token has expired.', 'Trace ID: Tr'],
    });
    expect(testEventFailed(new ApiError(502, 'Meta did not answer.')).lines).toContain('Meta or the app server had a temporary problem: try again in a minute.');
    expect(testEventFailed(new ApiError(0, 'offline')).title).toBe('The app server could not be reached');
  });
});
