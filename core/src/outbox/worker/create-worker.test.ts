import { ConfigurationGraphError, RejectedEventError, RetryableGraphError } from '../../graph';
import { databaseError } from '../../testing/database-error';
import { MAX_EVENT_AGE_SECONDS } from '../../validate';
import { drainRounds } from '../../testing/drain-rounds';
import { answerAll, MemoryOutbox, ScriptedGraph, serverEvent } from './__tests__/memory-outbox';
import { createWorker, type DeliveryWorker } from './create-worker';
import type { WorkerOptions } from './worker-options';
import type { CircuitOpenedEvent, ExpiredEvent, FailedEvent, RetryEvent, SentEvent } from './worker-events';

const NOW = new Date('2026-03-10T12:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const TARGET = { pixelId: '1234567890', accessToken: 'EAAB-secret-token' };

function setup(overrides: Partial<WorkerOptions> = {}) {
  const outbox = new MemoryOutbox();
  const graph = new ScriptedGraph();
  let now = NOW;
  const clock = { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
  const worker = createWorker({
    outbox,
    pixels: outbox.pixels,
    resolveTarget: async () => TARGET,
    graph,
    clock: clock.now,
    random: () => 0.5,
    workerId: 'worker-a',
    leaseMs: 5 * MINUTE,
    ...overrides,
  });
  const seen = { sent: [] as SentEvent[], retry: [] as RetryEvent[], failed: [] as FailedEvent[], expired: [] as ExpiredEvent[], circuitOpened: [] as CircuitOpenedEvent[] };
  worker.on('sent', (e) => seen.sent.push(e));
  worker.on('retry', (e) => seen.retry.push(e));
  worker.on('failed', (e) => seen.failed.push(e));
  worker.on('expired', (e) => seen.expired.push(e));
  worker.on('circuitOpened', (e) => seen.circuitOpened.push(e));
  return { outbox, graph, clock, worker, seen };
}

const recent = () => serverEvent(new Date(NOW.getTime() - 10 * MINUTE));

describe('DeliveryWorker.runOnce', () => {
  it('sends due events per pixel and marks them sent with the request\'s fbtrace_id and latency', async () => {
    const { outbox, graph, worker, seen } = setup();
    const a = outbox.add('px-1', recent());
    const b = outbox.add('px-1', recent());
    const c = outbox.add('px-2', recent());

    const counts = await worker.runOnce();

    expect(counts).toEqual({ claimed: 3, sent: 3, retried: 0, failed: 0, expired: 0, held: 0 });
    expect(graph.calls.map((call) => call.eventIds)).toEqual([[a.payload.event_id, b.payload.event_id], [c.payload.event_id]]);
    expect(outbox.statuses()).toEqual({ [a.id]: 'sent', [b.id]: 'sent', [c.id]: 'sent' });
    const attempt = outbox.attempts.find((record) => record.outboxEventId === a.id);
    expect(attempt).toMatchObject({ outcome: 'sent', attemptedAt: NOW, httpStatus: 200, latencyMs: 42 });
    expect(attempt?.fbtraceId).toMatch(/^trace-/);
    expect(seen.sent.map((event) => [event.pixelConfigId, event.outboxEventIds])).toEqual([
      ['px-1', [a.id, b.id]],
      ['px-2', [c.id]],
    ]);
  });

  it('claims at most batchSize events under its worker id and lease', async () => {
    const { outbox, worker } = setup({ batchSize: 2, leaseMs: 7 * MINUTE });
    for (let i = 0; i < 3; i++) outbox.add('px-1', recent());
    const claim = jest.spyOn(outbox, 'claimDue');

    expect((await worker.runOnce()).sent).toBe(2);
    expect(claim).toHaveBeenCalledWith({ workerId: 'worker-a', now: NOW, limit: 2, leaseMs: 7 * MINUTE });
    expect((await worker.runOnce()).sent).toBe(1);
    expect((await worker.runOnce()).claimed).toBe(0);
  });

  it('expires events past Meta\'s window without sending them, and still sends in-store events up to 62 days', async () => {
    const { outbox, graph, worker, seen } = setup();
    const old = outbox.add('px-1', serverEvent(new Date(NOW.getTime() - MAX_EVENT_AGE_SECONDS * 1000 - MINUTE)));
    const inStore = outbox.add('px-1', serverEvent(new Date(NOW.getTime() - 30 * DAY), { action_source: 'physical_store', event_source_url: undefined }));

    const counts = await worker.runOnce();

    expect(counts).toMatchObject({ claimed: 2, sent: 1, expired: 1 });
    expect(graph.calls.flatMap((call) => call.eventIds)).toEqual([inStore.payload.event_id]);
    expect(outbox.row(old.id)).toMatchObject({ status: 'expired', reason: 'too_old' });
    expect(outbox.row(old.id).reasonDetail).toMatch(/up to 7 days old/);
    expect(seen.expired).toEqual([{ pixelConfigId: 'px-1', outboxEventId: old.id, eventTime: old.eventTime }]);
  });

  it('schedules a retryable failure with jittered exponential backoff and records the attempt', async () => {
    const { outbox, graph, worker, seen } = setup({ backoff: { baseMs: 5_000, capMs: 3_600_000 } });
    const row = outbox.add('px-1', recent());
    row.attempts = 2;
    const error = new RetryableGraphError({ message: 'HTTP 500', merchantMessage: 'Meta had a temporary problem.', httpStatus: 500, code: 2, fbtraceId: 'trace-x', retryAfterMs: 0 });
    graph.answerNext(answerAll({ ok: false, error }, { httpStatus: 500, fbtraceId: 'trace-x', latencyMs: 120 }));

    expect(await worker.runOnce()).toMatchObject({ retried: 1 });

    // Third attempt: ceiling 5s * 2^2 = 20s, half of it with random() = 0.5.
    expect(outbox.row(row.id)).toMatchObject({ status: 'queued', attempts: 3, nextAttemptAt: new Date(NOW.getTime() + 10_000) });
    expect(outbox.attempts).toEqual([
      { outboxEventId: row.id, attemptedAt: NOW, outcome: 'retry', httpStatus: 500, code: 2, fbtraceId: 'trace-x', latencyMs: 120, message: 'Meta had a temporary problem.' },
    ]);
    expect(seen.retry).toEqual([{ pixelConfigId: 'px-1', outboxEventId: row.id, attempts: 3, nextAttemptAt: new Date(NOW.getTime() + 10_000), code: 2 }]);
  });

  it('writes one retry for the events a request turned away, with one delay per attempt count', async () => {
    const random = jest.fn().mockReturnValueOnce(0.1).mockReturnValue(0.9);
    const { outbox, graph, worker, seen } = setup({ random, backoff: { baseMs: 5_000, capMs: 3_600_000 } });
    const fresh = [outbox.add('px-1', recent()), outbox.add('px-1', recent()), outbox.add('px-1', recent())];
    const retried = outbox.add('px-1', recent());
    retried.attempts = 2;
    const error = new RetryableGraphError({ message: 'HTTP 500', merchantMessage: 'Meta had a temporary problem.', httpStatus: 500, code: 1, fbtraceId: 'trace-500', retryAfterMs: 0 });
    graph.answerNext(answerAll({ ok: false, error }, { httpStatus: 500, fbtraceId: 'trace-500' }));
    const write = jest.spyOn(outbox, 'recordOutcomes');

    expect(await worker.runOnce()).toMatchObject({ claimed: 4, retried: 4 });

    const attempt = { attemptedAt: NOW, outcome: 'retry', httpStatus: 500, code: 1, fbtraceId: 'trace-500', latencyMs: 42, message: 'Meta had a temporary problem.' };
    // First attempt: ceiling 5s, times 0.1. Third attempt: ceiling 20s, times 0.9. Both in the round's one write.
    expect(write.mock.calls).toEqual([
      [
        expect.any(String),
        [
          ...fresh.map((row) => ({ id: row.id, kind: 'retry', nextAttemptAt: new Date(NOW.getTime() + 500), attempt })),
          { id: retried.id, kind: 'retry', nextAttemptAt: new Date(NOW.getTime() + 18_000), attempt },
        ],
      ],
    ]);
    expect(random).toHaveBeenCalledTimes(2);
    for (const row of fresh) expect(outbox.row(row.id)).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: new Date(NOW.getTime() + 500) });
    expect(seen.retry.map((event) => [event.outboxEventId, event.attempts])).toEqual([...fresh.map((row) => [row.id, 1]), [retried.id, 3]]);
  });

  it('waits at least as long as Graph asked when it throttles', async () => {
    const { outbox, graph, worker } = setup();
    const row = outbox.add('px-1', recent());
    const error = new RetryableGraphError({ message: 'throttled', merchantMessage: 'Meta is limiting.', code: 17, subcode: 2446079, retryAfterMs: 15 * MINUTE });
    graph.answerNext(answerAll({ ok: false, error }));

    await worker.runOnce();

    expect(outbox.row(row.id).nextAttemptAt).toEqual(new Date(NOW.getTime() + 15 * MINUTE));
  });

  it('expires an event whose next attempt would fall past the window instead of retrying it', async () => {
    const { outbox, graph, worker, seen } = setup();
    const row = outbox.add('px-1', serverEvent(new Date(NOW.getTime() - MAX_EVENT_AGE_SECONDS * 1000 + 10 * MINUTE)));
    const error = new RetryableGraphError({ message: 'throttled', merchantMessage: 'Meta is limiting.', code: 4, retryAfterMs: 60 * MINUTE });
    graph.answerNext(answerAll({ ok: false, error }));

    expect(await worker.runOnce()).toMatchObject({ expired: 1, retried: 0 });
    expect(outbox.row(row.id)).toMatchObject({ status: 'expired', reason: 'too_old' });
    expect(outbox.row(row.id).reasonDetail).toMatch(/Delivery kept failing \(last: Meta error 4\)/);
    expect(outbox.attempts).toMatchObject([{ outboxEventId: row.id, outcome: 'expired', code: 4 }]);
    expect(seen.expired).toHaveLength(1);
  });

  it('gives up after maxAttempts when configured', async () => {
    const { outbox, graph, worker, seen } = setup({ maxAttempts: 3 });
    const row = outbox.add('px-1', recent());
    row.attempts = 2;
    const error = new RetryableGraphError({ message: 'timeout', merchantMessage: 'Meta did not answer.', retryAfterMs: 0 });
    graph.answerNext(answerAll({ ok: false, error }));

    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    expect(outbox.row(row.id)).toMatchObject({ status: 'failed', reason: 'retries_exhausted', reasonDetail: 'Gave up after 3 attempts; the last one failed with no answer from Meta.' });
    expect(seen.failed).toEqual([{ pixelConfigId: 'px-1', outboxEventId: row.id, reason: 'retries_exhausted' }]);
  });

  it('gives up on a request\'s events in one write when they ran out of attempts', async () => {
    const { outbox, graph, worker, seen } = setup({ maxAttempts: 3 });
    const rows = [outbox.add('px-1', recent()), outbox.add('px-1', recent())];
    for (const row of rows) row.attempts = 2;
    graph.answerNext(answerAll({ ok: false, error: new RetryableGraphError({ message: 'timeout', merchantMessage: 'Meta did not answer.', retryAfterMs: 0 }) }));
    const write = jest.spyOn(outbox, 'recordOutcomes');

    expect(await worker.runOnce()).toMatchObject({ failed: 2 });
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]?.[1]).toEqual(rows.map((row) => expect.objectContaining({ id: row.id, kind: 'failed', reason: 'retries_exhausted' })));
    for (const row of rows) expect(outbox.row(row.id)).toMatchObject({ status: 'failed', reason: 'retries_exhausted' });
    expect(seen.failed).toHaveLength(2);
  });

  it('dead-letters a rejected event with code, subcode, title and fbtrace_id, and sends the rest', async () => {
    const { outbox, graph, worker, seen } = setup();
    const good = outbox.add('px-1', recent());
    const bad = outbox.add('px-1', recent());
    const error = new RejectedEventError({
      message: 'Invalid parameter',
      merchantMessage: 'Meta refused the event as invalid. (Meta error 100/2804050)',
      code: 100,
      subcode: 2804050,
      fbtraceId: 'trace-bad',
      httpStatus: 400,
      userTitle: 'Insufficient customer information',
    });
    graph.answerNext(() => ({
      results: [{ ok: true, fbtraceId: 'trace-good' }, { ok: false, error }],
      requests: [
        { eventCount: 2, httpStatus: 400, code: 100, subcode: 2804050, fbtraceId: 'trace-first', latencyMs: 30, outcome: 'rejected' },
        { eventCount: 1, httpStatus: 200, eventsReceived: 1, fbtraceId: 'trace-good', latencyMs: 20, outcome: 'sent' },
        { eventCount: 1, httpStatus: 400, code: 100, subcode: 2804050, fbtraceId: 'trace-bad', latencyMs: 25, outcome: 'rejected' },
      ],
    }));

    expect(await worker.runOnce()).toMatchObject({ sent: 1, failed: 1 });
    expect(outbox.row(good.id).status).toBe('sent');
    expect(outbox.row(bad.id)).toMatchObject({
      status: 'failed',
      reason: 'rejected',
      reasonDetail: 'Meta refused the event as invalid. (Meta error 100/2804050) Meta\'s title: "Insufficient customer information". fbtrace_id: trace-bad.',
    });
    expect(outbox.attempts.find((a) => a.outboxEventId === bad.id)).toMatchObject({ outcome: 'rejected', httpStatus: 400, code: 100, subcode: 2804050, fbtraceId: 'trace-bad', latencyMs: 25 });
    expect(outbox.attempts.find((a) => a.outboxEventId === good.id)).toMatchObject({ outcome: 'sent', latencyMs: 20, fbtraceId: 'trace-good' });
    expect(seen.failed).toEqual([{ pixelConfigId: 'px-1', outboxEventId: bad.id, reason: 'rejected', code: 100, subcode: 2804050, fbtraceId: 'trace-bad' }]);
  });

  it('writes a round\'s outcomes in one call: sent, rejected and expired events alike', async () => {
    const { outbox, graph, worker } = setup();
    const good = outbox.add('px-1', recent());
    const bad = outbox.add('px-1', recent());
    const old = outbox.add('px-1', serverEvent(new Date(NOW.getTime() - MAX_EVENT_AGE_SECONDS * 1000 - MINUTE)));
    const error = new RejectedEventError({ message: 'Invalid parameter', merchantMessage: 'Meta refused the event as invalid.', code: 100, httpStatus: 400, fbtraceId: 'trace-bad' });
    graph.answerNext(() => ({
      results: [{ ok: true, fbtraceId: 'trace-good' }, { ok: false, error }],
      requests: [{ eventCount: 2, httpStatus: 200, eventsReceived: 1, fbtraceId: 'trace-good', latencyMs: 20, outcome: 'sent' }],
    }));
    const write = jest.spyOn(outbox, 'recordOutcomes');

    expect(await worker.runOnce()).toMatchObject({ claimed: 3, sent: 1, failed: 1, expired: 1 });

    expect(write).toHaveBeenCalledTimes(1);
    const kinds = Object.fromEntries((write.mock.calls[0]?.[1] ?? []).map((outcome) => [outcome.id, outcome.kind]));
    expect(kinds).toEqual({ [good.id]: 'sent', [bad.id]: 'failed', [old.id]: 'expired' });
    expect(outbox.statuses()).toEqual({ [good.id]: 'sent', [bad.id]: 'failed', [old.id]: 'expired' });
  });

  it('expires a week-old backlog in bulk: one claim and one write per batch, no request, each event with its own detail', async () => {
    const { outbox, graph, worker, seen } = setup({ batchSize: 1000 });
    const weekAgo = NOW.getTime() - MAX_EVENT_AGE_SECONDS * 1000;
    const rows = Array.from({ length: 2500 }, (_, n) => outbox.add('px-1', serverEvent(new Date(weekAgo - (n + 1) * 1000))));
    const claims = jest.spyOn(outbox, 'claimDue');
    const writes = jest.spyOn(outbox, 'recordOutcomes');

    expect(await drainRounds(worker, 10)).toMatchObject({ claimed: 2500, expired: 2500 });
    expect(claims).toHaveBeenCalledTimes(4); // three full batches of at most 1,000, then one that finds nothing
    expect(writes.mock.calls.map(([, outcomes]) => outcomes.length)).toEqual([1000, 1000, 500]);
    expect(graph.calls).toEqual([]);
    for (const row of [rows[0]!, rows[2499]!]) {
      expect(outbox.row(row.id)).toMatchObject({ status: 'expired', reason: 'too_old', attempts: 0 });
      expect(outbox.row(row.id).reasonDetail).toContain(`happened at ${row.eventTime.toISOString()}`);
    }
    expect(seen.expired).toHaveLength(2500);
  });

  it('stops the pixel on a configuration error, keeps its events queued and records the attempt', async () => {
    const { outbox, graph, worker, seen } = setup();
    const rows = [outbox.add('px-1', recent()), outbox.add('px-1', recent())];
    const other = outbox.add('px-2', recent());
    const error = new ConfigurationGraphError({ message: 'OAuth 190/463', merchantMessage: 'Meta no longer accepts the access token.', code: 190, subcode: 463, httpStatus: 401, fbtraceId: 'trace-auth' });
    graph.answerNext(answerAll({ ok: false, error }, { httpStatus: 401, fbtraceId: 'trace-auth' }));

    expect(await worker.runOnce()).toMatchObject({ claimed: 3, held: 2, sent: 1 });

    expect(outbox.stoppedPixels()).toEqual(new Map([['px-1', 'Meta no longer accepts the access token.']]));
    for (const row of rows) expect(outbox.row(row.id)).toMatchObject({ status: 'queued', nextAttemptAt: NOW });
    expect(outbox.row(other.id).status).toBe('sent');
    expect(outbox.attempts.filter((a) => a.outcome === 'configuration')).toHaveLength(2);
    expect(seen.circuitOpened).toEqual([{ pixelConfigId: 'px-1', reason: 'Meta no longer accepts the access token.', code: 190, subcode: 463 }]);

    // The circuit stays open: the stopped pixel's events are not claimed again...
    expect((await worker.runOnce()).claimed).toBe(0);
    // ...until a settings change clears it.
    await outbox.saveSettings('px-1');
    expect(await worker.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
  });

  it('stops the pixel without sending when its configuration cannot be resolved', async () => {
    const missingToken = new ConfigurationGraphError({ message: 'no token', merchantMessage: 'No access token is saved for this pixel.' });
    const { outbox, graph, worker, seen } = setup({ resolveTarget: async () => Promise.reject(missingToken) });
    const row = outbox.add('px-1', recent());

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, held: 1 });
    expect(graph.calls).toEqual([]);
    expect(outbox.stoppedPixels().get('px-1')).toBe('No access token is saved for this pixel.');
    expect(outbox.row(row.id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(seen.circuitOpened).toHaveLength(1);
  });

  it('releases the events without stopping the pixel when resolving fails for another reason', async () => {
    const { outbox, graph, worker } = setup({ resolveTarget: async () => Promise.reject(new Error('database unavailable')) });
    const row = outbox.add('px-1', recent());

    expect(await worker.runOnce()).toMatchObject({ held: 1 });
    expect(graph.calls).toEqual([]);
    expect(outbox.stoppedPixels().size).toBe(0);
    expect(outbox.row(row.id).status).toBe('queued');
  });

  it('keeps delivering other pixels when one pixel\'s batch throws, leaving its events leased', async () => {
    const { outbox, graph, worker } = setup();
    const broken = outbox.add('px-1', recent());
    const fine = outbox.add('px-2', recent());
    graph.answerNext(() => Promise.reject(new Error('bug')));

    expect(await worker.runOnce()).toMatchObject({ claimed: 2, sent: 1 });
    expect(outbox.row(broken.id).status).toBe('sending');
    expect(outbox.row(fine.id).status).toBe('sent');
  });

  it('records events Meta accepted once the database answers again, instead of sending them twice', async () => {
    const { outbox, graph, clock, worker } = setup({ pollIntervalMs: 1 });
    const row = outbox.add('px-1', recent());
    const recordOutcomes = jest.spyOn(outbox, 'recordOutcomes').mockRejectedValueOnce(databaseError('PrismaClientKnownRequestError', 'P1001', "Can't reach database server"));

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(recordOutcomes).toHaveBeenCalledTimes(2);
    expect(outbox.row(row.id).status).toBe('sent');
    clock.advance(10 * MINUTE);
    await worker.runOnce();
    expect(graph.calls).toHaveLength(1);
  });

  it('stops trying to record a send when the lease would run out: the events are another claim\'s then', async () => {
    const { outbox, clock, worker } = setup({ pollIntervalMs: 1 });
    const row = outbox.add('px-1', recent());
    const recordOutcomes = jest.spyOn(outbox, 'recordOutcomes').mockImplementation(async () => {
      clock.advance(3 * MINUTE);
      throw databaseError('PrismaClientKnownRequestError', 'P1001', "Can't reach database server");
    });

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 0 });
    expect(recordOutcomes).toHaveBeenCalledTimes(2);
    expect(outbox.row(row.id).status).toBe('sending');
  });

  it('never puts the access token or user data in a log line', async () => {
    const lines: string[] = [];
    const capture = (obj: object, msg?: string) => void lines.push(JSON.stringify(obj) + (msg ?? ''));
    const logger = { debug: capture, info: capture, warn: capture, error: capture };
    const { outbox, graph, worker } = setup({ logger });
    const event = recent();
    outbox.add('px-1', event);
    outbox.add('px-1', recent());
    const rejected = new RejectedEventError({ message: 'Invalid parameter', merchantMessage: 'Meta refused the event as invalid.', code: 100, subcode: 2804001 });
    const refused = new ConfigurationGraphError({ message: 'OAuth', merchantMessage: 'Token refused.', code: 190 });
    graph.answerNext(() => ({ results: [{ ok: false, error: rejected }, { ok: false, error: refused }], requests: [] }));

    await worker.runOnce();

    const logged = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(logged).not.toContain(TARGET.accessToken);
    expect(logged).not.toContain(event.user_data.em?.[0]);
  });
});

