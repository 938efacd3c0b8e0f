/**
 * Medusa's integration runner on the test store: the app booted in-process on a fresh database, the
 * store seeded once (the runner snapshots it and restores it before each test).
 */
import type { AxiosInstance } from 'axios';
import path from 'node:path';
import { medusaIntegrationTestRunner } from '@medusajs/test-utils';

import { seedStore, type SeededStore } from './seed-store';

export interface TestStore {
  api: AxiosInstance;
  store(): SeededStore;
  /** Request options carrying the seeded admin's token. */
  admin(): { headers: Record<string, string> };
}

export function describeTestStore(suite: (context: TestStore) => void): void {
  medusaIntegrationTestRunner({
    inApp: true,
    cwd: path.resolve(__dirname, '../..'),
    env: { MEDUSA_DISABLE_TELEMETRY: 'true' },
    testSuite: ({ api, getContainer }) => {
      let seeded: SeededStore | undefined;
      beforeAll(async () => {
        seeded = await seedStore(getContainer());
      });
      const store = () => {
        if (!seeded) throw new Error('the test store is not seeded yet (used outside a test?)');
        return seeded;
      };
      suite({ api: api as AxiosInstance, store, admin: () => ({ headers: { authorization: `Bearer ${store().adminToken}` } }) });
    },
  });
}
