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
    const lease = batches[0]?.lease.token ?? 'no claim';
    const row = async (id: string): Promise<OutboxEventSummary> => {
      const found = (await outbox.listEvents({ storeId, limit: 500 })).find((summary) => summary.id === id);
      if (!found) throw new Error(`row ${id} not listed`);
      return found;
    };
    return { ids, lease, row, outbox };
  }

  const claimAt = (outbox: ReturnType<typeof ctx.harness>['outbox'], now: Date, workerId = 'w2') =>
    outbox.claimDue({ workerId, now, limit: 10, leaseMs: LEASE_MS });
  const claimedEvents = (outbox: ReturnType<typeof ctx.harness>['outbox'], now: Date) => claimAt(outbox, now).then((batches) => batches.flatMap((b) => b.events));

  describe('outcomes', () => {
    it('recordOutcomes gives each row its own outcome in one call, with an attempt row for each attempt', async () => {
      const { ids, lease, row, outbox } = await claimedRows(5);
      const [sent, retried, rejected, expired, released] = [ids[0]!, ids[1]!, ids[2]!, ids[3]!, ids[4]!];
      const attemptedAt = minutesAfter(LATER, 1);
      const nextAttemptAt = minutesAfter(LATER, 10);
      await outbox.recordOutcomes(lease, [
        { id: sent, kind: 'sent', attempt: { attemptedAt, outcome: 'sent', httpStatus: 200, fbtraceId: 'trace-sent', latencyMs: 84 } },
        { id: retried, kind: 'retry', nextAttemptAt, attempt: { attemptedAt, outcome: 'retry', httpStatus: 503, message: 'Meta is unavailable (HTTP 503).' } },
        { id: rejected, kind: 'failed', reason: 'rejected', detail: 'Meta refused the event.', attempt: { attemptedAt, outcome: 'rejected', code: 100, subcode: 2804050, fbtraceId: 'trace-bad' } },
        { id: expired, kind: 'expired', detail: `Event ${expired} is older than 7 days.` },
        { id: released, kind: 'released' },
      ]);
      expect(await row(sent)).toMatchObject({ status: 'sent', attempts: 1, sentAt: attemptedAt, lastFbtraceId: 'trace-sent', lastAttemptAt: attemptedAt, reason: null });
      expect(await row(retried)).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt, lastMessage: 'Meta is unavailable (HTTP 503).', sentAt: null });
      expect(await row(rejected)).toMatchObject({ status: 'failed', reason: 'rejected', reasonDetail: 'Meta refused the event.', attempts: 1, lastFbtraceId: 'trace-bad' });
      expect(await row(expired)).toMatchObject({ status: 'expired', reason: 'too_old', reasonDetail: `Event ${expired} is older than 7 days.`, attempts: 0, lastAttemptAt: null });
      expect(await row(released)).toMatchObject({ status: 'queued', attempts: 0, reason: null });

      const due = await claimedEvents(outbox, nextAttemptAt);
      expect(due.map((event) => [event.id, event.attempts]).sort()).toEqual([[retried, 1], [released, 0]].sort());
    });

    it('recordOutcomes applies only to rows still held under the lease, and an id listed twice once', async () => {
      const { ids, lease, row, outbox } = await claimedRows(3);
      const [first, second, third] = [ids[0]!, ids[1]!, ids[2]!];
      const attempt = { attemptedAt: LATER, outcome: 'sent' as const, fbtraceId: 'once' };
      await outbox.markSent(lease, [third], attempt);
      await outbox.recordOutcomes('another-claim', [{ id: first, kind: 'sent', attempt }]);
      expect(await row(first)).toMatchObject({ status: 'sending', attempts: 0 });

      await outbox.recordOutcomes(lease, [
        { id: first, kind: 'sent', attempt },
        { id: first, kind: 'retry', nextAttemptAt: LATER, attempt: { ...attempt, outcome: 'retry', fbtraceId: 'twice' } },
        { id: second, kind: 'expired', detail: 'Too old.' },
        { id: third, kind: 'released' },
      ]);
      expect(await row(first)).toMatchObject({ status: 'sent', attempts: 1, lastFbtraceId: 'once' });
      expect(await row(second)).toMatchObject({ status: 'expired', reasonDetail: 'Too old.' });
      expect(await row(third)).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('recordOutcomes writes a 1,000-event round with a detail per event', async () => {
      const { ids, lease, row, outbox } = await claimedRows(1000);
      await outbox.recordOutcomes(lease, ids.map((id, n) => (n % 2 === 0 ? { id, kind: 'expired', detail: `event ${n} expired` } : { id, kind: 'sent', attempt: { attemptedAt: LATER, outcome: 'sent', fbtraceId: `trace-${n}` } })));
      expect(await row(ids[998]!)).toMatchObject({ status: 'expired', reasonDetail: 'event 998 expired' });
      expect(await row(ids[999]!)).toMatchObject({ status: 'sent', lastFbtraceId: 'trace-999' });
      expect(await claimedEvents(outbox, minutesAfter(LATER, 60))).toEqual([]);
    });

    it('markSent finishes the rows, counts the attempt and keeps its fbtrace_id', async () => {
      const { ids, lease, row, outbox } = await claimedRows(2);
      const attemptedAt = minutesAfter(LATER, 1);
      await outbox.markSent(lease, ids, { attemptedAt, outcome: 'sent', httpStatus: 200, fbtraceId: 'AbCdEf123', latencyMs: 84 });
      for (const id of ids) {
        expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, sentAt: attemptedAt, lastFbtraceId: 'AbCdEf123', lastAttemptAt: attemptedAt });
      }
      expect(await claimedEvents(outbox, minutesAfter(LATER, 60))).toEqual([]);
    });

    it('renews and marks a full 1,000-event batch (Meta\'s largest request) in one call', async () => {
      const { ids, lease, outbox } = await claimedRows(1000);
      expect(ids).toHaveLength(1000);
      await expect(outbox.renewLease(lease, ids, { now: LATER, leaseMs: LEASE_MS })).resolves.toEqual(minutesAfter(LATER, 1));
      await outbox.markSent(lease, ids, { attemptedAt: LATER, outcome: 'sent', httpStatus: 200 });
      expect(await claimedEvents(outbox, minutesAfter(LATER, 60))).toEqual([]);
    });

    it('markRetry requeues the rows for their next attempt time, counting the attempt on each', async () => {
      const { ids, lease, row, outbox } = await claimedRows(3);
      const nextAttemptAt = minutesAfter(LATER, 5);
      await outbox.markRetry(lease, ids, nextAttemptAt, { attemptedAt: LATER, outcome: 'retry', httpStatus: 503, message: 'Meta is unavailable (HTTP 503).' });
      for (const id of ids) {
        expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt, lastMessage: 'Meta is unavailable (HTTP 503).' });
      }

      expect(await claimedEvents(outbox, minutesAfter(LATER, 4))).toEqual([]);
      const due = await claimedEvents(outbox, nextAttemptAt);
      expect(due.map((event) => [event.id, event.attempts]).sort()).toEqual(ids.map((id) => [id, 1]).sort());
    });

    it('markFailed keeps the reason: a refusal is failed, a too-old event expired', async () => {
      const { ids, lease, row, outbox } = await claimedRows(3);
      const [rejected, tooOld, alsoTooOld] = [ids[0]!, ids[1]!, ids[2]!];
      await outbox.markFailed(lease, [rejected], 'rejected', 'Meta rejected the event: invalid parameter (100/2804050).', {
        attemptedAt: LATER,
        outcome: 'rejected',
        httpStatus: 400,
        code: 100,
        subcode: 2804050,
        fbtraceId: 'trace-1',
      });
      await outbox.markFailed(lease, [tooOld, alsoTooOld], 'too_old', 'Event older than 7 days.', { attemptedAt: LATER, outcome: 'expired', code: 100, subcode: 2804003 });
      expect(await row(rejected)).toMatchObject({ status: 'failed', reason: 'rejected', attempts: 1, lastFbtraceId: 'trace-1' });
      for (const id of [tooOld, alsoTooOld]) expect(await row(id)).toMatchObject({ status: 'expired', reason: 'too_old', reasonDetail: 'Event older than 7 days.', attempts: 1 });
      expect(await claimedEvents(outbox, minutesAfter(LATER, 60))).toEqual([]);
    });

    it('markExpired ends a claimed row without counting an attempt', async () => {
      const { ids, lease, row, outbox } = await claimedRows();
      await outbox.markExpired(lease, ids, 'Older than the 7-day window.');
      expect(await row(ids[0]!)).toMatchObject({ status: 'expired', reason: 'too_old', reasonDetail: 'Older than the 7-day window.', attempts: 0, lastAttemptAt: null });
    });

    it('release hands rows back untouched and claimable at once', async () => {
      const { ids, lease, row, outbox } = await claimedRows(2);
      await outbox.release(lease, ids);
      for (const id of ids) expect(await row(id)).toMatchObject({ status: 'queued', attempts: 0 });
      expect((await claimedEvents(outbox, LATER)).map((event) => event.id).sort()).toEqual([...ids].sort());
    });

    it('ignores an outcome for a row that is finished', async () => {
      const { ids, lease, row, outbox } = await claimedRows();
      const id = ids[0]!;
      await outbox.markSent(lease, [id], { attemptedAt: LATER, outcome: 'sent', fbtraceId: 'first' });
      await outbox.markRetry(lease, [id], minutesAfter(LATER, 5), { attemptedAt: LATER, outcome: 'retry', fbtraceId: 'late' });
      await outbox.release(lease, [id]);
      expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, lastFbtraceId: 'first' });
    });

    it('does not apply an outcome from a lease another claim took over, even by the same worker', async () => {
      const { ids, lease: stale, row, outbox } = await claimedRows(2);
      const [first, second] = [ids[0]!, ids[1]!];
      // w1's lease ran out mid-send and w1 itself claimed the rows again: only the new lease counts.
      const [takeover] = await claimAt(outbox, minutesAfter(LATER, 1 + LEASE_MS / 60_000), 'w1');
      expect(takeover?.events.map((event) => event.id).sort()).toEqual([...ids].sort());
      expect(takeover?.lease.token).not.toBe(stale);

      const late = { attemptedAt: minutesAfter(LATER, 2), fbtraceId: 'stale' };
      await outbox.markSent(stale, [first], { ...late, outcome: 'sent' });
      await outbox.markRetry(stale, ids, minutesAfter(LATER, 5), { ...late, outcome: 'retry' });
      await outbox.markFailed(stale, [second], 'rejected', 'Meta rejected the event.', { ...late, outcome: 'rejected' });
      await outbox.markExpired(stale, [second], 'Older than the 7-day window.');
      await outbox.release(stale, ids);
      for (const id of ids) expect(await row(id)).toMatchObject({ status: 'sending', attempts: 0, lastAttemptAt: null });

      await outbox.markSent(takeover!.lease.token, ids, { attemptedAt: minutesAfter(LATER, 3), outcome: 'sent', fbtraceId: 'current' });
      for (const id of ids) expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, lastFbtraceId: 'current' });
    });

    it('applies an outcome after the lease ran out while no other claim took the rows', async () => {
      const { ids, lease, row, outbox } = await claimedRows();
      const late = minutesAfter(LATER, 2 * (LEASE_MS / 60_000));
      await outbox.markSent(lease, ids, { attemptedAt: late, outcome: 'sent' });
      expect(await row(ids[0]!)).toMatchObject({ status: 'sent', sentAt: late });
    });
  });
}
