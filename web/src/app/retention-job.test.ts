import { silentLogger } from '@capi-relay/core';

import { createRetentionJob } from './retention-job';

describe('retention job', () => {
  it('prunes what is older than the retention period, counted from now', async () => {
    const cutoffs: Date[] = [];
    const job = createRetentionJob({
      outbox: {
        pruneOlderThan: async (olderThan) => {
          cutoffs.push(olderThan);
          return { events: 2, receipts: 5, carts: 1 };
        },
      },
      retentionDays: 30,
      logger: silentLogger,
      now: () => new Date('2026-11-28T12:00:00Z'),
    });
    await expect(job.runOnce()).resolves.toEqual({ events: 2, receipts: 5, carts: 1 });
    expect(cutoffs).toEqual([new Date('2026-10-29T12:00:00Z')]);
  });
});
