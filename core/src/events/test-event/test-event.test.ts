import { sha256Hex } from '../../testing/sha256-hex';
import { validateEvent } from '../../validate';
import { buildTestEvent, type TestEventInput } from '.';

const NOW = new Date('2026-03-10T12:00:00Z');

function input(overrides: Partial<TestEventInput> = {}): TestEventInput {
  return { storeRef: 'demo.myshopify.com', userAgent: 'Mozilla/5.0 (admin)', pageUrl: 'https://demo.myshopify.com/', now: NOW, ...overrides };
}

describe('buildTestEvent', () => {
  it('builds a sendable PageView with no value (never revenue) on the storefront page, the admin\'s user agent and the store as external_id', () => {
    const { event, sourceId } = buildTestEvent(input());
    expect(event).toEqual({
      event_name: 'PageView',
      event_time: NOW.getTime() / 1000,
      event_id: expect.stringMatching(/^test:[0-9a-f-]{36}$/),
      action_source: 'website',
      event_source_url: 'https://demo.myshopify.com/',
      user_data: { external_id: [sha256Hex('capi-relay-test:demo.myshopify.com')], client_user_agent: 'Mozilla/5.0 (admin)' },
    });
    expect(sourceId).toBe('test-event');
    expect(validateEvent(event, { now: NOW })).toEqual([]);
  });

  it('gives every test its own event_id, so Meta does not deduplicate a repeated test away', () => {
    expect(buildTestEvent(input()).event.event_id).not.toBe(buildTestEvent(input()).event.event_id);
  });

  it('leaves out the user agent when the admin\'s browser sent none, which validation then reports', () => {
    const { event } = buildTestEvent(input({ userAgent: undefined }));
    expect(event.user_data).not.toHaveProperty('client_user_agent');
    expect(validateEvent(event, { now: NOW }).map((issue) => issue.code)).toEqual(['missing_user_agent']);
  });
});
