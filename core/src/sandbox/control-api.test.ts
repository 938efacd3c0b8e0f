import { PIXEL_ID, TOKEN, postEvents, readAnswer } from './__tests__/post-events';
import { type GraphSandbox, startGraphSandbox } from './graph-sandbox';
import { sampleServerEvent } from './sample-events';

let sandbox: GraphSandbox;
const control = async (method: string, path: string, body?: unknown) =>
  readAnswer(
    await fetch(`${sandbox.url}/_sandbox/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
const sendOne = () => postEvents(sandbox, { data: [sampleServerEvent()] });

beforeAll(async () => {
  sandbox = await startGraphSandbox();
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

it('GET received, requests and totals return what the sandbox holds', async () => {
  await sendOne();
  const received = await control('GET', 'received');
  expect(received.body.received).toEqual([expect.objectContaining({ pixelId: PIXEL_ID, tokenLocation: 'header' })]);
  expect(received.body.received[0].events[0].event_id).toBe('purchase:1001');
  expect((await control('GET', 'requests')).body.requests).toEqual([expect.objectContaining({ status: 200, eventCount: 1 })]);
  expect((await control('GET', 'totals')).body.totals).toEqual({ requests: 1, eventsReceived: 1 });
});

it('POST faults queues a fault, with count defaulting to 1', async () => {
  expect((await control('POST', 'faults', { count: 2, fault: { kind: 'rateLimit', code: 4, regainMinutes: 1 } })).status).toBe(200);
  expect((await control('POST', 'faults', { fault: { kind: 'http503' } })).status).toBe(200);
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await sendOne()).status);
  expect(statuses).toEqual([400, 400, 503, 200]);
});

it.each([
  [{ fault: { kind: 'meteor' } }, 'unknown fault kind'],
  [{ fault: { kind: 'rateLimit', code: 5 } }, 'rateLimit code'],
  [{ fault: { kind: 'rateLimit', regainMinutes: -1 } }, 'regainMinutes'],
  [{ fault: 'http500' }, 'kind'],
  [{ count: 0, fault: { kind: 'http500' } }, 'count'],
])('POST faults refuses %j', async (input, message) => {
  const answer = await control('POST', 'faults', input);
  expect(answer.status).toBe(400);
  expect(answer.body.error.message).toContain(message);
});

it('POST tokens/revoke and tokens/restore switch a token off and on', async () => {
  await control('POST', 'tokens/revoke', { token: TOKEN, subcode: 460 });
  expect((await sendOne()).body.error).toMatchObject({ code: 190, error_subcode: 460 });
  await control('POST', 'tokens/restore', { token: TOKEN });
  expect((await sendOne()).status).toBe(200);
  expect((await control('POST', 'tokens/revoke', { token: TOKEN, subcode: 999 })).status).toBe(400);
});

it('PUT known-pixels restricts pixels; null lifts the restriction', async () => {
  await control('PUT', 'known-pixels', { pixelIds: ['999'] });
  expect((await sendOne()).body.error).toMatchObject({ error_subcode: 33 });
  await control('PUT', 'known-pixels', { pixelIds: null });
  expect((await sendOne()).status).toBe(200);
  expect((await control('PUT', 'known-pixels', { pixelIds: 'all' })).status).toBe(400);
});

it('POST reset clears what was received', async () => {
  await sendOne();
  await control('POST', 'reset');
  expect(sandbox.received).toHaveLength(0);
});

it('answers 404 with the list of routes for an unknown route', async () => {
  const answer = await control('GET', 'nothing');
  expect(answer.status).toBe(404);
  expect(answer.body.error.routes).toContain('POST /_sandbox/reset');
});