describe('DeliveryWorker loop', () => {
  let worker: DeliveryWorker | undefined;
  afterEach(async () => worker?.stop());

  it('delivers queued events without a call to runOnce, and stop() waits for the batch in flight', async () => {
    const env = setup({ pollIntervalMs: 10 });
    worker = env.worker;
    const row = env.outbox.add('px-1', recent());
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => {
      env.graph.answerNext(async (events) => {
        resolve();
        await gate;
        return answerAll({ ok: true, fbtraceId: 'trace-late' })(events, TARGET);
      });
    });

    worker.start();
    await reached;
    const stopped = worker.stop();
    release();
    await stopped;

    expect(env.outbox.row(row.id).status).toBe('sent');
  });

  it('starts a round soon after notify() instead of waiting out the poll interval', async () => {
    const env = setup({ pollIntervalMs: 3_600_000, flushDelayMs: 0 });
    worker = env.worker;
    const claim = env.outbox.claimDue.bind(env.outbox);
    const firstClaim = new Promise<void>((resolve) => {
      jest.spyOn(env.outbox, 'claimDue').mockImplementation((opts) => {
        resolve();
        return claim(opts);
      });
    });
    const sent = new Promise<SentEvent>((resolve) => env.worker.once('sent', resolve));
    worker.start();
    // The first round found nothing; the loop now idles for an hour unless notified.
    await firstClaim;
    await new Promise((resolve) => setImmediate(resolve));
    const row = env.outbox.add('px-1', recent());

    worker.notify();

    expect((await sent).outboxEventIds).toEqual([row.id]);
  });

  it('goes again at once after a full round, draining a backlog', async () => {
    const env = setup({ pollIntervalMs: 3_600_000, batchSize: 2 });
    worker = env.worker;
    for (let i = 0; i < 5; i++) env.outbox.add('px-1', recent());
    const allSent = new Promise<void>((resolve) => {
      env.worker.on('sent', () => {
        if (Object.values(env.outbox.statuses()).every((status) => status === 'sent')) resolve();
      });
    });

    worker.start();
    await allSent;

    expect(env.graph.calls.map((call) => call.eventIds.length)).toEqual([2, 2, 1]);
  });

  it('idles a poll interval after a full round whose events could not be sent, instead of spinning', async () => {
    let reportFailure!: () => void;
    const failed = new Promise<void>((resolve) => (reportFailure = resolve));
    const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => reportFailure() };
    const env = setup({ batchSize: 1, pollIntervalMs: 3_600_000, logger, resolveTarget: async () => Promise.reject(new Error('database unavailable')) });
    worker = env.worker;
    env.outbox.add('px-1', recent());
    const claims = jest.spyOn(env.outbox, 'claimDue');

    worker.start();
    await failed;
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));

    expect(claims).toHaveBeenCalledTimes(1);
  });

  it('logs a failed round (the database gone) by the error\'s code and meaning, never the driver\'s message', async () => {
    const lines: object[] = [];
    let reportFailure!: () => void;
    const failed = new Promise<void>((resolve) => (reportFailure = resolve));
    const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (obj: object) => (lines.push(obj), reportFailure()) };
    const env = setup({ pollIntervalMs: 3_600_000, logger });
    worker = env.worker;
    const quoting = databaseError('PrismaClientKnownRequestError', 'P2010', 'Raw query failed. Code: `22P02`. Message: `invalid input syntax: "jane.doe@example.com"`');
    jest.spyOn(env.outbox, 'claimDue').mockRejectedValueOnce(quoting);

    worker.start();
    await failed;

    expect(lines).toEqual([{ error: { name: 'PrismaClientKnownRequestError', code: 'P2010', meaning: 'a raw query failed' }, failures: 1 }]);
  });
});

describe('createWorker options', () => {
  const base = () => ({ outbox: new MemoryOutbox(), pixels: { stop: async () => undefined }, resolveTarget: async () => TARGET, graph: new ScriptedGraph() });

  it('refuses batches larger than Meta accepts in one request', () => {
    expect(() => createWorker({ ...base(), batchSize: 1001 })).toThrow(/batchSize must be a whole number from 1 to 1000/);
  });

  it('refuses a lease or poll interval that is not a positive whole number', () => {
    expect(() => createWorker({ ...base(), leaseMs: 0 })).toThrow(/leaseMs/);
    expect(() => createWorker({ ...base(), pollIntervalMs: 1.5 })).toThrow(/pollIntervalMs/);
  });

  it('refuses a backoff cap below its base', () => {
    expect(() => createWorker({ ...base(), backoff: { baseMs: 5_000, capMs: 1_000 } })).toThrow(/capMs/);
  });

  it('gives each worker its own id by default', () => {
    expect(createWorker(base()).workerId).not.toBe(createWorker(base()).workerId);
  });
});
