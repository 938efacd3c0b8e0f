import { LATER, newEvent, type ConformanceContext } from './conformance';
import type { OutboxEventSummary } from './port';

const LEASE_MS = 60_000;
const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

export function describeMarkConformance(ctx: ConformanceContext): void {
  /** Records `count` events for a fresh store and claims them all at LATER. */
  async function claimedRows(count = 1) {
    const { storeId, pixelConfigId } = await ctx.storeWithPixel();
    const { outbox } = ctx.harness();
    await outbox.record(null, Array.from({ length: count }, (_, n) => newEvent(storeId, pixelConfigId, n + 1)));
    const batches = await outbox.claimDue({ workerId: 'w1', now: LATER, limit: count, leaseMs: LEASE_MS });
    const ids = batches.flatMap((batch) => batch.events.map((event) => event.id));
    const row = async (id: string): Promise<OutboxEventSummary> => {
      const found = (await outbox.listEvents({ storeId, limit: 500 })).find((summary) => summary.id === id);
      if (!found) throw new Error(`row ${id} not listed`);
      return found;
    };
    return { storeId, ids, row, outbox };
  }

  const claimAt = (outbox: ReturnType<typeof ctx.harness>['outbox'], now: Date) =>
    outbox.claimDue({ workerId: 'w2', now, limit: 10, leaseMs: LEASE_MS }).then((batches) => batches.flatMap((b) => b.events));

  describe('outcomes', () => {
    it('markSent finishes the rows, counts the attempt and keeps its fbtrace_id', async () => {
      const { ids, row, outbox } = await claimedRows(2);
      const attemptedAt = minutesAfter(LATER, 1);
      await outbox.markSent(ids, { attemptedAt, outcome: 'sent', httpStatus: 200, fbtraceId: 'AbCdEf123', latencyMs: 84 });
      for (const id of ids) {
        expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, sentAt: attemptedAt, lastFbtraceId: 'AbCdEf123', lastAttemptAt: attemptedAt });
      }
      expect(await claimAt(outbox, minutesAfter(LATER, 60))).toEqual([]);
    });

    it('markRetry requeues the row for its next attempt time, counting the attempt', async () => {
      const { ids, row, outbox } = await claimedRows();
      const id = ids[0]!;
      const nextAttemptAt = minutesAfter(LATER, 5);
      await outbox.markRetry(id, nextAttemptAt, { attemptedAt: LATER, outcome: 'retry', httpStatus: 503, message: 'Meta is unavailable (HTTP 503).' });
      expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt, lastMessage: 'Meta is unavailable (HTTP 503).' });

      expect(await claimAt(outbox, minutesAfter(LATER, 4))).toEqual([]);
      expect(await claimAt(outbox, nextAttemptAt)).toEqual([expect.objectContaining({ id, attempts: 1 })]);
    });

    it('markFailed keeps the reason: a refusal is failed, a too-old event expired', async () => {
      const { ids, row, outbox } = await claimedRows(2);
      const [rejected, tooOld] = [ids[0]!, ids[1]!];
      await outbox.markFailed(rejected, 'rejected', 'Meta rejected the event: invalid parameter (100/2804050).', {
        attemptedAt: LATER,
        outcome: 'rejected',
        httpStatus: 400,
        code: 100,
        subcode: 2804050,
        fbtraceId: 'trace-1',
      });
      await outbox.markFailed(tooOld, 'too_old', 'Event older than 7 days.', { attemptedAt: LATER, outcome: 'expired', code: 100, subcode: 2804003 });
      expect(await row(rejected)).toMatchObject({ status: 'failed', reason: 'rejected', attempts: 1, lastFbtraceId: 'trace-1' });
      expect(await row(tooOld)).toMatchObject({ status: 'expired', reason: 'too_old', reasonDetail: 'Event older than 7 days.' });
      expect(await claimAt(outbox, minutesAfter(LATER, 60))).toEqual([]);
    });

    it('markExpired ends a claimed or queued row without counting an attempt', async () => {
      const { ids, row, outbox, storeId } = await claimedRows();
      await outbox.markExpired(ids[0]!, 'Older than the 7-day window.');
      expect(await row(ids[0]!)).toMatchObject({ status: 'expired', reason: 'too_old', attempts: 0, lastAttemptAt: null });

      const { pixels } = ctx.harness();
      const [pixel] = await pixels.listByStore(storeId);
      await outbox.record(null, [newEvent(storeId, pixel!.id, 9)]);
      const queued = (await outbox.listEvents({ storeId, status: 'queued', limit: 10 }))[0]!;
      await outbox.markExpired(queued.id, 'Older than the 7-day window.');
      expect(await row(queued.id)).toMatchObject({ status: 'expired' });
    });

    it('release hands rows back untouched and claimable at once', async () => {
      const { ids, row, outbox } = await claimedRows(2);
      await outbox.release(ids);
      for (const id of ids) expect(await row(id)).toMatchObject({ status: 'queued', attempts: 0 });
      expect((await claimAt(outbox, LATER)).map((event) => event.id).sort()).toEqual([...ids].sort());
    });

    it('ignores an outcome for a row that is no longer claimed', async () => {
      const { ids, row, outbox } = await claimedRows();
      const id = ids[0]!;
      await outbox.markSent([id], { attemptedAt: LATER, outcome: 'sent', fbtraceId: 'first' });
      // A worker whose lease ran out reports late: the finished row must not change.
      await outbox.markRetry(id, minutesAfter(LATER, 5), { attemptedAt: LATER, outcome: 'retry', fbtraceId: 'late' });
      await outbox.release([id]);
      expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, lastFbtraceId: 'first' });
    });
  });
}
