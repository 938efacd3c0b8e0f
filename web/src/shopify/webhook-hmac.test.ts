import { createHmac } from 'node:crypto';

import { isValidWebhookSignature, signWebhookBody } from './webhook-hmac';

const body = Buffer.from('{"id":820982911946154508}', 'utf8');
const reference = (secret: string) => createHmac('sha256', secret).update(body).digest('base64');

describe('webhook HMAC', () => {
  it('signs as Shopify does: base64 HMAC-SHA256 of the raw body', () => {
    expect(signWebhookBody(body, 'secret')).toBe(reference('secret'));
  });

  it('accepts the current secret and the previous one during a rotation', () => {
    expect(isValidWebhookSignature(body, reference('new'), ['new', 'old'])).toBe(true);
    expect(isValidWebhookSignature(body, reference('old'), ['new', 'old'])).toBe(true);
  });

  it('rejects another secret, a changed body, a truncated or missing signature', () => {
    expect(isValidWebhookSignature(body, reference('other'), ['new'])).toBe(false);
    expect(isValidWebhookSignature(Buffer.from('{"id":820982911946154500}'), reference('new'), ['new'])).toBe(false);
    expect(isValidWebhookSignature(body, reference('new').slice(0, 20), ['new'])).toBe(false);
    expect(isValidWebhookSignature(body, undefined, ['new'])).toBe(false);
    expect(isValidWebhookSignature(body, '', ['new'])).toBe(false);
  });
});
