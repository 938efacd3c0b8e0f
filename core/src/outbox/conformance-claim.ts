import { LATER, newEvent, T0, type ConformanceContext } from './conformance';
import type { ClaimedBatch } from './port';

const LEASE_MS = 60_000;
const idsOf = (batches: ClaimedBatch[]) => batches.flatMap((batch) => batch.events.map((event) => event.id));

export function describeClaimConformance(ctx: ConformanceContext): void {
  describe('claimDue', () => {
    it('claims due rows oldest first, grouped by pixel, with their payload', async () => {
      const a = await ctx.storeWithPixel();
      const b = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, [newEvent(a.storeId, a.pixelConfigId, 3), newEvent(b.storeId, b.pixelConfigId, 2), newEvent(a.storeId, a.pixelConfigId, 1)]);

      const batches = await outbox.claimDue({ workerId: 'w1', now: LATER, limit: 10, leaseMs: LEASE_MS });
      const byPixel = new Map(batches.map((batch) => [batch.pixelConfigId, batch.events]));
      expect(byPixel.get(a.pixelConfigId)?.map((e) => e.eventId)).toEqual(['order-1', 'order-3']);
      expect(byPixel.get(b.pixelConfigId)?.map((e) => e.eventId)).toEqual(['order-2']);
      const first = byPixel.get(a.pixelConfigId)?.[0];
      expect(first).toMatchObject({ eventName: 'Purchase', eventTime: new Date(T0.getTime() + 1000), attempts: 0 });
      expect(first?.payload).toEqual(newEvent(a.storeId, a.pixelConfigId, 1).payload);
    });

    it('hands each payload over as its stored JSON text', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      const online = newEvent(storeId, pixelConfigId, 1);
      const inStore = newEvent(storeId, pixelConfigId, 2);
      inStore.payload = { ...inStore.payload, action_source: 'physical_store', event_source_url: undefined };
      await outbox.record(null, [online, inStore]);

      const [batch] = await outbox.claimDue({ workerId: 'w1', now: LATER, limit: 10, leaseMs: LEASE_MS });
      expect(batch?.events.map((event) => [event.eventId, JSON.parse(event.payloadJson), event.payload.action_source])).toEqual([
        ['order-1', online.payload, 'website'],
        ['order-2', JSON.parse(JSON.stringify(inStore.payload)), 'physical_store'],
      ]);
    });

    it('holds each claim under its own lease token, shared by its batches and lasting leaseMs', async () => {
      const a = await ctx.storeWithPixel();
      const b = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, [newEvent(a.storeId, a.pixelConfigId, 1), newEvent(b.storeId, b.pixelConfigId, 2), newEvent(a.storeId, a.pixelConfigId, 3)]);

      const first = await outbox.claimDue({ workerId: 'w1', now: LATER, limit: 2, leaseMs: LEASE_MS });
      const second = await outbox.claimDue({ workerId: 'w1', now: LATER, limit: 2, leaseMs: LEASE_MS });
      expect(first).toHaveLength(2);
      expect(new Set(first.map((batch) => batch.lease.token)).size).toBe(1);
      expect(first[0]?.lease.expiresAt).toEqual(new Date(LATER.getTime() + LEASE_MS));
      expect(second.map((batch) => batch.lease.token)).toEqual([expect.any(String)]);
      expect(second[0]?.lease.token).not.toBe(first[0]?.lease.token);
    });

    it('claims at most `limit` rows, the oldest', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, [1, 2, 3, 4, 5].map((n) => newEvent(storeId, pixelConfigId, n)));
      const batches = await outbox.claimDue({ workerId: 'w1', now: LATER, limit: 2, leaseMs: LEASE_MS });
      expect(batches.flatMap((b) => b.events.map((e) => e.eventId))).toEqual(['order-1', 'order-2']);
    });

    it('leaves rows that are not due yet', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, [newEvent(storeId, pixelConfigId, 1), newEvent(storeId, pixelConfigId, 7200)]);
      const batches = await outbox.claimDue({ workerId: 'w1', now: LATER, limit: 10, leaseMs: LEASE_MS });
      expect(batches.flatMap((b) => b.events.map((e) => e.eventId))).toEqual(['order-1']);
    });

    it('does not hand a leased row to anyone until the lease expires, then does', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, [newEvent(storeId, pixelConfigId, 1)]);
      const [claimed] = idsOf(await outbox.claimDue({ workerId: 'w1', now: LATER, limit: 10, leaseMs: LEASE_MS }));
      expect(claimed).toBeDefined();

      const stillLeased = new Date(LATER.getTime() + LEASE_MS - 1);
      expect(await outbox.claimDue({ workerId: 'w2', now: stillLeased, limit: 10, leaseMs: LEASE_MS })).toEqual([]);

      const expired = new Date(LATER.getTime() + LEASE_MS);
      expect(idsOf(await outbox.claimDue({ workerId: 'w2', now: expired, limit: 10, leaseMs: LEASE_MS }))).toEqual([claimed]);
      const [row] = await outbox.listEvents({ storeId, limit: 1 });
      expect(row?.status).toBe('sending');
    });

    it('skips pixels whose circuit is open until their settings change', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox, pixels } = ctx.harness();
      await outbox.record(null, [newEvent(storeId, pixelConfigId, 1)]);
      await pixels.stop(pixelConfigId, 'Meta refused the access token (190/463).', T0);
      expect(await outbox.claimDue({ workerId: 'w1', now: LATER, limit: 10, leaseMs: LEASE_MS })).toEqual([]);

      await pixels.upsertForStore(storeId, { accessTokenCiphertext: 'v1:new-token', accessTokenLast4: 'new1' });
      expect(idsOf(await outbox.claimDue({ workerId: 'w1', now: LATER, limit: 10, leaseMs: LEASE_MS }))).toHaveLength(1);
    });

    it('skips disabled pixels', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox, pixels } = ctx.harness();
      await outbox.record(null, [newEvent(storeId, pixelConfigId, 1)]);
      await pixels.upsertForStore(storeId, { enabled: false });
      expect(await outbox.claimDue({ workerId: 'w1', now: LATER, limit: 10, leaseMs: LEASE_MS })).toEqual([]);
    });

    it('never gives the same row to two concurrent claimers', async () => {
      const stores = await Promise.all([ctx.storeWithPixel(), ctx.storeWithPixel()]);
      const { outbox } = ctx.harness();
      for (const { storeId, pixelConfigId } of stores) {
        await outbox.record(null, Array.from({ length: 20 }, (_, n) => newEvent(storeId, pixelConfigId, n + 1)));
      }
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, worker) => outbox.claimDue({ workerId: `w${worker}`, now: LATER, limit: 7, leaseMs: LEASE_MS })),
      );
      const all = claims.flatMap(idsOf);
      expect(new Set(all).size).toBe(all.length);
      expect(all).toHaveLength(40);
    });

    it('rejects a non-positive limit or lease', async () => {
      const { outbox } = ctx.harness();
      await expect(outbox.claimDue({ workerId: 'w', now: LATER, limit: 0, leaseMs: LEASE_MS })).rejects.toThrow(RangeError);
      await expect(outbox.claimDue({ workerId: 'w', now: LATER, limit: 5, leaseMs: 0 })).rejects.toThrow(RangeError);
    });
  });
}
