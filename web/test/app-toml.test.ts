/**
 * shopify.app.toml and the server must agree: every subscribed topic has a handler, every
 * subscription posts to the webhook route, and the webhook API version is the one the server uses.
 * (Read as text: the file is simple, and no TOML parser is a dependency.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { SHOPIFY_API_VERSION } from '../src/shopify/shopify-api';
import { SUBSCRIBED_TOPICS } from '../src/webhooks/create-webhook-handler';
import { WEBHOOK_PATH } from '../src/webhooks/webhook-route';

const toml = readFileSync(path.join(__dirname, '../../shopify.app.toml'), 'utf8');
const quoted = (block: string) => [...block.matchAll(/"([^"]+)"/g)].map((match) => match[1]);

describe('shopify.app.toml', () => {
  const subscriptions = toml.split('[[webhooks.subscriptions]]').slice(1);

  it('subscribes exactly the topics the server handles, all on the webhook route', () => {
    const topics = subscriptions.flatMap((block) => quoted(/(?:compliance_)?topics = \[([^\]]*)\]/.exec(block)?.[1] ?? ''));
    expect([...topics].sort()).toEqual([...SUBSCRIBED_TOPICS].sort());
    expect(subscriptions.map((block) => /uri = "([^"]+)"/.exec(block)?.[1])).toEqual(subscriptions.map(() => WEBHOOK_PATH));
  });

  it('puts the compliance topics in compliance_topics', () => {
    const compliance = subscriptions.flatMap((block) => quoted(/compliance_topics = \[([^\]]*)\]/.exec(block)?.[1] ?? ''));
    expect(compliance.sort()).toEqual(['customers/data_request', 'customers/redact', 'shop/redact']);
  });

  it('serializes webhooks with the API version the server uses', () => {
    expect(/\[webhooks\]\s*(?:#[^\n]*\n\s*)*api_version = "([^"]+)"/.exec(toml)?.[1]).toBe(SHOPIFY_API_VERSION);
  });
});
