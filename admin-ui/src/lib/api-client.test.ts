import { ApiError, createApiClient } from './api-client';

type Call = { url: string; init: RequestInit };

/** A fetch that answers from a list, recording each request. */
function scriptedFetch(answers: (() => Response)[]) {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function tokens() {
  let n = 0;
  return async () => `token-${++n}`;
}

const header = (call: Call | undefined, name: string) => new Headers(call?.init.headers).get(name);

describe('admin API client', () => {
  it('sends a fresh session token as Bearer on every call', async () => {
    const { calls, fetchImpl } = scriptedFetch([json(200, { pixelId: null }), json(200, { events: [] })]);
    const api = createApiClient({ getToken: tokens(), fetch: fetchImpl });
    await api.getSettings();
    await api.listEvents({ status: 'skipped', before: '2026-01-01T00:00:00.000Z_abc', limit: 20 });
    expect(calls.map((call) => header(call, 'authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(calls[1]?.url).toBe('/api/events?limit=20&status=skipped&before=2026-01-01T00%3A00%3A00.000Z_abc');
  });

  it('retries once with a new token when Shopify\'s retry header comes back with a 401', async () => {
    const retry = { 'x-shopify-retry-invalid-session-request': '1' };
    const { calls, fetchImpl } = scriptedFetch([json(401, { error: 'Invalid or missing session token' }, retry), json(200, { status: 'ok' })]);
    const api = createApiClient({ getToken: tokens(), fetch: fetchImpl });
    await expect(api.health()).resolves.toEqual({ status: 'ok' });
    expect(calls.map((call) => header(call, 'authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('gives up after one retry and says what to do', async () => {
    const retry = { 'x-shopify-retry-invalid-session-request': '1' };
    const { fetchImpl } = scriptedFetch([json(401, {}, retry), json(401, {}, retry)]);
    const error = await createApiClient({ getToken: tokens(), fetch: fetchImpl }).getSettings().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, message: 'Your Shopify session ended. Reload the page to sign in again.' });
  });

  it('carries a refused save\'s field errors', async () => {
    const { calls, fetchImpl } = scriptedFetch([json(400, { error: 'Some settings were not saved.', errors: { pixelId: 'Enter the pixel ID…' } })]);
    const error = (await createApiClient({ getToken: tokens(), fetch: fetchImpl })
      .saveSettings({ pixelId: '12ab' })
      .catch((caught: unknown) => caught)) as ApiError;
    expect(error.fieldErrors).toEqual({ pixelId: 'Enter the pixel ID…' });
    expect(error.message).toBe('Some settings were not saved.');
    expect(calls[0]?.init.method).toBe('PUT');
    expect(calls[0]?.init.body).toBe('{"pixelId":"12ab"}');
    expect(header(calls[0], 'content-type')).toBe('application/json');
  });

  it('keeps Meta\'s message and trace id from a refused test event', async () => {
    const { fetchImpl } = scriptedFetch([json(400, { error: 'The access token has expired.', code: 190, fbtraceId: 'AbC' })]);
    const error = (await createApiClient({ getToken: tokens(), fetch: fetchImpl }).sendTestEvent().catch((caught: unknown) => caught)) as ApiError;
    expect(error).toMatchObject({ status: 400, message: 'The access token has expired.', fbtraceId: 'AbC' });
  });

  it('turns an unreachable server, an unreadable answer and a missing token into messages a merchant can act on', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(createApiClient({ getToken: tokens(), fetch: offline }).getSettings()).rejects.toMatchObject({
      status: 0,
      message: 'The app server could not be reached. Check your connection and try again.',
    });

    const { fetchImpl } = scriptedFetch([() => new Response('<html>Bad gateway</html>', { status: 502 }), () => new Response('not json', { status: 200 })]);
    const api = createApiClient({ getToken: tokens(), fetch: fetchImpl });
    await expect(api.getSettings()).rejects.toMatchObject({ status: 502, message: 'The app server had a problem (HTTP 502). Try again in a minute.' });
    await expect(api.getSettings()).rejects.toMatchObject({ status: 200, message: 'The app server sent an answer the panel cannot read. Reload the page.' });

    const noToken = createApiClient({ getToken: () => Promise.reject(new Error('App Bridge is not loaded')), fetch: fetchImpl });
    await expect(noToken.health()).rejects.toMatchObject({ status: 0, message: expect.stringContaining('session token') });
  });
});
