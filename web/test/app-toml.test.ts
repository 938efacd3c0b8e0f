/**
 * shopify.app.toml (production) and shopify.app.dev.toml must agree with the server: every
 * subscribed topic has a handler, every subscription posts to the webhook route, the redirect URL is
 * a route that exists, and the webhook API version is the one the server uses. The checked-in files
 * are the renderer's output for the placeholder values, so they cannot drift from it.
 * (Read as text: the files are simple, and no TOML parser is a dependency.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { checkAppConfigInput, PLACEHOLDER_APP_CONFIG, renderAppConfig } from '../src/shopify/app-config-toml';
import { AUTH_CALLBACK_PATH } from '../src/shopify/auth-callback-route';
import { SHOPIFY_API_VERSION } from '../src/shopify/shopify-api';
import { SUBSCRIBED_TOPICS } from '../src/webhooks/create-webhook-handler';
import { WEBHOOK_PATH } from '../src/webhooks/webhook-route';

const read = (file: string) => readFileSync(path.join(__dirname, '../..', file), 'utf8');
const quoted = (block: string) => [...block.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
const setting = (toml: string, key: string) => new RegExp(`^${key} = (.+)$`, 'm').exec(toml)?.[1];

describe.each([
  ['shopify.app.toml', 'production', 'false'],
  ['shopify.app.dev.toml', 'development', 'true'],
] as const)('%s', (file, mode, updatesUrls) => {
  const toml = read(file);
  const subscriptions = toml.split('[[webhooks.subscriptions]]').slice(1);

  it('is what `npm run shopify:config` renders for the placeholder values', () => {
    const appUrl = mode === 'production' ? PLACEHOLDER_APP_CONFIG.appUrl : 'https://localhost:3000';
    expect(toml).toBe(renderAppConfig({ ...PLACEHOLDER_APP_CONFIG, mode, appUrl }));
  });

  it('subscribes exactly the topics the server handles, all on the webhook route', () => {
    const topics = subscriptions.flatMap((block) => quoted(/(?:compliance_)?topics = \[([^\]]*)\]/.exec(block)?.[1] ?? ''));
    expect([...topics].sort()).toEqual([...SUBSCRIBED_TOPICS].sort());
    expect(topics).toContain('app/scopes_update');
    expect(subscriptions.map((block) => /uri = "([^"]+)"/.exec(block)?.[1])).toEqual(subscriptions.map(() => WEBHOOK_PATH));
  });

  it('puts the compliance topics in compliance_topics', () => {
    const compliance = subscriptions.flatMap((block) => quoted(/compliance_topics = \[([^\]]*)\]/.exec(block)?.[1] ?? ''));
    expect(compliance.sort()).toEqual(['customers/data_request', 'customers/redact', 'shop/redact']);
  });

  it('serializes webhooks with the API version the server uses, and redirects to a route that exists', () => {
    expect(/\[webhooks\]\s*(?:#[^\n]*\n\s*)*api_version = "([^"]+)"/.exec(toml)?.[1]).toBe(SHOPIFY_API_VERSION);
    expect(setting(toml, 'redirect_urls')).toBe(`["${new URL(setting(toml, 'application_url')!.slice(1, -1)).origin}${AUTH_CALLBACK_PATH}"]`);
  });

  it(`has automatically_update_urls_on_dev = ${updatesUrls}`, () => {
    expect(setting(toml, 'automatically_update_urls_on_dev')).toBe(updatesUrls);
  });
});

describe('npm run shopify:config input', () => {
  const production = { ...PLACEHOLDER_APP_CONFIG, mode: 'production' as const };

  it('refuses the placeholders and plain http for production, and a URL with a path anywhere', () => {
    expect(checkAppConfigInput(production)).toEqual([expect.stringContaining('client id')]);
    expect(checkAppConfigInput({ ...production, clientId: 'a'.repeat(32), appUrl: 'http://relay.example.com' })).toEqual([expect.stringContaining('https')]);
    expect(checkAppConfigInput({ ...production, mode: 'development', appUrl: 'https://relay.example.com/app' })).toEqual([expect.stringContaining('without a path')]);
  });

  it("renders the operator's client id and URLs", () => {
    const input = { ...production, clientId: '0123456789abcdef0123456789abcdef', appUrl: 'https://relay.example.com' };
    expect(checkAppConfigInput(input)).toEqual([]);
    const toml = renderAppConfig(input);
    expect(setting(toml, 'client_id')).toBe('"0123456789abcdef0123456789abcdef"');
    expect(setting(toml, 'application_url')).toBe('"https://relay.example.com"');
    expect(setting(toml, 'redirect_urls')).toBe('["https://relay.example.com/api/auth/callback"]');
  });
});
