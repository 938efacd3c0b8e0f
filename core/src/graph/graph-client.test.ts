import { createHmac } from 'node:crypto';
import type { ServerEvent } from '../meta/wire';
import { type GraphSandbox, startGraphSandbox } from '../sandbox/graph-sandbox';
import { sampleServerEvent } from '../sandbox/sample-events';
import { recordingLogger } from './__tests__/recording-logger';
import type { DeliveryReport, EventResult, PixelTarget } from './delivery-types';
import { ConfigurationGraphError, type GraphError, RejectedEventError, RetryableGraphError } from './errors';
import { GraphClient } from './graph-client';
import type { GraphClientOptions } from './graph-client-options';
import { DEFAULT_PARTNER_AGENT, THROTTLED_RETRY_AFTER_MS } from './graph-config';

const PIXEL_ID = '1234567890';
const APP_SECRET = 'sandbox-app-secret';
const TOKEN = 'EAAgraphclienttesttoken';
const target: PixelTarget = { pixelId: PIXEL_ID, accessToken: TOKEN };

let sandbox: GraphSandbox;
const clientFor = (options: GraphClientOptions = {}) =>
  new GraphClient({ graphUrl: sandbox.url, appSecret: APP_SECRET, timeoutMs: 10_000, ...options });
const events = (count: number, prefix = 'order'): ServerEvent[] =>
  Array.from({ length: count }, (_, i) => sampleServerEvent({ event_id: `${prefix}:${i}` }));
const unhashed = (event: ServerEvent): ServerEvent => ({ ...event, user_data: { ...event.user_data, em: ['jane@example.com'] } });
const errorsOf = (report: DeliveryReport): GraphError[] =>
  report.results.map((result) => {
    if (result.ok) throw new Error('expected every event to fail');
    return result.error;
  });

