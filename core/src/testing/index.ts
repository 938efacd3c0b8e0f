/**
 * Test utilities other packages import as `@capi-relay/core/testing` (Jest only: the conformance
 * suite declares tests). Not exported from the main entry point.
 */
export {
  describeOutboxStoreConformance,
  newEvent,
  serverEvent,
  T0,
  type HarnessFactory,
  type OutboxConformanceHarness,
} from '../outbox/conformance';
export { MemoryOutboxStore, type MemoryOutboxStoreOptions } from '../outbox/memory/memory-outbox-store';
export { createMemoryPixelConfigStore } from '../settings/memory-pixel-config-store';
export { DEFAULT_SETTINGS_VIEW } from './default-settings';
export { drainRounds } from './drain-rounds';
export { JANE_DOE_HASHED } from './jane-doe';
export { sha256Hex } from './sha256-hex';
export { databaseError } from './database-error';
