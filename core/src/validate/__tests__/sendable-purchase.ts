import type { ServerEvent } from '../../meta/wire';
import { sha256Hex } from '../../testing/sha256-hex';

/** The clock the sendable Purchase is dated by. */
export const NOW = new Date('2026-03-10T12:00:00Z');
export const NOW_SECONDS = NOW.getTime() / 1000;

/**
 * A website Purchase validateEvent finds nothing wrong with at NOW (placed ten minutes earlier, on
 * shop.example.com); tests break it one field at a time through `overrides`.
 */
export function sendablePurchase(overrides: Partial<ServerEvent> = {}): ServerEvent {
  return {
    event_name: 'Purchase',
    event_time: NOW_SECONDS - 600,
    event_id: 'purchase:1001',
    action_source: 'website',
    event_source_url: 'https://shop.example.com/checkouts/thank-you',
    user_data: { em: [sha256Hex('jane@example.com')], client_user_agent: 'Mozilla/5.0', client_ip_address: '203.0.113.9' },
    custom_data: { value: 42.5, currency: 'EUR', content_ids: ['7'], contents: [{ id: '7', quantity: 1, item_price: 42.5 }], content_type: 'product', num_items: 1 },
    ...overrides,
  };
}
