import { HASHED_EMAIL, newEvent, type ConformanceContext } from './conformance';
import { browserHalf, recent } from './conformance-stitch';
import type { NewOutboxEvent } from './port';

const LEASE_MS = 60_000;
const KEPT_DETAIL = 'No consent signal came with this event, and your consent setting keeps such events.';
const LDU = { data_processing_options: ['LDU'], data_processing_options_country: 0, data_processing_options_state: 0 };

/**
 * Rows planned without a consent signal: kept by the pixel's policy (`no_consent_signal`) or sent
 * with its Limited Data Use, until a twin with the shopper's signal arrives. Every store must keep
 * the row open to that twin and remember that it had no signal.
 */
export function describeConsentConformance(ctx: ConformanceContext): void {
  describe('record: events without a consent signal', () => {
    async function keptOrder() {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const base = newEvent(storeId, pixelConfigId, 1, { eventId: 'purchase:1', sourceId: '1', eventTime: recent() });
      const kept: NewOutboxEvent = { ...base, status: 'skipped', reason: 'no_consent_signal', reasonDetail: KEPT_DETAIL, awaitingTwin: 'browser', withoutConsentSignal: true };
      await ctx.harness().outbox.record(null, [kept]);
      return { storeId, base, kept };
    }

    it('keeps the row open to its twin, and sends it once when the twin brings a signal that allows it', async () => {
      const { storeId, base, kept } = await keptOrder();
      const { outbox } = ctx.harness();
      expect((await outbox.findOpenEvents(storeId, ['1'])).map((row) => row.eventId)).toEqual(['purchase:1']);
      expect(await outbox.claimDue({ workerId: 'w1', now: new Date(Date.now() + 3_600_000), limit: 10, leaseMs: LEASE_MS })).toEqual([]);

      // Another half without a signal (orders/paid after orders/create) changes nothing.
      expect(await outbox.record(null, [kept])).toMatchObject({ stitched: 0, duplicateEvents: 1 });
      const signalled: NewOutboxEvent = { ...base, payload: browserHalf(base), awaitingTwin: 'server' };
      expect((await outbox.record(null, [signalled])).stitched).toBe(1);
      expect((await outbox.listEvents({ storeId, limit: 1 }))[0]).toMatchObject({ status: 'queued', reason: null, reasonDetail: null });

      const [batch] = await outbox.claimDue({ workerId: 'w1', now: new Date(), limit: 10, leaseMs: LEASE_MS });
      expect(batch?.events.map((event) => event.eventId)).toEqual(['purchase:1']);
      expect(batch?.events[0]?.payload.user_data).toEqual({ em: [HASHED_EMAIL], client_user_agent: 'Mozilla/5.0', fbp: 'fb.1.1700000000000.42' });
      await outbox.markSent(batch?.lease.token ?? '', [batch?.events[0]?.id ?? ''], { attemptedAt: new Date(), outcome: 'sent' });
      // Sent is final: the same signal again neither reopens nor resends it.
      expect(await outbox.record(null, [signalled])).toMatchObject({ stitched: 0, duplicateEvents: 1 });
      expect(await outbox.findOpenEvents(storeId, ['1'])).toEqual([]);
    });

    it('keeps it when the twin has no signal either', async () => {
      const { storeId, base } = await keptOrder();
      const { outbox } = ctx.harness();
      const unsignalled: NewOutboxEvent = { ...base, payload: browserHalf(base), awaitingTwin: 'server', status: 'skipped', reason: 'no_consent_signal', reasonDetail: KEPT_DETAIL, withoutConsentSignal: true };
      expect((await outbox.record(null, [unsignalled])).stitched).toBe(1);
      expect((await outbox.listEvents({ storeId, limit: 1 }))[0]).toMatchObject({ status: 'skipped', reason: 'no_consent_signal', nextAttemptAt: null });
    });

    it('remembers that a queued row had no signal: a twin whose signal allows the sale of data removes the policy\'s Limited Data Use', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      const base = newEvent(storeId, pixelConfigId, 1, { eventId: 'purchase:1', sourceId: '1', eventTime: recent() });
      const flagged: NewOutboxEvent = { ...base, payload: { ...base.payload, ...LDU }, awaitingTwin: 'browser', dueAt: new Date(Date.now() + 3_600_000), withoutConsentSignal: true };
      await outbox.record(null, [flagged]);
      expect((await outbox.record(null, [{ ...base, payload: browserHalf(base), awaitingTwin: 'server' }])).stitched).toBe(1);
      const [batch] = await outbox.claimDue({ workerId: 'w1', now: new Date(), limit: 10, leaseMs: LEASE_MS });
      expect(batch?.events[0]?.payload).not.toHaveProperty('data_processing_options');
    });
  });
}
