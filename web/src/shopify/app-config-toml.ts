/**
 * Writes the Shopify app configuration (`shopify.app.toml` for production, `shopify.app.dev.toml`
 * for `shopify app dev`) from the operator's client id and URL and from what this server implements:
 * its webhook topics and route, its redirect route, its API version and the scopes it needs. One
 * renderer, so the two files and the server cannot drift apart.
 */
import { SUBSCRIBED_TOPICS } from '../webhooks/create-webhook-handler';
import { WEBHOOK_PATH } from '../webhooks/webhook-route';
import { AUTH_CALLBACK_PATH } from './auth-callback-route';
import { SHOPIFY_API_VERSION } from './shopify-api';

/**
 * read_orders: the orders/*, checkouts/* and carts/* webhooks. Their payloads carry customer data,
 * so a public app also needs protected customer data access (README, Deploying). write_pixels and
 * read_customer_events: creating the storefront web pixel (extensions/capi-relay-pixel) with
 * webPixelCreate/webPixelUpdate.
 */
export const ACCESS_SCOPES = ['read_orders', 'write_pixels', 'read_customer_events'] as const;

/** Topics that can only be subscribed in the app configuration, in their own list. */
const COMPLIANCE_TOPICS: readonly string[] = ['customers/data_request', 'customers/redact', 'shop/redact'];

export type AppConfigMode = 'production' | 'development';

export interface AppConfigInput {
  mode: AppConfigMode;
  /** The app's client id from the Shopify dev dashboard. */
  clientId: string;
  /** Where this server is reachable: https, no path. */
  appUrl: string;
  name: string;
  handle: string;
}

const CLIENT_ID = /^[0-9a-f]{32}$/;

/** The operator's values, checked: a production file must never carry a placeholder or plain http. */
export function checkAppConfigInput(input: AppConfigInput): string[] {
  const problems: string[] = [];
  if (input.mode === 'production' && !CLIENT_ID.test(input.clientId)) {
    problems.push('SHOPIFY_API_KEY must be the app\'s client id from the Shopify dev dashboard (32 hexadecimal characters).');
  }
  let url: URL | undefined;
  try {
    url = new URL(input.appUrl);
  } catch {
    problems.push(`SHOPIFY_APP_URL is not a URL: "${input.appUrl}".`);
  }
  if (url && input.mode === 'production' && url.protocol !== 'https:') problems.push('SHOPIFY_APP_URL must use https in production.');
  if (url && (url.pathname !== '/' || url.search !== '' || url.hash !== '')) problems.push('SHOPIFY_APP_URL must be an origin only, without a path.');
  return problems;
}

const quotedList = (values: readonly string[], indent: string) => `[\n${values.map((value) => `${indent}  "${value}",`).join('\n')}\n${indent}]`;

/** What the checked-in files are rendered with: an operator renders their own (`npm run shopify:config`). */
export const PLACEHOLDER_APP_CONFIG: Omit<AppConfigInput, 'mode'> = {
  clientId: 'REPLACE_WITH_YOUR_CLIENT_ID__RUN_NPM_RUN_SHOPIFY_CONFIG',
  appUrl: 'https://capi-relay.example.com',
  name: 'CAPI Relay',
  handle: 'capi-relay',
};

/** The file's text; check the input first with checkAppConfigInput (the CLI refuses what fails it). */
export function renderAppConfig(input: AppConfigInput): string {
  const origin = new URL(input.appUrl).origin;
  const eventTopics = SUBSCRIBED_TOPICS.filter((topic) => !COMPLIANCE_TOPICS.includes(topic));
  const production = input.mode === 'production';
  return `# Shopify app configuration for CAPI Relay (${production ? 'production: `shopify app deploy`' : 'development: `shopify app dev --config dev`'}).
# Written by \`npm run shopify:config${production ? '' : ' -- --dev'}\` from SHOPIFY_API_KEY and SHOPIFY_APP_URL; edit those, not this file.
# https://shopify.dev/docs/apps/build/cli-for-apps/app-configuration

client_id = "${input.clientId}"
name = "${input.name}"
handle = "${input.handle}"
application_url = "${origin}"
embedded = true
web_directories = ["web"]

[build]
# ${production ? 'Production URLs are the operator\'s; the CLI must never rewrite them.' : 'The CLI points the development store at its tunnel.'}
automatically_update_urls_on_dev = ${production ? 'false' : 'true'}

[access_scopes]
scopes = "${ACCESS_SCOPES.join(',')}"

[auth]
# Token exchange (Shopify managed installation) does not redirect; a signed link that arrives here
# is sent on to the app in the shop's admin.
redirect_urls = ["${origin}${AUTH_CALLBACK_PATH}"]

[webhooks]
# Serializes every subscription below; SHOPIFY_API_VERSION in web/src/shopify/shopify-api.ts.
api_version = "${SHOPIFY_API_VERSION}"

  # Every topic goes to one endpoint, which verifies the HMAC and routes on X-Shopify-Topic.
  [[webhooks.subscriptions]]
  topics = ${quotedList(eventTopics, '  ')}
  uri = "${WEBHOOK_PATH}"

  # Mandatory privacy webhooks (they can only be subscribed here, not through the Admin API).
  [[webhooks.subscriptions]]
  compliance_topics = ${quotedList(COMPLIANCE_TOPICS, '  ')}
  uri = "${WEBHOOK_PATH}"
`;
}