beforeAll(async () => {
  sandbox = await startGraphSandbox({ knownPixels: [PIXEL_ID], appSecret: APP_SECRET });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

describe('sent', () => {
  it('posts the events with partner_agent and reports each one sent with the trace id', async () => {
    const batch = events(3);
    const report = await clientFor().sendEvents(target, batch);

    const [received] = sandbox.received;
    expect(received).toMatchObject({ pixelId: PIXEL_ID, apiVersion: 'v25.0', partnerAgent: DEFAULT_PARTNER_AGENT, events: batch });
    expect(received?.testEventCode).toBeUndefined();
    expect(report.results).toEqual(batch.map(() => ({ ok: true, fbtraceId: received?.fbtraceId })));
    expect(report.requests).toEqual([
      { eventCount: 3, httpStatus: 200, eventsReceived: 3, fbtraceId: received?.fbtraceId, latencyMs: expect.any(Number), outcome: 'sent' },
    ]);
  });

  it('sends test_event_code and a configured partner_agent and version', async () => {
    const client = clientFor({ partnerAgent: 'capirelay_shopify_0_1', apiVersion: 'v26.0' });
    await client.sendEvents({ ...target, testEventCode: 'TEST4321' }, events(1));
    expect(sandbox.received[0]).toMatchObject({ testEventCode: 'TEST4321', partnerAgent: 'capirelay_shopify_0_1', apiVersion: 'v26.0' });
  });

  it('splits 2,500 events into requests of 1,000, 1,000 and 500, all sent', async () => {
    const report = await clientFor().sendEvents(target, events(2500));
    expect(sandbox.received.map((request) => request.events.length)).toEqual([1000, 1000, 500]);
    expect(report.requests.map((request) => [request.eventCount, request.outcome])).toEqual([
      [1000, 'sent'],
      [1000, 'sent'],
      [500, 'sent'],
    ]);
    expect(report.results).toHaveLength(2500);
    expect(report.results.every((result) => result.ok)).toBe(true);
    expect(sandbox.received.flatMap((request) => request.events.map((event) => event.event_id))).toEqual(
      Array.from({ length: 2500 }, (_, i) => `order:${i}`),
    );
  });

  it('makes no request for no events', async () => {
    expect(await clientFor().sendEvents(target, [])).toEqual({ results: [], requests: [] });
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('transport and credentials', () => {
  it('sends the token only in the Authorization header, never in the URL or body', async () => {
    const seen: { url: string; body: string; authorization: string | null }[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push({ url: String(input), body: String(init?.body), authorization: new Headers(init?.headers).get('authorization') });
      return fetch(input, init);
    };
    await clientFor({ fetch: spy }).sendEvents(target, events(2));

    expect(seen).toHaveLength(1);
    expect(seen[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen[0]?.url).not.toContain(TOKEN);
    expect(seen[0]?.body).not.toContain(TOKEN);
    expect(sandbox.requests[0]?.url).not.toContain(TOKEN);
    expect(sandbox.received[0]?.tokenLocation).toBe('header');
  });

  it('adds appsecret_proof, HMAC-SHA256 of the token keyed by the app secret, as hex', async () => {
    await clientFor().sendEvents(target, events(1));
    const expected = createHmac('sha256', APP_SECRET).update(TOKEN).digest('hex');
    expect(sandbox.received[0]?.appsecretProof).toBe(expected);
    expect(sandbox.requests[0]?.url).toBe(`/v25.0/${PIXEL_ID}/events?appsecret_proof=${expected}`);
  });

  it('sends no appsecret_proof without an app secret', async () => {
    const open = await startGraphSandbox();
    try {
      await new GraphClient({ graphUrl: open.url }).sendEvents(target, events(1));
      expect(open.received[0]?.appsecretProof).toBeUndefined();
      expect(open.requests[0]?.url).toBe(`/v25.0/${PIXEL_ID}/events`);
    } finally {
      await open.close();
    }
  });
});

describe('retry', () => {
  it('treats HTTP 500 as retryable, with no wait imposed by Graph', async () => {
    sandbox.failNext(1, { kind: 'http500' });
    const report = await clientFor().sendEvents(target, events(2));
    const [error] = errorsOf(report);
    expect(error).toBeInstanceOf(RetryableGraphError);
    expect(error).toMatchObject({ httpStatus: 500, code: 1, isTransient: true, retryAfterMs: 0 });
    expect(report.requests).toEqual([expect.objectContaining({ eventCount: 2, httpStatus: 500, code: 1, outcome: 'retry' })]);
  });

  it('treats a non-JSON 503 as retryable', async () => {
    sandbox.failNext(1, { kind: 'http503' });
    const [error] = errorsOf(await clientFor().sendEvents(target, events(1)));
    expect(error).toBeInstanceOf(RetryableGraphError);
    expect(error).toMatchObject({ httpStatus: 503, code: undefined });
  });

  it('treats a request Graph does not answer in time as retryable', async () => {
    sandbox.failNext(1, { kind: 'timeout' });
    const report = await clientFor({ timeoutMs: 200 }).sendEvents(target, events(1));
    const [error] = errorsOf(report);
    expect(error).toBeInstanceOf(RetryableGraphError);
    expect(error?.message).toBe('Graph did not answer within 200 ms');
    expect(error?.merchantMessage).toContain('did not answer');
    expect(report.requests).toEqual([{ eventCount: 1, latencyMs: expect.any(Number), outcome: 'retry' }]);
  });

  it('treats a refused connection as retryable', async () => {
    const gone = await startGraphSandbox();
    await gone.close();
    const [error] = errorsOf(await new GraphClient({ graphUrl: gone.url }).sendEvents(target, events(1)));
    expect(error).toBeInstanceOf(RetryableGraphError);
    expect(error?.message).toMatch(/^Graph request failed: fetch failed \(.*ECONNREFUSED/);
    expect(error?.merchantMessage).toContain('could not be reached');
  });

  it('waits as long as the usage header says when rate limited', async () => {
    sandbox.failNext(1, { kind: 'rateLimit', code: 80004, regainMinutes: 7 });
    const [error] = errorsOf(await clientFor().sendEvents(target, events(1)));
    expect(error).toBeInstanceOf(RetryableGraphError);
    expect(error).toMatchObject({ code: 80004, retryAfterMs: 7 * 60_000 });
  });

  it('falls back to the throttling floor when the rate limit announces no wait', async () => {
    sandbox.failNext(1, { kind: 'rateLimit', code: 4 });
    const [error] = errorsOf(await clientFor().sendEvents(target, events(1)));
    expect(error).toMatchObject({ code: 4, retryAfterMs: THROTTLED_RETRY_AFTER_MS });
  });

  it('does not count a 200 that acknowledges fewer events than sent as sent', async () => {
    sandbox.failNext(1, { kind: 'eventsReceivedMismatch' });
    const report = await clientFor().sendEvents(target, events(3));
    const errors = errorsOf(report);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toBeInstanceOf(RetryableGraphError);
    expect(errors[0]?.message).toBe('Graph acknowledged 2 of 3 events (HTTP 200)');
    expect(report.requests).toEqual([expect.objectContaining({ httpStatus: 200, eventsReceived: 2, outcome: 'retry' })]);
  });

  it('stops after a retryable answer: later chunks get the same error without a request', async () => {
    sandbox.failNext(1, { kind: 'http500' });
    const report = await clientFor().sendEvents(target, events(2500));
    expect(report.requests).toHaveLength(1);
    expect(new Set(errorsOf(report)).size).toBe(1);
    expect(errorsOf(report)[2499]).toBeInstanceOf(RetryableGraphError);
  });
});

describe('configuration', () => {
  it('stops the pixel on an expired token, for every event of every chunk', async () => {
    sandbox.failNext(1, { kind: 'tokenExpired' });
    const report = await clientFor().sendEvents(target, events(2500));
    const errors = errorsOf(report);
    expect(errors).toHaveLength(2500);
    expect(errors.every((error) => error instanceof ConfigurationGraphError)).toBe(true);
    expect(errors[0]).toMatchObject({ code: 190, subcode: 463, httpStatus: 401 });
    expect(errors[0]?.merchantMessage).toContain('access token');
    expect(report.requests).toEqual([expect.objectContaining({ eventCount: 1000, code: 190, subcode: 463, outcome: 'configuration' })]);
  });

  it('stops the pixel when the token was revoked by a password change', async () => {
    sandbox.revokeToken(TOKEN, 460);
    const [error] = errorsOf(await clientFor().sendEvents(target, events(1)));
    expect(error).toBeInstanceOf(ConfigurationGraphError);
    expect(error).toMatchObject({ code: 190, subcode: 460 });
  });

  it('stops the pixel when Graph does not know the pixel (100/33)', async () => {
    const [error] = errorsOf(await clientFor().sendEvents({ ...target, pixelId: '999' }, events(4)));
    expect(error).toBeInstanceOf(ConfigurationGraphError);
    expect(error).toMatchObject({ code: 100, subcode: 33 });
    expect(error?.merchantMessage).toContain('cannot find this pixel');
    expect(sandbox.requests).toHaveLength(1);
  });

  it('stops the pixel on a wrong app secret, without bisecting', async () => {
    const [error] = errorsOf(await clientFor({ appSecret: 'not-the-secret' }).sendEvents(target, events(4)));
    expect(error).toBeInstanceOf(ConfigurationGraphError);
    expect(error).toMatchObject({ code: 100, subcode: undefined });
    expect(sandbox.requests).toHaveLength(1);
  });

  it.each([
    ['a pixel id that is not digits', { pixelId: 'me' }, 'pixel ID'],
    ['an empty access token', { accessToken: ' ' }, 'access token'],
    ['an access token with a line break', { accessToken: 'EAAtoken\nX-Evil: 1' }, 'paste it again'],
    ['an access token with non-ASCII characters', { accessToken: 'EAAtokén' }, 'paste it again'],
  ])('refuses %s without a request', async (_case, change, message) => {
    const report = await clientFor().sendEvents({ ...target, ...change }, events(2));
    expect(report.requests).toEqual([]);
    const [error] = errorsOf(report);
    expect(error).toBeInstanceOf(ConfigurationGraphError);
    expect(error?.merchantMessage).toContain(message);
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('rejected events and bisection', () => {
  it('isolates the one bad event in ten: nine sent, the bad one rejected with 100/2804016', async () => {
    const batch = events(10);
    batch[6] = unhashed(batch[6] as ServerEvent);
    const report = await clientFor().sendEvents(target, batch);

    const failed = report.results.flatMap((result, index) => (result.ok ? [] : [[index, result.error] as const]));
    expect(failed.map(([index]) => index)).toEqual([6]);
    const error = failed[0]?.[1];
    expect(error).toBeInstanceOf(RejectedEventError);
    expect(error).toMatchObject({ code: 100, subcode: 2804016, userTitle: 'User Parameter Not Hashed', httpStatus: 400 });
    expect(error?.fbtraceId).toEqual(expect.any(String));
    expect(error?.merchantMessage).toContain('not hashed');

    const sentIds = sandbox.received.flatMap((request) => request.events.map((event) => event.event_id));
    expect(sentIds.sort()).toEqual(batch.filter((_, i) => i !== 6).map((event) => event.event_id).sort());
    expect(report.requests.map((request) => [request.eventCount, request.outcome])).toEqual([
      [10, 'rejected'],
      [5, 'sent'],
      [5, 'rejected'],
      [3, 'rejected'],
      [2, 'rejected'],
      [1, 'sent'],
      [1, 'rejected'],
      [1, 'sent'],
      [2, 'sent'],
    ]);
  });

  it('isolates several bad events and keeps sending the chunks after them', async () => {
    const batch = events(1200);
    for (const index of [3, 700, 1100]) batch[index] = unhashed(batch[index] as ServerEvent);
    const report = await clientFor().sendEvents(target, batch);
    const rejected = report.results.flatMap((result, index) => (result.ok ? [] : [index]));
    expect(rejected).toEqual([3, 700, 1100]);
    expect(sandbox.received.reduce((sum, request) => sum + request.events.length, 0)).toBe(1197);
  });

  it('rejects a single invalid event after one request', async () => {
    const tooOld = sampleServerEvent({ event_time: Math.floor(Date.now() / 1000) - 8 * 24 * 3600 });
    const report = await clientFor().sendEvents(target, [tooOld]);
    const [error] = errorsOf(report);
    expect(error).toBeInstanceOf(RejectedEventError);
    expect(error).toMatchObject({ code: 100, subcode: 2804003 });
    expect(error?.merchantMessage).toContain('7 days');
    expect(report.requests).toHaveLength(1);
  });

  it('halves a batch that is too large for the server and rejects an event too large alone', async () => {
    const small = await startGraphSandbox({ maxBodyBytes: 3000 });
    try {
      const huge = sampleServerEvent({ event_id: 'huge', event_source_url: `https://shop.example.com/?q=${'x'.repeat(4000)}` });
      const report = await new GraphClient({ graphUrl: small.url }).sendEvents(target, [...events(4), huge]);
      expect(report.results.map((result: EventResult) => result.ok)).toEqual([true, true, true, true, false]);
      const [, , , , last] = report.results;
      expect(last?.ok === false && last.error).toMatchObject({ httpStatus: 413 });
      expect(last?.ok === false && last.error).toBeInstanceOf(RejectedEventError);
    } finally {
      await small.close();
    }
  });
});

describe('beforeRequest', () => {
  it('is awaited before every request, bisection included, with the request timeout', async () => {
    const batch = events(4);
    batch[1] = unhashed(batch[1] as ServerEvent);
    const requestsSoFar: number[] = [];
    const report = await clientFor({ timeoutMs: 7_000 }).sendEvents(target, batch, {
      beforeRequest: async ({ timeoutMs }) => {
        expect(timeoutMs).toBe(7_000);
        requestsSoFar.push(sandbox.requests.length);
      },
    });
    expect(report.requests).toHaveLength(5);
    expect(requestsSoFar).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops the delivery when it throws: no further request, and sendEvents rejects with its error', async () => {
    const batch = events(4);
    batch[1] = unhashed(batch[1] as ServerEvent);
    const stop = new Error('lease lost');
    let calls = 0;
    const sending = clientFor().sendEvents(target, batch, {
      beforeRequest: async () => {
        calls += 1;
        if (calls === 2) throw stop;
      },
    });
    await expect(sending).rejects.toBe(stop);
    expect(sandbox.requests).toHaveLength(1);
  });
});

describe('logging', () => {
  it('logs one line per request with ids, counts and codes, and never the token or user data', async () => {
    const logger = recordingLogger();
    const batch = [...events(2), sampleServerEvent({ event_name: 'AddToCart', event_id: 'cart:1', custom_data: { content_ids: ['A'] } })];
    batch[1] = { ...(batch[1] as ServerEvent), user_data: { ...batch[1]?.user_data, em: ['jane@example.com'] } };
    await clientFor({ logger }).sendEvents({ ...target, testEventCode: 'TEST1' }, batch);

    expect(logger.lines).toHaveLength(sandbox.requests.length);
    expect(logger.lines[0]).toEqual({
      level: 'warn',
      msg: 'graph request failed: rejected',
      obj: {
        pixelId: PIXEL_ID,
        testEvents: true,
        eventCount: 3,
        eventNames: { Purchase: 2, AddToCart: 1 },
        eventIds: ['order:0', 'order:1', 'cart:1'],
        httpStatus: 400,
        eventsReceived: undefined,
        fbtraceId: expect.any(String),
        code: 100,
        subcode: 2804016,
        latencyMs: expect.any(Number),
        outcome: 'rejected',
        error: 'Graph answered HTTP 400 (code 100/2804016): Invalid parameter',
      },
    });
    expect(logger.lines.at(-1)).toMatchObject({ level: 'info', obj: { outcome: 'sent', eventsReceived: 1 } });

    const logged = JSON.stringify(logger.lines);
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain('jane@example.com');
    expect(logged).not.toContain('user_data');
    for (const hash of Object.values(batch[0]?.user_data ?? {}).flat()) expect(logged).not.toContain(hash);
  });

  it('logs a configuration refusal at error level', async () => {
    const logger = recordingLogger();
    sandbox.failNext(1, { kind: 'tokenExpired' });
    await clientFor({ logger }).sendEvents(target, events(1));
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', obj: expect.objectContaining({ code: 190 }) })]);
  });
});

describe('options', () => {
  it.each([
    [{ apiVersion: '25.0' }, /apiVersion must look like "v25.0"/],
    [{ graphUrl: 'graph.facebook.com' }, /absolute http\(s\) URL/],
    [{ graphUrl: 'ftp://graph.facebook.com' }, /http or https/],
    [{ graphUrl: 'https://graph.facebook.com/?access_token=x' }, /must not carry a query/],
    [{ graphUrl: 'https://user:secret@graph.facebook.com' }, /^(?!.*secret).*credentials/],
    [{ timeoutMs: 0 }, /timeoutMs/],
    [{ timeoutMs: 1.5 }, /timeoutMs/],
    [{ partnerAgent: 'capi relay' }, /partnerAgent/],
    [{ appSecret: '' }, /appSecret is empty/],
  ])('refuses %j in the constructor', (options, message) => {
    expect(() => new GraphClient(options)).toThrow(message);
  });

  it('accepts a base URL with a path and a trailing slash', async () => {
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    await new GraphClient({ graphUrl: 'http://127.0.0.1:9/proxy/graph/', fetch: spy }).sendEvents(target, events(1));
    expect(seen).toEqual([`http://127.0.0.1:9/proxy/graph/v25.0/${PIXEL_ID}/events`]);
  });
});
