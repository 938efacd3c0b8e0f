import { buildAddPaymentInfo } from '../add-payment-info';
import { buildViewContent } from '.';

const browser = { userAgent: 'Mozilla/5.0', ipAddress: '203.0.113.9', fbp: 'fb.1.1715000000000.1234567890', pageUrl: 'https://shop.example.com/products/mug' };

describe('browser-only events', () => {
  it('builds a ViewContent from a product view, named by the pixel event id', () => {
    const built = buildViewContent({
      id: 'sh-88e1-4b2c',
      occurredAt: new Date('2026-03-10T10:30:00Z'),
      line: { variantId: '808950810', productId: '632910392', quantity: 1, unitPrice: { amount: '19.99', currency: 'eur' } },
      browser,
    });
    expect(built.event).toEqual({
      event_name: 'ViewContent',
      event_time: Date.parse('2026-03-10T10:30:00Z') / 1000,
      event_id: 'view_content:sh-88e1-4b2c',
      action_source: 'website',
      event_source_url: 'https://shop.example.com/products/mug',
      user_data: { client_ip_address: '203.0.113.9', client_user_agent: 'Mozilla/5.0', fbp: 'fb.1.1715000000000.1234567890' },
      custom_data: { value: 19.99, currency: 'EUR', content_ids: ['808950810'], contents: [{ id: '808950810', quantity: 1, item_price: 19.99 }], content_type: 'product', num_items: 1 },
    });
    expect(built.sourceId).toBe('sh-88e1-4b2c');
  });

  it('builds one AddPaymentInfo per checkout token', () => {
    const built = buildAddPaymentInfo({ checkoutToken: 'bd5a8aa1', occurredAt: new Date('2026-03-10T10:31:00Z'), total: { amount: '39.98', currency: 'EUR' }, lineItems: [], browser });
    expect(built.event).toMatchObject({ event_name: 'AddPaymentInfo', event_id: 'add_payment_info:bd5a8aa1', custom_data: { value: 39.98, currency: 'EUR' } });
    expect(built.sourceId).toBe('bd5a8aa1');
  });
});
