/**
 * The store the tests shop in, made through Medusa's own workflows: a sales channel with a
 * publishable key, a euro region paying with Medusa's system provider, one shirt at 25 EUR (no
 * inventory, no shipping profile, so no stock location or shipping option is needed), an admin user.
 */
import type { MedusaContainer } from '@medusajs/framework/types';
import { Modules } from '@medusajs/framework/utils';
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from '@medusajs/medusa/core-flows';
import jwt from 'jsonwebtoken';

import { TEST_STORE_JWT_SECRET } from '../../test-store-secrets';

export interface SeededStore {
  publishableKey: string;
  regionId: string;
  variantId: string;
  productId: string;
  adminToken: string;
}

function first<T>(list: T[], what: string): T {
  const [item] = list;
  if (!item) throw new Error(`seeding created no ${what}`);
  return item;
}

async function createAdminToken(container: MedusaContainer): Promise<string> {
  const email = 'admin@shop.example.com';
  const user = await container.resolve(Modules.USER).createUsers({ email });
  const identity = await container.resolve(Modules.AUTH).createAuthIdentities({
    provider_identities: [{ provider: 'emailpass', entity_id: email }],
    app_metadata: { user_id: user.id },
  });
  // What POST /auth/user/emailpass answers with, signed with the store's own secret.
  return jwt.sign({ actor_id: user.id, actor_type: 'user', auth_identity_id: identity.id, app_metadata: { user_id: user.id } }, TEST_STORE_JWT_SECRET, {
    expiresIn: '1d',
  });
}

export async function seedStore(container: MedusaContainer): Promise<SeededStore> {
  const { result: channels } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: 'Web shop' }] } });
  const channel = first(channels, 'sales channel');
  const { result: keys } = await createApiKeysWorkflow(container).run({ input: { api_keys: [{ title: 'Storefront', type: 'publishable', created_by: '' }] } });
  const key = first(keys, 'publishable key');
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } });
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: 'Denmark', currency_code: 'eur', countries: ['dk'], payment_providers: ['pp_system_default'] }] },
  });
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: 'Relay Shirt',
          status: 'published',
          options: [{ title: 'Size', values: ['M'] }],
          variants: [{ title: 'M', sku: 'RELAY-SHIRT-M', options: { Size: 'M' }, manage_inventory: false, prices: [{ amount: 25, currency_code: 'eur' }] }],
          sales_channels: [{ id: channel.id }],
        },
      ],
    },
  });
  const product = first(products, 'product');
  return {
    publishableKey: key.token,
    regionId: first(regions, 'region').id,
    productId: product.id,
    variantId: first(product.variants ?? [], 'variant').id,
    adminToken: await createAdminToken(container),
  };
}
