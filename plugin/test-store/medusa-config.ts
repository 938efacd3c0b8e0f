/**
 * The smallest Medusa store that runs the plugin: admin off, local event bus, everything else
 * Medusa's defaults. The plugin is registered by path; its options come from the test's environment.
 */
import path from 'node:path';
import { defineConfig } from '@medusajs/framework/utils';

import { TEST_STORE_COOKIE_SECRET, TEST_STORE_JWT_SECRET } from './test-store-secrets';

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    workerMode: 'shared',
    http: {
      storeCors: 'http://127.0.0.1',
      adminCors: 'http://127.0.0.1',
      authCors: 'http://127.0.0.1',
      jwtSecret: TEST_STORE_JWT_SECRET,
      cookieSecret: TEST_STORE_COOKIE_SECRET,
    },
  },
  admin: { disable: true },
  plugins: [
    {
      resolve: path.resolve(__dirname, '..'),
      options: {
        encryptionKey: process.env.CAPI_RELAY_ENCRYPTION_KEY,
        storefrontUrl: 'https://shop.example.com',
        graphUrl: process.env.CAPI_RELAY_GRAPH_URL,
        // Unset: the store's own database, schema capi_relay (the plugin's default).
        databaseUrl: process.env.CAPI_RELAY_DATABASE_URL,
        deliveryWorker: process.env.CAPI_RELAY_DELIVERY_WORKER ?? 'in-process',
      },
    },
  ],
});
