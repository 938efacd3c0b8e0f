import { createMemoryPixelConfigStore } from '../../settings/memory-pixel-config-store';
import { describeOutboxStoreConformance } from '../conformance';
import { MemoryOutboxStore } from './memory-outbox-store';

describeOutboxStoreConformance('in memory', async () => {
  const pixels = createMemoryPixelConfigStore();
  const outbox = new MemoryOutboxStore({ pixels });
  return { outbox, pixels, carts: outbox.carts, createStore: async () => outbox.addStore() };
});
