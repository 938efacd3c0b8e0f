import { LATER, newEvent, type ConformanceContext } from './conformance';

const LEASE_MS = 60_000;
const at = (ms: number) => new Date(LATER.getTime() + ms);

export function describeLeaseConformance(ctx: ConformanceContext): void {
  describe('renewLease', () => {
    /** Records `count` events for a fresh store and claims them all at LATER as w1. */
    async function claimed(count: number) {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, Array.from({ length: count }, (_, n) => newEvent(storeId, pixelConfigId, n + 1)));
      const [batch] = await outbox.claimDue({ workerId: 'w1', now: LATER, limit: count, leaseMs: LEASE_MS });
      if (!batch) throw new Error('nothing claimed');
      return { outbox, storeId, token: batch.lease.token, ids: batch.events.map((event) => event.id) };
    }
    const claimIds = (outbox: ReturnType<typeof ctx.harness>['outbox'], now: Date, workerId: string, limit = 10) =>
      outbox.claimDue({ workerId, now, limit, leaseMs: LEASE_MS });

    it('moves the expiry to now + leaseMs: no other claim takes the rows before then', async () => {
      const { outbox, token, ids } = await claimed(2);
      expect(await outbox.renewLease(token, ids, { now: at(50_000), leaseMs: LEASE_MS })).toEqual(at(110_000));
      expect(await claimIds(outbox, at(LEASE_MS), 'w2')).toEqual([]);
      const [takeover] = await claimIds(outbox, at(110_000), 'w2');
      expect(takeover?.events.map((event) => event.id).sort()).toEqual([...ids].sort());
    });

    it('renews a lease that ran out while no other claim took the rows', async () => {
      const { outbox, token, ids } = await claimed(1);
      expect(await outbox.renewLease(token, ids, { now: at(90_000), leaseMs: LEASE_MS })).toEqual(at(150_000));
      expect(await claimIds(outbox, at(100_000), 'w2')).toEqual([]);
    });

    it('refuses, changing nothing, once another claim took any of the rows', async () => {
      const { outbox, storeId, token, ids } = await claimed(2);
      const [takeover] = await claimIds(outbox, at(LEASE_MS), 'w2', 1);
      const [taken] = takeover?.events.map((event) => event.id) ?? [];
      expect(taken).toBeDefined();

      expect(await outbox.renewLease(token, ids, { now: at(LEASE_MS), leaseMs: LEASE_MS })).toBeNull();
      // The row still under the old lease kept its expiry, so it is claimable at once...
      const [rest] = await claimIds(outbox, at(LEASE_MS), 'w3');
      expect(rest?.events.map((event) => event.id)).toEqual(ids.filter((id) => id !== taken));
      // ...and the taken one is still the new claim's to finish.
      await outbox.markSent(takeover!.lease.token, [taken!], { attemptedAt: at(LEASE_MS), outcome: 'sent' });
      expect(await outbox.countByStatus(storeId)).toMatchObject({ sent: 1, sending: 1 });
    });

    it('refuses for rows that are finished', async () => {
      const { outbox, token, ids } = await claimed(1);
      await outbox.markSent(token, ids, { attemptedAt: LATER, outcome: 'sent' });
      expect(await outbox.renewLease(token, ids, { now: at(1_000), leaseMs: LEASE_MS })).toBeNull();
    });

    it('rejects a non-positive lease', async () => {
      const { outbox, token, ids } = await claimed(1);
      await expect(outbox.renewLease(token, ids, { now: LATER, leaseMs: 0 })).rejects.toThrow(RangeError);
    });
  });
}
