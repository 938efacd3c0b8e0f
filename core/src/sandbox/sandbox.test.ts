import { createHmac } from 'node:crypto';
import type { ServerEvent } from '../meta/wire';
import { sha256Hex } from '../testing/sha256-hex';
import { PIXEL_ID, TOKEN, postEvents } from './__tests__/post-events';
import { type GraphSandbox, startGraphSandbox } from './graph-sandbox';
import { sampleServerEvent } from './sample-events';

const NOW = new Date('2026-11-20T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const DAY = 24 * 60 * 60;

/** An event given as loose JSON, so tests can send what the ServerEvent type forbids. */
type LooseEvent = Record<string, any>;
const validEvent = (overrides: LooseEvent = {}): LooseEvent => ({ ...sampleServerEvent({}, NOW), ...overrides });
const withUserData = (userData: LooseEvent, overrides: LooseEvent = {}): LooseEvent =>
  validEvent({ user_data: userData, ...overrides });
const withCustomData = (customData: LooseEvent | undefined, overrides: LooseEvent = {}): LooseEvent =>
  validEvent({ custom_data: customData, ...overrides });

let sandbox: GraphSandbox;

beforeAll(async () => {
  sandbox = await startGraphSandbox({ now: () => NOW });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

describe('accepted requests', () => {
  it('answers events_received, an empty messages list and a trace id, and records the request', async () => {
    const event = validEvent({ event_id: 'purchase:42' });
    const answer = await postEvents(sandbox, { data: [event], partner_agent: 'capirelay_core_0_1', test_event_code: 'TEST123' });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ events_received: 1, messages: [], fbtrace_id: expect.stringMatching(/^[\w-]{23}$/) });
    expect(sandbox.received).toEqual([
      {
        pixelId: PIXEL_ID,
        apiVersion: 'v25.0',
        events: [event],
        partnerAgent: 'capirelay_core_0_1',
        testEventCode: 'TEST123',
        tokenLocation: 'header',
        appsecretProof: undefined,
        fbtraceId: answer.body.fbtrace_id,
        receivedAt: NOW,
      },
    ]);
    expect(sandbox.requests).toEqual([
      { method: 'POST', url: `/v25.0/${PIXEL_ID}/events`, pixelId: PIXEL_ID, status: 200, eventCount: 1, fbtraceId: answer.body.fbtrace_id },
    ]);
  });

  it('takes the token from the query string or the body too, as Graph does, and records where it was', async () => {
    await postEvents(sandbox, { data: [validEvent()] }, { token: null, query: `?access_token=${TOKEN}` });
    await postEvents(sandbox, { data: [validEvent()], access_token: TOKEN }, { token: null });
    expect(sandbox.received.map((request) => request.tokenLocation)).toEqual(['query', 'body']);
  });

  it('accepts up to 1,000 events in one request', async () => {
    const data = Array.from({ length: 1000 }, (_, i) => validEvent({ event_id: `e${i}` }));
    expect((await postEvents(sandbox, { data })).body.events_received).toBe(1000);
  });
});

describe('access token', () => {
  it('refuses a request without a token with code 104', async () => {
    const answer = await postEvents(sandbox, { data: [validEvent()] }, { token: null });
    expect(answer.body.error).toMatchObject({ code: 104, type: 'OAuthException' });
    expect(sandbox.received).toHaveLength(0);
  });

  it('refuses a token that cannot be a token with 190', async () => {
    const answer = await postEvents(sandbox, { data: [validEvent()] }, { token: 'short' });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatchObject({ code: 190 });
    expect(answer.body.error.error_subcode).toBeUndefined();
  });

  it('refuses a revoked token with 190 and its subcode until it is restored', async () => {
    sandbox.revokeToken(TOKEN);
    expect((await postEvents(sandbox, { data: [validEvent()] })).body.error).toMatchObject({ code: 190, error_subcode: 463 });
    sandbox.revokeToken(TOKEN, 460);
    expect((await postEvents(sandbox, { data: [validEvent()] })).body.error).toMatchObject({ code: 190, error_subcode: 460 });
    sandbox.restoreToken(TOKEN);
    expect((await postEvents(sandbox, { data: [validEvent()] })).status).toBe(200);
  });
});

describe('refused events', () => {
  it('refuses a request holding a refused event with code 100 naming it, accepts the others, and forgets the rule on reset', async () => {
    sandbox.refuseEvents(['bad-1']);
    const refused = await postEvents(sandbox, { data: [validEvent({ event_id: 'good-1' }), validEvent({ event_id: 'bad-1' })] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 100, error_subcode: 2804019, is_transient: false });
    expect(refused.body.error.error_user_msg).toContain('data[1]');
    expect(sandbox.requests.at(-1)).toMatchObject({ status: 400, refusedEvent: 1 });
    expect((await postEvents(sandbox, { data: [validEvent({ event_id: 'good-1' })] })).status).toBe(200);
    sandbox.reset();
    expect((await postEvents(sandbox, { data: [validEvent({ event_id: 'bad-1' })] })).status).toBe(200);
  });
});

describe('pixels', () => {
  it('answers 100/33 for a pixel it does not know, once known pixels are set', async () => {
    sandbox.setKnownPixels(['555']);
    const unknown = await postEvents(sandbox, { data: [validEvent()] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    expect((await postEvents(sandbox, { data: [validEvent()] }, { pixelId: '555' })).status).toBe(200);
  });

  it('treats a pixel id that is not a number as unknown', async () => {
    const answer = await postEvents(sandbox, { data: [validEvent()] }, { pixelId: 'me' });
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('forgets known pixels set at run time on reset, back to the start-up option', async () => {
    const strict = await startGraphSandbox({ knownPixels: ['555'], now: () => NOW });
    try {
      strict.setKnownPixels(undefined);
      expect((await postEvents(strict, { data: [validEvent()] })).status).toBe(200);
      strict.reset();
      expect((await postEvents(strict, { data: [validEvent()] })).body.error).toMatchObject({ error_subcode: 33 });
    } finally {
      await strict.close();
    }
  });
});

describe('appsecret_proof, when the sandbox has an app secret', () => {
  let strict: GraphSandbox;
  beforeAll(async () => {
    strict = await startGraphSandbox({ appSecret: 'app-secret', now: () => NOW });
  });
  afterAll(() => strict.close());

  it.each([
    ['missing', ''],
    ['wrong', '?appsecret_proof=00'],
  ])('refuses a %s proof with a request-level 100', async (_case, query) => {
    const answer = await postEvents(strict, { data: [validEvent()] }, { query });
    expect(answer.body.error).toMatchObject({ code: 100, type: 'GraphMethodException' });
    expect(answer.body.error.error_subcode).toBeUndefined();
  });

  it('accepts HMAC-SHA256 of the token keyed by the secret, and records it', async () => {
    const proof = createHmac('sha256', 'app-secret').update(TOKEN).digest('hex');
    expect((await postEvents(strict, { data: [validEvent()] }, { query: `?appsecret_proof=${proof}` })).status).toBe(200);
    expect(strict.received[0]?.appsecretProof).toBe(proof);
  });
});

describe('request body', () => {
  it.each([
    ['no data', {}],
    ['data that is not a list', { data: validEvent() }],
    ['an empty list', { data: [] }],
    ['more than 1,000 events', { data: Array.from({ length: 1001 }, () => validEvent()) }],
    ['an empty partner_agent', { data: [validEvent()], partner_agent: '' }],
  ])('refuses %s with a request-level 100', async (_case, body) => {
    const answer = await postEvents(sandbox, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 100, type: 'OAuthException' });
    expect(answer.body.error.error_subcode).toBeUndefined();
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await postEvents(sandbox, `data=${JSON.stringify([validEvent()])}`, { contentType: 'application/x-www-form-urlencoded' });
    expect(answer.body.error).toMatchObject({ code: 100 });
  });

  it('answers 413 to a body over the size cap', async () => {
    const small = await startGraphSandbox({ maxBodyBytes: 2000, now: () => NOW });
    try {
      const answer = await postEvents(small, { data: Array.from({ length: 3 }, () => validEvent()) });
      expect(answer.status).toBe(413);
      expect(answer.body.error).toMatchObject({ code: 100 });
    } finally {
      await small.close();
    }
  });

  it('answers an unknown path like Graph, with code 2500', async () => {
    const answer = await postEvents(sandbox, { data: [validEvent()] }, { path: `/v25.0/${PIXEL_ID}/event` });
    expect(answer.body.error).toMatchObject({ code: 2500 });
  });
});

describe('event rules', () => {
  const rejects: [string, LooseEvent, number, string][] = [
    ['event_name missing', validEvent({ event_name: undefined }), 2804001, 'event_name'],
    ['event_time missing', validEvent({ event_time: undefined }), 2804001, 'event_time'],
    ['event_time as an ISO string', validEvent({ event_time: NOW.toISOString() }), 2804019, 'Unix seconds'],
    ['event_time with a fraction', validEvent({ event_time: NOW_SECONDS + 0.5 }), 2804019, 'Unix seconds'],
    ['event_time in milliseconds', validEvent({ event_time: NOW.getTime() }), 2804019, 'milliseconds'],
    ['event_time 6 minutes ahead', validEvent({ event_time: NOW_SECONDS + 6 * 60 }), 2804019, 'future'],
    ['event_time 7 days and 1 second ago', validEvent({ event_time: NOW_SECONDS - 7 * DAY - 1 }), 2804003, '7 days'],
    [
      'a physical_store event_time 63 days ago',
      validEvent({ action_source: 'physical_store', event_time: NOW_SECONDS - 63 * DAY }),
      2804003,
      '62 days',
    ],
    ['action_source missing', validEvent({ action_source: undefined }), 2804001, 'action_source'],
    ['action_source outside the enum', validEvent({ action_source: 'web' }), 2804019, 'action_source'],
    ['a website event without event_source_url', validEvent({ event_source_url: undefined }), 2804001, 'event_source_url'],
    ['an event_source_url that is not absolute', validEvent({ event_source_url: 'shop.example.com/x' }), 2804019, 'event_source_url'],
    [
      'a website event without client_user_agent',
      withUserData({ em: [sha256Hex('a@b.co')], client_ip_address: '203.0.113.9' }),
      2804001,
      'client_user_agent',
    ],
    ['a numeric event_id', validEvent({ event_id: 42 }), 2804019, 'event_id'],
    ['a null value', validEvent({ opt_out: null }), 2804019, 'data[0].opt_out'],
    ['an empty string', withUserData({ em: [sha256Hex('a@b.co')], client_user_agent: '' }), 2804019, 'client_user_agent'],
    ['[null]', withUserData({ em: [null], client_user_agent: 'UA' }), 2804019, 'user_data.em[0]'],
    ['an empty hash list', withUserData({ em: [], ph: [sha256Hex('16505551212')], client_user_agent: 'UA' }), 2804019, 'user_data.em'],
  ];

  it.each(rejects)('refuses %s', async (_case, event, subcode, detail) => {
    const answer = await postEvents(sandbox, { data: [event] });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      message: 'Invalid parameter',
      type: 'OAuthException',
      code: 100,
      error_subcode: subcode,
      is_transient: false,
      error_user_title: expect.any(String),
      error_user_msg: expect.stringContaining(detail),
      fbtrace_id: expect.stringMatching(/^[\w-]{23}$/),
    });
    expect(sandbox.received).toHaveLength(0);
  });

  const accepts: [string, LooseEvent][] = [
    ['event_time 6 days 23 hours ago', validEvent({ event_time: NOW_SECONDS - 7 * DAY + 3600 })],
    ['event_time 4 minutes ahead', validEvent({ event_time: NOW_SECONDS + 4 * 60 })],
    ['a physical_store event 30 days ago', validEvent({ action_source: 'physical_store', event_time: NOW_SECONDS - 30 * DAY })],
    ['a non-website event without url or user agent', withUserData({ em: [sha256Hex('a@b.co')] }, { action_source: 'system_generated', event_source_url: undefined })],
    ['data_processing_options: [] (LDU off)', validEvent({ data_processing_options: [] })],
  ];

  it.each(accepts)('accepts %s', async (_case, event) => {
    expect((await postEvents(sandbox, { data: [event] })).status).toBe(200);
  });

  it('refuses the whole request when one event of several is invalid, naming it', async () => {
    const data = [validEvent({ event_id: 'a' }), validEvent({ event_id: 'b', action_source: 'web' }), validEvent({ event_id: 'c' })];
    const answer = await postEvents(sandbox, { data });
    expect(answer.body.error.error_user_msg).toContain('data[1].action_source');
    expect(sandbox.received).toHaveLength(0);
  });
});

describe('user_data rules', () => {
  const ua = 'Mozilla/5.0';
  const hashed = (...keys: string[]): LooseEvent => Object.fromEntries(keys.map((key) => [key, [sha256Hex(key)]]));

  it.each([
    ['an unhashed email', { em: ['jane@example.com'], client_user_agent: ua }, 'user_data.em[0]'],
    ['uppercase hex', { em: [sha256Hex('x').toUpperCase()], client_user_agent: ua }, 'user_data.em[0]'],
    ['a 32-hex MD5', { em: ['0cc175b9c0f1b6a831c399e269772661'], client_user_agent: ua }, 'user_data.em[0]'],
    ['an unhashed single value', { ph: '16505551212', client_user_agent: ua }, 'user_data.ph'],
    ['an unhashed country', { em: [sha256Hex('x')], country: ['us'], client_user_agent: ua }, 'user_data.country[0]'],
  ])('refuses %s with 2804016', async (_case, userData, detail) => {
    const answer = await postEvents(sandbox, { data: [withUserData(userData)] });
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 2804016, error_user_msg: expect.stringContaining(detail) });
  });

  it.each([
    ['empty user_data', {}],
    ['city, country, state, zip, gender and user agent', { ...hashed('ct', 'country', 'st', 'zp', 'ge'), client_user_agent: ua }],
    ['a subset of those', { ...hashed('zp'), client_user_agent: ua }],
    ['birth date and user agent', { ...hashed('db'), client_user_agent: ua }],
    ['first name and gender', hashed('fn', 'ge')],
    ['last name and gender', hashed('ln', 'ge')],
  ])('refuses %s with 2804050', async (_case, userData) => {
    const answer = await postEvents(sandbox, { data: [withUserData(userData, { action_source: 'other', event_source_url: undefined })] });
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 2804050 });
  });

  it('refuses a missing user_data with 2804050', async () => {
    const answer = await postEvents(sandbox, { data: [validEvent({ user_data: undefined })] });
    expect(answer.body.error).toMatchObject({ error_subcode: 2804050 });
  });

  it.each([
    ['a single hashed email', hashed('em')],
    ['first name, last name and gender', hashed('fn', 'ln', 'ge')],
    ['IP address alone', { client_ip_address: '203.0.113.9' }],
    ['a hash as a plain string', { em: sha256Hex('x') }],
    ['a hash with a Parameter Builder appendix', { em: [`${sha256Hex('x')}.AbCdEfGh`] }],
    ['an unhashed external_id (hashing it is only recommended)', { external_id: ['7001'] }],
    ['an IP address with an appendix', { client_ip_address: '203.0.113.9.AbCd' }],
    ['an fbc with an appendix', { fbc: 'fb.1.1554763741205.AbCdEf123.AbCd', client_ip_address: '::1' }],
  ])('accepts %s', async (_case, userData) => {
    const answer = await postEvents(sandbox, { data: [withUserData(userData, { action_source: 'other', event_source_url: undefined })] });
    expect(answer.status).toBe(200);
  });

  it.each([
    ['a hashed IP address', { client_ip_address: sha256Hex('203.0.113.9') }, 'client_ip_address'],
    ['an fbp with its time in seconds', { fbp: 'fb.1.1596403881.1116446470' }, 'fbp'],
    ['a bare fbclid as fbc', { fbc: 'IwAR2xyz' }, 'fbc'],
    ['a user agent that is not a string', { client_user_agent: ['UA'] }, 'client_user_agent'],
  ])('refuses %s with 2804019', async (_case, plain, detail) => {
    const answer = await postEvents(sandbox, { data: [withUserData({ ...hashed('em'), ...plain }, { action_source: 'other', event_source_url: undefined })] });
    expect(answer.body.error).toMatchObject({ error_subcode: 2804019, error_user_msg: expect.stringContaining(detail) });
  });
});

