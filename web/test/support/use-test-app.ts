import type { DatabaseTestContext } from '../../../prisma/test/databases';
import { createTestApp, type TestApp } from './test-app';

/**
 * Declares, inside a forEachDatabase block, the hooks every server test needs: one app over the
 * block's database, started before its tests and closed after them, with the rows deleted and the
 * Graph sandbox's record cleared before each test. Returns the app, for use inside tests and hooks.
 */
export function useTestApp(t: DatabaseTestContext, env: Record<string, string> = {}): () => TestApp {
  let harness: TestApp | undefined;
  beforeAll(async () => {
    harness = await createTestApp(t.testDatabase(), env);
  });
  afterAll(async () => harness?.close());
  const current = (): TestApp => {
    if (!harness) throw new Error(`the ${t.provider} test app is not running (start-up failed, or used outside a test?)`);
    return harness;
  };
  beforeEach(async () => {
    await t.reset();
    current().sandbox.reset();
  });
  return current;
}
