/**
 * A hand-built event that passes every sandbox check: a website Purchase with hashed contact data,
 * browser ids and contents. For tests and demos; hashing here is plain SHA-256 of already-normal
 * values, independent of core's normalize code.
 */
import { createHash } from 'node:crypto';
import type { ServerEvent } from '../meta/wire';

const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** Shallow overrides replace whole top-level fields (user_data, custom_data) when given. */
export function sampleServerEvent(overrides: Partial<ServerEvent> = {}, now: Date = new Date()): ServerEvent {
  const eventTime = Math.floor(now.getTime() / 1000);
  return {
    event_name: 'Purchase',
    event_time: eventTime,
    event_id: 'purchase:1001',
    action_source: 'website',
    event_source_url: 'https://shop.example.com/checkouts/c/1001/thank-you',
    user_data: {
      em: [sha256('jane.doe@example.com')],
      ph: [sha256('16505551212')],
      fn: [sha256('jane')],
      ln: [sha256('doe')],
      ct: [sha256('paloalto')],
      st: [sha256('ca')],
      zp: [sha256('94301')],
      country: [sha256('us')],
      external_id: [sha256('7001')],
      client_ip_address: '2001:db8::1',
      client_user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      fbp: `fb.1.${now.getTime()}.1234567890`,
    },
    custom_data: {
      value: 59.9,
      currency: 'USD',
      content_type: 'product',
      content_ids: ['SKU-1', 'SKU-2'],
      contents: [
        { id: 'SKU-1', quantity: 2, item_price: 19.95 },
        { id: 'SKU-2', quantity: 1, item_price: 20 },
      ],
      order_id: '1001',
    },
    ...overrides,
  };
}
