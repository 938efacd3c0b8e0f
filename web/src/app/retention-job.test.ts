import { silentLogger } from '@capi-relay/core';

import { createRetentionJob } from './retention-job';

describe('retention job', () => {
  it('prunes what is older than the retention period, counted from now, and expired data exports', async () => {
    const cutoffs: Date[] = [];
    const expiredBy: Date[] = [];
    const job = createRetentionJob({
      outbox: {
        pruneOlderThan: async (olderThan) => {
          cutoffs.push(olderThan);
          return { events: 2, receipts: 5, carts: 1 };
        },
      },
      dataExports: {
        pruneExpired: async (now) => {
          expiredBy.push(now);
          return 4;
        },
      },
      retentionDays: 30,
      logger: silentLogger,
      now: () => new Date('2026-11-28T12:00:00Z'),
    });
    await expect(job.runOnce()).resolves.toEqual({ events: 2, receipts: 5, carts: 1, dataExports: 4 });
    expect(cutoffs).toEqual([new Date('2026-10-29T12:00:00Z')]);
    expect(expiredBy).toEqual([new Date('2026-11-28T12:00:00Z')]);
  });
});
