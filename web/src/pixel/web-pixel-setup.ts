/**
 * The shop's web pixel, created (webPixelCreate) or brought up to date (webPixelUpdate) through the
 * Admin GraphQL API once the app holds an Admin API token for the shop: the extension does nothing
 * until then. Its settings are what the pixel posts with: this server's /api/pixel URL and the key
 * the app issued for the shop. Needs the write_pixels and read_customer_events scopes.
 */
import { GraphqlQueryError, type Session, type Shopify } from '@shopify/shopify-api';
import type { Logger } from '@capi-relay/core';
import type { StoreRegistry } from '@capi-relay/db';

import { PLATFORM } from '../webhooks/webhook-context';
import { PIXEL_PATH } from './pixel-route';

export type WebPixelSetupResult = 'created' | 'updated' | 'unchanged';

export type WebPixelSetup = (shop: string, session: Session) => Promise<WebPixelSetupResult>;

interface Options {
  shopify: Shopify;
  stores: Pick<StoreRegistry, 'ensureStore' | 'pixelKeyFor'>;
  /** The app's public URL (SHOPIFY_APP_URL). */
  appUrl: string;
  logger: Logger;
}

const CURRENT = `query CapiRelayWebPixel { webPixel { id settings } }`;
const CREATE = `mutation CapiRelayWebPixelCreate($settings: JSON!) {
  webPixelCreate(webPixel: { settings: $settings }) { userErrors { code field message } webPixel { id } }
}`;
const UPDATE = `mutation CapiRelayWebPixelUpdate($id: ID!, $settings: JSON!) {
  webPixelUpdate(id: $id, webPixel: { settings: $settings }) { userErrors { code field message } webPixel { id } }
}`;

interface UserError {
  code?: string;
  field?: string[];
  message: string;
}
type MutationData = Record<string, { userErrors: UserError[]; webPixel: { id: string } | null } | undefined>;

export class WebPixelSetupError extends Error {
  override readonly name = 'WebPixelSetupError';
}

export function createWebPixelSetup({ shopify, stores, appUrl, logger }: Options): WebPixelSetup {
  const ingestUrl = `${appUrl.replace(/\/+$/, '')}${PIXEL_PATH}`;
  return async (shop, session) => {
    const store = await stores.ensureStore(PLATFORM, shop);
    const settings = { ingestUrl, shopKey: await stores.pixelKeyFor(store.id) };
    const client = new shopify.clients.Graphql({ session });
    const existing = await currentPixel(client);
    if (existing && sameSettings(existing.settings, settings)) return 'unchanged';

    const name = existing ? 'webPixelUpdate' : 'webPixelCreate';
    const answer = await client.request<MutationData>(existing ? UPDATE : CREATE, {
      variables: { ...(existing ? { id: existing.id } : {}), settings: JSON.stringify(settings) },
    });
    const result = answer.data?.[name];
    const problems = result?.userErrors ?? [];
    if (!result?.webPixel || problems.length > 0) {
      // Shopify's messages name fields and rules, never our settings' values.
      throw new WebPixelSetupError(`Shopify refused ${name}: ${problems.map((problem) => problem.message).join('; ') || 'no web pixel returned'}`);
    }
    const outcome = existing ? 'updated' : 'created';
    logger.info({ shop, webPixel: result.webPixel.id, outcome }, 'storefront web pixel set up');
    return outcome;
  };
}

type GraphqlClient = InstanceType<Shopify['clients']['Graphql']>;
interface PixelQuery {
  webPixel: { id: string; settings: unknown } | null;
}

async function currentPixel(client: GraphqlClient): Promise<PixelQuery['webPixel']> {
  try {
    return (await client.request<PixelQuery>(CURRENT)).data?.webPixel ?? null;
  } catch (error) {
    // Without a pixel Shopify answers with an error ("No web pixel was found for this app") and null data.
    const data = error instanceof GraphqlQueryError ? (error.body as { data?: PixelQuery | null } | undefined)?.data : undefined;
    if (data !== undefined && !data?.webPixel) return null;
    throw error;
  }
}

/** Shopify returns the settings as a JSON string (or, in some versions, an object). */
function sameSettings(stored: unknown, wanted: { ingestUrl: string; shopKey: string }): boolean {
  let parsed: unknown = stored;
  if (typeof stored === 'string') {
    try {
      parsed = JSON.parse(stored);
    } catch {
      return false;
    }
  }
  const record = parsed as Record<string, unknown> | null;
  return record?.ingestUrl === wanted.ingestUrl && record?.shopKey === wanted.shopKey;
}
