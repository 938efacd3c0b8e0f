import { postEvents } from './__tests__/post-events';
import { type GraphSandbox, startGraphSandbox } from './graph-sandbox';
import { sampleServerEvent } from './sample-events';

let sandbox: GraphSandbox;
const body = (count = 1) => ({ data: Array.from({ length: count }, (_, i) => sampleServerEvent({ event_id: `e${i}` })) });

beforeAll(async () => {
  sandbox = await startGraphSandbox();
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

it('applies a fault to exactly the next `count` requests, then answers normally', async () => {
  sandbox.failNext(2, { kind: 'http500' });
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await postEvents(sandbox, body())).status);
  expect(statuses).toEqual([500, 500, 200]);
  expect(sandbox.requests.map((request) => request.fault)).toEqual(['http500', 'http500', undefined]);
  expect(sandbox.received).toHaveLength(1);
});

it('applies a fault to every request for a stretch of time, after the queued ones, then answers normally', async () => {
  let now = new Date();
  const clocked = await startGraphSandbox({ now: () => now });
  try {
    clocked.failNext(1, { kind: 'http500' });
    clocked.failFor(120_000, { kind: 'http503' });
    const statuses = [(await postEvents(clocked, body())).status, (await postEvents(clocked, body())).status];
    now = new Date(now.getTime() + 119_000);
    statuses.push((await postEvents(clocked, body())).status);
    now = new Date(now.getTime() + 1_000);
    statuses.push((await postEvents(clocked, body())).status);
    expect(statuses).toEqual([500, 503, 503, 200]);
    expect(clocked.requests.map((request) => request.fault)).toEqual(['http500', 'http503', 'http503', undefined]);
  } finally {
    await clocked.close();
  }
});

it('forgets an outage on reset', async () => {
  sandbox.failFor(60_000, { kind: 'http503' });
  sandbox.reset();
  expect((await postEvents(sandbox, body())).status).toBe(200);
});

it('queues faults in order', async () => {
  sandbox.failNext(1, { kind: 'http503' });
  sandbox.failNext(1, { kind: 'tokenExpired' });
  expect((await postEvents(sandbox, body())).status).toBe(503);
  expect((await postEvents(sandbox, body())).status).toBe(401);
  expect((await postEvents(sandbox, body())).status).toBe(200);
});

it('http500 answers a transient Graph error, code 1', async () => {
  sandbox.failNext(1, { kind: 'http500' });
  const answer = await postEvents(sandbox, body());
  expect(answer.body.error).toMatchObject({ code: 1, is_transient: true });
});

it('http503 answers a non-JSON page, like a proxy in front of Graph', async () => {
  sandbox.failNext(1, { kind: 'http503' });
  const answer = await postEvents(sandbox, body());
  expect(answer).toMatchObject({ status: 503, body: 'Service Unavailable' });
});

it('tokenExpired answers 190/463', async () => {
  sandbox.failNext(1, { kind: 'tokenExpired' });
  expect((await postEvents(sandbox, body())).body.error).toMatchObject({ code: 190, error_subcode: 463 });
});

it('eventsReceivedMismatch acknowledges one event fewer than sent, and records nothing', async () => {
  sandbox.failNext(1, { kind: 'eventsReceivedMismatch' });
  const answer = await postEvents(sandbox, body(3));
  expect(answer.status).toBe(200);
  expect(answer.body.events_received).toBe(2);
  expect(sandbox.received).toHaveLength(0);
});

describe('rateLimit', () => {
  it('defaults to code 17/2446079 with no usage header when no wait is given', async () => {
    sandbox.failNext(1, { kind: 'rateLimit' });
    const answer = await postEvents(sandbox, body());
    expect(answer.body.error).toMatchObject({ code: 17, error_subcode: 2446079 });
    expect(answer.headers.get('x-business-use-case-usage')).toBeNull();
  });

  it('announces the wait in X-Business-Use-Case-Usage for business use case limits', async () => {
    sandbox.failNext(1, { kind: 'rateLimit', code: 80004, regainMinutes: 7 });
    const answer = await postEvents(sandbox, body());
    expect(answer.body.error).toMatchObject({ code: 80004 });
    const usage = JSON.parse(answer.headers.get('x-business-use-case-usage') ?? 'null');
    expect(Object.values(usage)).toEqual([[expect.objectContaining({ estimated_time_to_regain_access: 7 })]]);
  });

  it('announces the wait in X-App-Usage for the app limit, code 4', async () => {
    sandbox.failNext(1, { kind: 'rateLimit', code: 4, regainMinutes: 3 });
    const answer = await postEvents(sandbox, body());
    expect(answer.body.error).toMatchObject({ code: 4 });
    expect(JSON.parse(answer.headers.get('x-app-usage') ?? 'null')).toMatchObject({ estimated_time_to_regain_access: 3 });
  });
});

describe('timeout', () => {
  it('never answers: the client gives up, and the request is logged without a status', async () => {
    sandbox.failNext(1, { kind: 'timeout' });
    await expect(postEvents(sandbox, body(), { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(sandbox.requests).toEqual([expect.objectContaining({ fault: 'timeout', status: undefined })]);
    expect((await postEvents(sandbox, body())).status).toBe(200);
  });

  it('lets close() finish while a request is held open', async () => {
    const other = await startGraphSandbox();
    other.failNext(1, { kind: 'timeout' });
    const pending = postEvents(other, body());
    await waitFor(() => other.requests.length === 1);
    await other.close();
    await expect(pending).rejects.toThrow();
  });
});

it('refuses a fault count that is not a positive whole number', () => {
  expect(() => sandbox.failNext(0, { kind: 'http500' })).toThrow(/positive whole number/);
});

it('reset forgets requests, queued faults and revoked tokens', async () => {
  sandbox.failNext(5, { kind: 'http500' });
  sandbox.revokeToken('EAAsandboxtesttoken0001');
  await postEvents(sandbox, body());
  sandbox.reset();
  expect(sandbox.requests).toHaveLength(0);
  expect((await postEvents(sandbox, body())).status).toBe(200);
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('history', () => {
  it('keeps only the latest historyLimit requests, while totals count them all', async () => {
    const short = await startGraphSandbox({ historyLimit: 2 });
    try {
      for (let i = 1; i <= 3; i++) await postEvents(short, body(i));
      expect(short.received.map((request) => request.events.length)).toEqual([2, 3]);
      expect(short.requests.map((request) => request.eventCount)).toEqual([2, 3]);
      expect(short.totals).toEqual({ requests: 3, eventsReceived: 6 });
      short.reset();
      expect(short.totals).toEqual({ requests: 0, eventsReceived: 0 });
    } finally {
      await short.close();
    }
  });

  it('keeps nothing with historyLimit 0, and counts refused requests but not their events', async () => {
    const none = await startGraphSandbox({ historyLimit: 0 });
    try {
      await postEvents(none, body(4));
      await postEvents(none, body(2), { token: null });
      expect([none.received.length, none.requests.length]).toEqual([0, 0]);
      expect(none.totals).toEqual({ requests: 2, eventsReceived: 4 });
    } finally {
      await none.close();
    }
  });

  it('refuses a historyLimit that is not a whole number', async () => {
    await expect(startGraphSandbox({ historyLimit: -1 })).rejects.toThrow(/historyLimit/);
  });
});