describe('custom_data rules', () => {
  const purchase = sampleServerEvent({}, NOW).custom_data as LooseEvent;

  it.each([
    ['a Purchase without custom_data', withCustomData(undefined), 2804001, 'custom_data'],
    ['a Purchase without currency', withCustomData({ ...purchase, currency: undefined }), 2804001, 'currency'],
    ['a Purchase without value', withCustomData({ ...purchase, value: undefined }), 2804001, 'value'],
    ['a lowercase currency', withCustomData({ ...purchase, currency: 'usd' }), 2804019, 'currency'],
    ['a currency that is not a code', withCustomData({ ...purchase, currency: 'US$' }), 2804019, 'currency'],
    ['a value given as a string', withCustomData({ ...purchase, value: '59.90' }), 2804019, 'value'],
    ['contents that are not a list', withCustomData({ ...purchase, contents: { id: 'A', quantity: 1 } }), 2804019, 'contents'],
    ['a content with an empty id', withCustomData({ ...purchase, contents: [{ id: '', quantity: 1 }] }), 2804019, 'contents[0].id'],
    ['a content without id', withCustomData({ ...purchase, contents: [{ quantity: 1 }] }), 2804001, 'contents[0].id'],
    ['a fractional quantity', withCustomData({ ...purchase, contents: [{ id: 'A', quantity: 1.5 }] }), 2804019, 'quantity'],
    ['a missing quantity', withCustomData({ ...purchase, contents: [{ id: 'A' }] }), 2804019, 'quantity'],
    ['a string item_price', withCustomData({ ...purchase, contents: [{ id: 'A', quantity: 1, item_price: '9.99' }] }), 2804019, 'item_price'],
    ['content_type outside product|product_group', withCustomData({ ...purchase, content_type: 'sku' }), 2804019, 'content_type'],
    ['content_ids that are not strings', withCustomData({ ...purchase, content_ids: [1, 2] }), 2804019, 'content_ids'],
  ])('refuses %s', async (_case, event, subcode, detail) => {
    const answer = await postEvents(sandbox, { data: [event] });
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: subcode, error_user_msg: expect.stringContaining(detail) });
  });

  it.each<[string, LooseEvent]>([
    ['a Purchase worth 0', withCustomData({ ...purchase, value: 0 })],
    ['content_type product_group', withCustomData({ ...purchase, content_type: 'product_group' })],
    ['an AddToCart without value or currency', withCustomData({ content_ids: ['A'] }, { event_name: 'AddToCart' })],
    ['a PageView without custom_data', withCustomData(undefined, { event_name: 'PageView' })],
  ])('accepts %s', async (_case, event) => {
    expect((await postEvents(sandbox, { data: [event] })).status).toBe(200);
  });
});

it('accepts what sampleServerEvent builds, typed as a ServerEvent', async () => {
  const event: ServerEvent = sampleServerEvent({ event_name: 'InitiateCheckout', event_id: 'checkout:9' }, NOW);
  expect((await postEvents(sandbox, { data: [event] })).status).toBe(200);
});
