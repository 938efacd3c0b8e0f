import { HASHED_EMAIL, LATER, newEvent, T0, type ConformanceContext } from './conformance';

export function describeEventLogConformance(ctx: ConformanceContext): void {
  describe('event log', () => {
    it('lists newest first with ids, states and user_data key names, never payload values', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      const dropped = [{ field: 'em' as const, reason: 'email is not an email address (no "@")' }];
      await outbox.record(null, [newEvent(storeId, pixelConfigId, 1, { customerRef: 'cust-1', droppedUserData: dropped })]);
      await outbox.record(null, [newEvent(storeId, pixelConfigId, 2)]);
      const rows = await outbox.listEvents({ storeId, limit: 10 });
      expect(rows[1]!.droppedUserData).toEqual(dropped);
      expect(rows[0]!.droppedUserData).toEqual([]);
      expect(rows.map((row) => row.eventId)).toEqual(['order-2', 'order-1']);
      expect(rows[1]).toMatchObject({
        storeId,
        pixelConfigId,
        eventName: 'Purchase',
        eventId: 'order-1',
        sourceId: '1',
        status: 'queued',
        reason: null,
        attempts: 0,
        lastFbtraceId: null,
        userDataKeys: ['client_user_agent', 'em'],
        eventTime: new Date(T0.getTime() + 1000),
        sentAt: null,
      });
      expect(JSON.stringify(rows)).not.toContain(HASHED_EMAIL);
      expect(JSON.stringify(rows)).not.toContain('Mozilla');
    });

    it('filters by status and event name and pages with a keyset cursor', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      for (let n = 1; n <= 5; n += 1) await outbox.record(null, [newEvent(storeId, pixelConfigId, n)]);
      await outbox.record(null, [newEvent(storeId, pixelConfigId, 6, { eventName: 'AddToCart', eventId: 'cart-6' })]);
      await outbox.record(null, [newEvent(storeId, pixelConfigId, 7, { status: 'skipped', reason: 'disabled', reasonDetail: 'off' })]);

      expect((await outbox.listEvents({ storeId, limit: 10, status: 'skipped' })).map((r) => r.eventId)).toEqual(['order-7']);
      expect((await outbox.listEvents({ storeId, limit: 10, eventName: 'AddToCart' })).map((r) => r.eventId)).toEqual(['cart-6']);

      const purchases = { storeId, status: 'queued' as const, eventName: 'Purchase' };
      const page1 = await outbox.listEvents({ ...purchases, limit: 2 });
      const last = page1[page1.length - 1]!;
      const page2 = await outbox.listEvents({ ...purchases, limit: 2, before: { createdAt: last.createdAt, id: last.id } });
      const page3 = await outbox.listEvents({ ...purchases, limit: 2, before: { createdAt: page2[1]!.createdAt, id: page2[1]!.id } });
      expect([...page1, ...page2, ...page3].map((r) => r.eventId)).toEqual(['order-5', 'order-4', 'order-3', 'order-2', 'order-1']);
    });

    it('keeps each store to its own rows and counts them by status', async () => {
      const mine = await ctx.storeWithPixel();
      const other = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, [newEvent(mine.storeId, mine.pixelConfigId, 1), newEvent(mine.storeId, mine.pixelConfigId, 2, { status: 'skipped', reason: 'no_consent', reasonDetail: 'x' })]);
      await outbox.record(null, [newEvent(other.storeId, other.pixelConfigId, 1)]);
      expect(await outbox.listEvents({ storeId: mine.storeId, limit: 10 })).toHaveLength(2);
      expect(await outbox.countByStatus(mine.storeId)).toEqual({ queued: 1, sending: 0, sent: 0, failed: 0, skipped: 1, expired: 0 });
    });

    it('counts the match-quality window: statuses, key names on sent rows, events waiting for the browser', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const other = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, [
        newEvent(storeId, pixelConfigId, 1, { userDataKeys: ['em', 'ph', 'client_user_agent'], droppedUserData: [{ field: 'fbc', reason: 'fbc creation time is not in milliseconds' }] }),
        newEvent(storeId, pixelConfigId, 2, {
          userDataKeys: ['em', 'fbp'],
          droppedUserData: [
            { field: 'ph', reason: 'phone has too few digits' },
            { field: 'fbc', reason: 'fbc creation time is not in milliseconds' },
          ],
        }),
        newEvent(storeId, pixelConfigId, 3, { userDataKeys: ['ph'], droppedUserData: [{ field: 'em', reason: 'not counted: never sent' }] }),
        newEvent(storeId, pixelConfigId, 4, { status: 'skipped', reason: 'needs_browser_context', reasonDetail: 'no user agent' }),
        newEvent(storeId, pixelConfigId, 5, { status: 'skipped', reason: 'disabled', reasonDetail: 'off' }),
      ]);
      const [batch] = await outbox.claimDue({ workerId: 'w1', now: LATER, limit: 10, leaseMs: 60_000 });
      const toSend = batch!.events.filter((event) => event.eventId !== 'order-3').map((event) => event.id);
      await outbox.markSent(batch!.lease.token, toSend, { attemptedAt: LATER, outcome: 'sent', httpStatus: 200, fbtraceId: 'T', latencyMs: 1 });
      // Another store's rows must not count.
      await outbox.record(null, [newEvent(other.storeId, other.pixelConfigId, 1, { userDataKeys: ['em', 'external_id'] })]);

      expect(await outbox.matchQuality(storeId, new Date(0))).toEqual({
        counts: { queued: 0, sending: 1, sent: 2, failed: 0, skipped: 2, expired: 0 },
        keyCounts: { em: 2, ph: 1, client_user_agent: 1, fbp: 1 },
        dropped: [
          { field: 'fbc', reason: 'fbc creation time is not in milliseconds', events: 2 },
          { field: 'ph', reason: 'phone has too few digits', events: 1 },
        ],
        waitingForBrowser: 1,
      });
      expect(await outbox.matchQuality(storeId, new Date(Date.now() + 3_600_000))).toEqual({
        counts: { queued: 0, sending: 0, sent: 0, failed: 0, skipped: 0, expired: 0 },
        keyCounts: {},
        dropped: [],
        waitingForBrowser: 0,
      });
    });

    it('refuses a limit outside 1..500', async () => {
      const { outbox } = ctx.harness();
      await expect(outbox.listEvents({ storeId: 's', limit: 0 })).rejects.toThrow(RangeError);
      await expect(outbox.listEvents({ storeId: 's', limit: 501 })).rejects.toThrow(RangeError);
    });
  });

  describe('retention and redaction', () => {
    it('pruneOlderThan deletes sent rows sent before the cutoff and leaves queued ones', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, [1, 2, 3].map((n) => newEvent(storeId, pixelConfigId, n)));
      const [batch] = await outbox.claimDue({ workerId: 'w', now: new Date(T0.getTime() + 10_000), limit: 10, leaseMs: 60_000 });
      const byEventId = new Map(batch!.events.map((event) => [event.eventId, [event.id]]));
      const { token } = batch!.lease;
      const oldSend = new Date('2026-03-02T00:00:00.000Z');
      const newSend = new Date('2026-03-20T00:00:00.000Z');
      await outbox.markSent(token, byEventId.get('order-1')!, { attemptedAt: oldSend, outcome: 'sent' });
      await outbox.markSent(token, byEventId.get('order-2')!, { attemptedAt: newSend, outcome: 'sent' });
      await outbox.release(token, byEventId.get('order-3')!);

      const pruned = await outbox.pruneOlderThan(new Date('2026-03-10T00:00:00.000Z'));
      expect(pruned.events).toBe(1);
      expect((await outbox.listEvents({ storeId, limit: 10 })).map((r) => r.eventId).sort()).toEqual(['order-2', 'order-3']);
    });

    it('pruneOlderThan deletes skipped, failed and expired rows by their last change, in batches, and keeps newer ones', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      const kept = (n: number) => newEvent(storeId, pixelConfigId, n, { status: 'skipped', reason: 'disabled', reasonDetail: 'off' });
      await outbox.record(null, [1, 2, 3, 4, 5].map(kept));
      await outbox.record(null, [newEvent(storeId, pixelConfigId, 6, { status: 'expired', reason: 'too_old', reasonDetail: 'old' })]);
      await outbox.record(null, [newEvent(storeId, pixelConfigId, 7)]);
      const [batch] = await outbox.claimDue({ workerId: 'w', now: LATER, limit: 10, leaseMs: 60_000 });
      await outbox.markFailed(batch!.lease.token, batch!.events.map((event) => event.id), 'rejected', 'refused', { attemptedAt: LATER, outcome: 'rejected' });
      const beforeAll = new Date(Date.now() - 3_600_000);
      const afterAll = new Date(Date.now() + 3_600_000);

      expect((await outbox.pruneOlderThan(beforeAll)).events).toBe(0);
      expect((await outbox.pruneOlderThan(afterAll, { batchSize: 2 })).events).toBe(7);
      expect(await outbox.listEvents({ storeId, limit: 10 })).toEqual([]);
      await expect(outbox.pruneOlderThan(afterAll, { batchSize: 0 })).rejects.toThrow(RangeError);
    });

    it('pruneOlderThan never deletes queued rows, however old', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, [newEvent(storeId, pixelConfigId, 1)]);
      expect((await outbox.pruneOlderThan(new Date(Date.now() + 3_600_000))).events).toBe(0);
      expect(await outbox.listEvents({ storeId, limit: 10 })).toHaveLength(1);
    });

    it("deleteCustomerData removes a customer's rows and the listed orders' rows, in that store only", async () => {
      const mine = await ctx.storeWithPixel();
      const other = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, [
        newEvent(mine.storeId, mine.pixelConfigId, 1, { customerRef: 'cust-9' }),
        newEvent(mine.storeId, mine.pixelConfigId, 2, { sourceId: 'guest-order' }),
        newEvent(mine.storeId, mine.pixelConfigId, 3, { customerRef: 'cust-other' }),
      ]);
      await outbox.record(null, [newEvent(other.storeId, other.pixelConfigId, 1, { customerRef: 'cust-9' })]);

      expect(await outbox.deleteCustomerData(mine.storeId, {})).toEqual({ events: 0, carts: 0 });
      expect(await outbox.exportCustomerData(mine.storeId, {})).toEqual({ events: [], carts: [] });
      const exported = await outbox.exportCustomerData(mine.storeId, { customerRef: 'cust-9', sourceIds: ['guest-order'] });
      expect(exported.events.map((row) => row.eventId)).toEqual(['order-1', 'order-2']);
      expect(await outbox.deleteCustomerData(mine.storeId, { customerRef: 'cust-9', sourceIds: ['guest-order'] })).toEqual({ events: 2, carts: 0 });
      expect((await outbox.listEvents({ storeId: mine.storeId, limit: 10 })).map((r) => r.eventId)).toEqual(['order-3']);
      expect(await outbox.listEvents({ storeId: other.storeId, limit: 10 })).toHaveLength(1);
    });
  });
}
