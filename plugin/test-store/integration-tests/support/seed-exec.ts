/**
 * `medusa exec` entry point: seeds the store (see seed-store.ts) inside a Medusa process and writes
 * what the test needs (keys and ids) to the file named by CAPI_RELAY_SEED_OUT.
 */
import fs from 'node:fs';
import type { ExecArgs } from '@medusajs/framework/types';

import { seedStore } from './seed-store';

export default async function seed({ container }: ExecArgs): Promise<void> {
  const out = process.env.CAPI_RELAY_SEED_OUT;
  if (!out) throw new Error('CAPI_RELAY_SEED_OUT must name the file the seeded ids go to');
  fs.writeFileSync(out, JSON.stringify(await seedStore(container)));
}
