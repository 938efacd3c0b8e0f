import { GraphClient, type PixelTarget } from '../../graph';
import type { Logger } from '../../log';
import type { ServerEvent } from '../../meta/wire';
import { MemoryOutbox, ScriptedGraph, serverEvent } from './__tests__/memory-outbox';
import { createWorker } from './create-worker';
import type { EncodedEventSender } from './worker-options';
import type { RoundCounts } from './worker-events';

const NOW = new Date('2026-03-10T12:00:00Z');
const MINUTE = 60_000;
/** Graph may take this long per request... */
const TIMEOUT_MS = 2 * MINUTE;
/** ...and the lease is the shortest createEngine allows: two request timeouts, plus one minute. */
const LEASE_MS = 5 * MINUTE;
const TARGET: PixelTarget = { pixelId: '1234567890', accessToken: 'EAAB-secret-token' };

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const notHashed = () =>
  json(400, { error: { message: 'Invalid parameter', code: 100, error_subcode: 2804016, error_user_title: 'User Parameter Not Hashed', fbtrace_id: 'trace-bad' } });

/**
 * One outbox, two workers. Worker A talks to a Graph that answers every request as late as its
 * timeout allows and refuses any request carrying a `bad-` event (so the client bisects); while each
 * of A's requests is in flight, `duringRequest` runs (worker B's rounds, a stall).
 */
function setup() {
  const outbox = new MemoryOutbox();
  let now = NOW;
  const clock = () => now;
  const elapse = (ms: number) => void (now = new Date(now.getTime() + ms));
  const requests: string[][] = [];
  const hooks = { duringRequest: async (): Promise<void> => undefined };
  const slowGraph = new GraphClient({
    timeoutMs: TIMEOUT_MS,
    fetch: async (_url, init) => {
      const ids = (JSON.parse(String(init?.body)) as { data: ServerEvent[] }).data.map((event) => event.event_id);
      requests.push(ids);
      elapse(TIMEOUT_MS);
      await hooks.duringRequest();
      return ids.some((id) => id.startsWith('bad-')) ? notHashed() : json(200, { events_received: ids.length, fbtrace_id: `trace-${requests.length}` });
    },
  });
  const worker = (workerId: string, graph: EncodedEventSender, logger?: Logger) =>
    createWorker({ outbox, pixels: outbox.pixels, resolveTarget: async () => TARGET, graph, clock, random: () => 0.5, workerId, leaseMs: LEASE_MS, logger });
  const queue = (eventIds: string[]) => eventIds.map((eventId) => outbox.add('px-1', serverEvent(new Date(NOW.getTime() - 10 * MINUTE), { event_id: eventId })));
  return { outbox, elapse, requests, hooks, slowGraph, worker, queue };
}

describe('DeliveryWorker leases', () => {
  it('renews its lease through a bisection that outlasts it, so no other worker sends the batch again', async () => {
    const env = setup();
    const rows = env.queue(['a', 'b', 'c', 'bad-d']);
    const otherGraph = new ScriptedGraph();
    const other = env.worker('worker-b', otherGraph);
    const otherRounds: RoundCounts[] = [];
    env.hooks.duringRequest = async () => void otherRounds.push(await other.runOnce());
    const renew = jest.spyOn(env.outbox, 'renewLease');

    const counts = await env.worker('worker-a', env.slowGraph).runOnce();

    // Five requests of two minutes each: the bisection took twice the lease.
    expect(env.requests).toEqual([['a', 'b', 'c', 'bad-d'], ['a', 'b'], ['c', 'bad-d'], ['c'], ['bad-d']]);
    expect(renew).toHaveBeenCalledTimes(4);
    expect(otherRounds.map((round) => round.claimed)).toEqual([0, 0, 0, 0, 0]);
    expect(otherGraph.calls).toEqual([]);
    expect(counts).toMatchObject({ claimed: 4, sent: 3, failed: 1 });
    expect(rows.map((row) => env.outbox.row(row.id))).toMatchObject([
      { status: 'sent', attempts: 1 },
      { status: 'sent', attempts: 1 },
      { status: 'sent', attempts: 1 },
      { status: 'failed', reason: 'rejected', attempts: 1 },
    ]);
  });

  it('stops sending once another worker took its events over, and leaves them to that worker', async () => {
    const env = setup();
    const rows = env.queue(['a', 'b', 'bad-c']);
    const otherGraph = new ScriptedGraph();
    const other = env.worker('worker-b', otherGraph);
    // Worker A stalls in its first request past the lease; worker B claims and sends meanwhile.
    env.hooks.duringRequest = async () => {
      env.hooks.duringRequest = async () => undefined;
      env.elapse(LEASE_MS);
      expect(await other.runOnce()).toMatchObject({ claimed: 3, sent: 3 });
    };
    const warnings: string[] = [];
    const logger: Logger = { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (_: object, msg?: string) => void warnings.push(msg ?? '') };

    const counts = await env.worker('worker-a', env.slowGraph, logger).runOnce();

    expect(env.requests).toEqual([['a', 'b', 'bad-c']]);
    expect(otherGraph.calls.map((call) => call.eventIds)).toEqual([['a', 'b', 'bad-c']]);
    expect(counts).toMatchObject({ claimed: 3, held: 3, sent: 0, failed: 0 });
    expect(warnings).toContain('lease taken over mid-delivery; stopped sending the batch');
    for (const row of rows) expect(env.outbox.row(row.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(env.outbox.attempts.map((attempt) => attempt.fbtraceId)).toEqual(rows.map(() => expect.stringMatching(/^trace-/)));
  });
});
