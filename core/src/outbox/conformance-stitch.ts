import type { ServerEvent } from '../meta/wire';
import { HASHED_EMAIL, newEvent, type ConformanceContext } from './conformance';
import type { NewOutboxEvent } from './port';

const LEASE_MS = 60_000;
const WAITING = 'This website event lacks the page address. The storefront pixel reports these when the shopper\'s browser sees the event.';

/**
 * Stitching runs on the store's own clock (a kept row's age is judged when its twin arrives), so these
 * events happen a minute before the test runs, not at the battery's fixed T0.
 */
export function recent(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
}

function webhookHalf(event: NewOutboxEvent): ServerEvent {
  const { event_source_url: _url, ...rest } = event.payload;
  return { ...rest, user_data: { em: [HASHED_EMAIL] } };
}

/** What the storefront pixel adds to a stored event: the browser context, no customer data. */
export function browserHalf(event: NewOutboxEvent): ServerEvent {
  return { ...event.payload, user_data: { client_user_agent: 'Mozilla/5.0', fbp: 'fb.1.1700000000000.42' }, custom_data: {} };
}

export function describeStitchConformance(ctx: ConformanceContext): void {
  describe('record: stitching twins', () => {
    async function kept() {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const base = newEvent(storeId, pixelConfigId, 1, { eventName: 'InitiateCheckout', eventId: 'initiate_checkout:tok', sourceId: 'tok', eventTime: recent() });
      const keptRow: NewOutboxEvent = { ...base, payload: webhookHalf(base), status: 'skipped', reason: 'needs_browser_context', reasonDetail: WAITING, userDataKeys: ['em'], awaitingTwin: 'browser' };
      await ctx.harness().outbox.record(null, [keptRow]);
      return { storeId, pixelConfigId, base };
    }

    it('queues a row kept as needs_browser_context once its browser twin makes it sendable, and only once', async () => {
      const { storeId, base } = await kept();
      const { outbox } = ctx.harness();
      const twin: NewOutboxEvent = { ...base, payload: browserHalf(base), userDataKeys: ['client_user_agent', 'fbp'], awaitingTwin: 'server', dueAt: new Date(Date.now() + 3_600_000) };

      expect(await outbox.record(null, [twin])).toEqual({ duplicateDelivery: false, inserted: 0, duplicateEvents: 0, stitched: 1 });
      const [row] = await outbox.listEvents({ storeId, limit: 10 });
      expect(row).toMatchObject({ status: 'queued', reason: null, reasonDetail: null, userDataKeys: ['client_user_agent', 'em', 'fbp'] });
      // Both halves are there: due at once, not after the incoming half's own wait.
      expect(row?.nextAttemptAt?.getTime()).toBeLessThanOrEqual(Date.now());

      const [claimed] = await outbox.claimDue({ workerId: 'w1', now: new Date(), limit: 10, leaseMs: LEASE_MS });
      expect(claimed?.events[0]?.payload).toEqual({ ...base.payload, user_data: { em: [HASHED_EMAIL], client_user_agent: 'Mozilla/5.0', fbp: 'fb.1.1700000000000.42' } });
      expect(await outbox.record(null, [twin])).toMatchObject({ inserted: 0, duplicateEvents: 1, stitched: 0 });
    });

    it('leaves a kept row kept when the twin still lacks what it needs, and changes nothing the second time', async () => {
      const { storeId, base } = await kept();
      const { outbox } = ctx.harness();
      const sameHalf: NewOutboxEvent = { ...base, payload: { ...webhookHalf(base), user_data: { em: [HASHED_EMAIL], external_id: [HASHED_EMAIL] } }, status: 'skipped', reason: 'needs_browser_context', reasonDetail: WAITING, awaitingTwin: 'browser' };
      expect((await outbox.record(null, [sameHalf])).stitched).toBe(1);
      expect(await outbox.record(null, [sameHalf])).toMatchObject({ duplicateEvents: 1, stitched: 0 });
      const [row] = await outbox.listEvents({ storeId, limit: 10 });
      expect(row).toMatchObject({ status: 'skipped', reason: 'needs_browser_context', userDataKeys: ['em', 'external_id'] });
    });

    it('sends a queued row waiting for its twin at once when the twin arrives, with both halves', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      const base = newEvent(storeId, pixelConfigId, 1, { eventId: 'purchase:1', sourceId: '1', eventTime: recent() });
      const waitUntil = new Date(Date.now() + 3_600_000);
      await outbox.record(null, [{ ...base, awaitingTwin: 'browser', dueAt: waitUntil }]);
      expect(await outbox.claimDue({ workerId: 'w1', now: new Date(), limit: 10, leaseMs: LEASE_MS })).toEqual([]);

      // Another webhook half (orders/paid after orders/create) is not the twin: the row keeps waiting.
      expect(await outbox.record(null, [{ ...base, awaitingTwin: 'browser', dueAt: new Date(Date.now() + 7_200_000) }])).toMatchObject({ stitched: 0, duplicateEvents: 1 });
      expect((await outbox.listEvents({ storeId, limit: 1 }))[0]?.nextAttemptAt).toEqual(waitUntil);

      const twin = { ...base, payload: browserHalf(base), awaitingTwin: 'server' as const, dueAt: waitUntil };
      expect((await outbox.record(null, [twin])).stitched).toBe(1);
      const [batch] = await outbox.claimDue({ workerId: 'w1', now: new Date(), limit: 10, leaseMs: LEASE_MS });
      expect(batch?.events[0]?.payload.user_data).toEqual({ em: [HASHED_EMAIL], client_user_agent: 'Mozilla/5.0', fbp: 'fb.1.1700000000000.42' });
    });

    it('never changes a row that was claimed or sent', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      const base = newEvent(storeId, pixelConfigId, 1, { eventTime: recent() });
      await outbox.record(null, [base]);
      const [batch] = await outbox.claimDue({ workerId: 'w1', now: new Date(), limit: 10, leaseMs: LEASE_MS });
      const twin = { ...base, payload: browserHalf(base) };
      expect(await outbox.record(null, [twin])).toMatchObject({ stitched: 0, duplicateEvents: 1 });
      await outbox.markSent(batch?.lease.token ?? '', [batch?.events[0]?.id ?? ''], { attemptedAt: new Date(), outcome: 'sent' });
      expect(await outbox.record(null, [twin])).toMatchObject({ stitched: 0, duplicateEvents: 1 });
      expect((await outbox.listEvents({ storeId, limit: 1 }))[0]).toMatchObject({ status: 'sent', userDataKeys: ['client_user_agent', 'em'] });
    });

    it('keeps a waiting row from being sent when its twin says the shopper refused tracking', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      const base = newEvent(storeId, pixelConfigId, 1, { eventTime: recent(), awaitingTwin: 'browser', dueAt: new Date(Date.now() + 3_600_000) });
      await outbox.record(null, [base]);
      const refused: NewOutboxEvent = { ...base, payload: browserHalf(base), awaitingTwin: 'server', status: 'skipped', reason: 'no_consent', reasonDetail: 'The shopper declined marketing tracking.' };
      expect((await outbox.record(null, [refused])).stitched).toBe(1);
      expect((await outbox.listEvents({ storeId, limit: 1 }))[0]).toMatchObject({ status: 'skipped', reason: 'no_consent', reasonDetail: 'The shopper declined marketing tracking.', nextAttemptAt: null });
      expect(await outbox.claimDue({ workerId: 'w1', now: new Date(Date.now() + 7_200_000), limit: 10, leaseMs: LEASE_MS })).toEqual([]);
    });

    it('finds the rows of the named sources still open to a twin', async () => {
      const { storeId, base } = await kept();
      const { outbox } = ctx.harness();
      const pixelConfigId = base.pixelConfigId;
      await outbox.record(null, [
        newEvent(storeId, pixelConfigId, 2, { sourceId: 'tok', eventTime: recent() }),
        newEvent(storeId, pixelConfigId, 3, { sourceId: 'tok', status: 'skipped', reason: 'test_order', reasonDetail: 'A test order.' }),
        newEvent(storeId, pixelConfigId, 4, { sourceId: 'other', eventTime: recent() }),
      ]);
      const open = await outbox.findOpenEvents(storeId, ['tok']);
      expect(open.map((row) => row.eventId).sort()).toEqual(['initiate_checkout:tok', 'order-2']);
      expect(open.find((row) => row.eventId === 'initiate_checkout:tok')).toEqual({ pixelConfigId, eventName: 'InitiateCheckout', eventId: 'initiate_checkout:tok', sourceId: 'tok', payload: webhookHalf(base) });
      expect(await outbox.findOpenEvents(storeId, [])).toEqual([]);
    });
  });
}
