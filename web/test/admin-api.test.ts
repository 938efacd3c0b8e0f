/**
 * The admin API behind the embedded app, on SQLite and PostgreSQL: session-token authentication,
 * settings, the event log, the test event (through the Graph sandbox) and health. Each shop sees
 * and changes only its own data, whatever the request says.
 */
import { DEFAULT_SETTINGS_VIEW } from '@capi-relay/core/testing';

import { forEachDatabase } from '../../prisma/test/databases';
import { mintSessionToken } from './support/shopify-signing';
import { fakeTokenEndpoint } from './support/shopify-token-endpoint';
import { API_KEY, API_SECRET, freshFixture, META_TOKEN, PIXEL_ID, SHOP_A, SHOP_B } from './support/test-app';
import { useTestApp } from './support/use-test-app';

forEachDatabase((t) => {
  const harness = useTestApp(t);

  describe('authentication', () => {
    it.each([
      ['no token', {}],
      ['another app\'s token', { authorization: `Bearer ${mintSessionToken({ shop: SHOP_A, apiKey: API_KEY, secret: 'other-secret' })}` }],
      ['an expired token', { authorization: `Bearer ${mintSessionToken({ shop: SHOP_A, apiKey: API_KEY, secret: API_SECRET, now: 1_700_000_000 })}` }],
    ])('answers 401 with the App Bridge retry header to %s', async (_name, headers) => {
      const response = await harness().request('GET', '/api/settings', { headers });
      expect(response.statusCode).toBe(401);
      expect(response.headers.get('x-shopify-retry-invalid-session-request')).toBe('1');
      await expect(harness().runtime.db.stores.findStore('shopify', SHOP_A)).resolves.toBeNull();
    });

    it('keeps tokens out of the log, in headers and in query strings alike', async () => {
      const token = mintSessionToken({ shop: SHOP_A, apiKey: API_KEY, secret: API_SECRET });
      await harness().request('GET', `/api/settings?id_token=${token}&shop=${SHOP_A}`, { headers: { authorization: `Bearer ${token}` } });
      const requestLines = harness().logs.filter((line) => line.req !== undefined);
      expect(requestLines.at(-1)?.req).toEqual({ method: 'GET', path: '/api/settings', remoteAddress: '127.0.0.1' });
      expect(JSON.stringify(harness().logs)).not.toContain(token);
    });

    it('creates the store on the first verified token and connects the Admin API by token exchange', async () => {
      const response = await harness().admin(SHOP_A, 'GET', '/api/settings');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(DEFAULT_SETTINGS_VIEW);
      await expect(harness().runtime.db.stores.findStore('shopify', SHOP_A)).resolves.toMatchObject({ domain: SHOP_A, uninstalledAt: null });

      const health = await harness().admin(SHOP_A, 'GET', '/api/health');
      expect(health.json()).toMatchObject({ adminApi: { status: 'ready', scope: 'read_orders' } });
      const exchange = harness().tokenEndpoint.requests.find((request) => request.body.grant_type === 'urn:ietf:params:oauth:grant-type:token-exchange');
      expect(exchange?.url).toBe(`https://${SHOP_A}/admin/oauth/access_token`);
      await expect(harness().runtime.services.sessions.loadSession(`offline_${SHOP_A}`)).resolves.toMatchObject({ shop: SHOP_A, accessToken: 'shpat_exchanged' });
    });
  });

  describe('settings', () => {
    it('saves any subset, returns the token only as set + last four, and never logs it', async () => {
      const saved = await harness().admin(SHOP_A, 'PUT', '/api/settings', { pixelId: PIXEL_ID, accessToken: META_TOKEN, testEventCode: 'TEST123' });
      expect(saved.statusCode).toBe(200);
      const expected = { ...DEFAULT_SETTINGS_VIEW, pixelId: PIXEL_ID, accessTokenSet: true, accessTokenLast4: META_TOKEN.slice(-4), testEventCode: 'TEST123' };
      expect(saved.json()).toEqual(expected);

      const toggled = await harness().admin(SHOP_A, 'PUT', '/api/settings', { events: { AddToCart: false, ViewContent: false }, purchaseTrigger: 'order_paid', limitedDataUse: 'geolocate' });
      expect(toggled.json()).toEqual({
        ...expected,
        events: { Purchase: true, InitiateCheckout: true, AddToCart: false, ViewContent: false, AddPaymentInfo: true },
        purchaseTrigger: 'order_paid',
        limitedDataUse: 'geolocate',
      });
      expect((await harness().admin(SHOP_A, 'GET', '/api/settings')).json()).toEqual(toggled.json());

      expect(saved.body + toggled.body).not.toContain(META_TOKEN);
      expect(JSON.stringify(harness().logs)).not.toContain(META_TOKEN);
    });

    it('refuses invalid fields one by one with 400 and saves nothing', async () => {
      const response = await harness().admin(SHOP_A, 'PUT', '/api/settings', { pixelId: 'abc', purchaseTrigger: 'sometimes', colour: 'blue' });
      expect(response.statusCode).toBe(400);
      const { errors } = response.json() as { errors: Record<string, string> };
      expect(Object.keys(errors).sort()).toEqual(['colour', 'pixelId', 'purchaseTrigger']);
      expect((await harness().admin(SHOP_A, 'GET', '/api/settings')).json()).toEqual(DEFAULT_SETTINGS_VIEW);
    });

    it('answers 400 to a body that is not JSON', async () => {
      const response = await harness().admin(SHOP_A, 'PUT', '/api/settings', undefined);
      const malformed = await harness().request('PUT', '/api/settings', {
        headers: { authorization: `Bearer ${mintSessionToken({ shop: SHOP_A, apiKey: API_KEY, secret: API_SECRET })}`, 'content-type': 'application/json' },
        payload: '{"pixelId": ',
      });
      expect([response.statusCode, malformed.statusCode]).toEqual([400, 400]);
    });
  });

  describe('shop isolation', () => {
    it('keeps shop A\'s settings and events out of shop B\'s reach', async () => {
      await harness().configurePixel(SHOP_A);
      await harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json'), { shop: SHOP_A });

      // B's token, even when the request names A, reads and writes B only.
      expect((await harness().admin(SHOP_B, 'GET', `/api/settings?shop=${SHOP_A}`)).json()).toEqual(DEFAULT_SETTINGS_VIEW);
      expect((await harness().admin(SHOP_B, 'GET', `/api/events?shop=${SHOP_A}`)).json()).toEqual({ events: [] });
      await harness().admin(SHOP_B, 'PUT', '/api/settings', { pixelId: '999999999999999', shop: SHOP_A });
      await harness().admin(SHOP_B, 'PUT', '/api/settings', { pixelId: '999999999999999' });

      const settingsA = (await harness().admin(SHOP_A, 'GET', '/api/settings')).json() as { pixelId: string };
      expect(settingsA.pixelId).toBe(PIXEL_ID);
      expect(((await harness().admin(SHOP_A, 'GET', '/api/events')).json() as { events: unknown[] }).events).toHaveLength(1);
      expect(((await harness().admin(SHOP_B, 'GET', '/api/settings')).json() as { pixelId: string }).pixelId).toBe('999999999999999');
    });
  });

  describe('event log', () => {
    it('says which customer data was left out of an event and why, never the value', async () => {
      await harness().configurePixel(SHOP_A);
      const order = freshFixture('orders-paid.capi-variant.json').split('jane.doe@example.com').join('jane.doe at example');
      await harness().deliver('orders/create', order);
      const response = await harness().admin(SHOP_A, 'GET', '/api/events');
      const [purchase] = (response.json() as { events: { userDataKeys: string[]; droppedUserData: { field: string; reason: string }[] }[] }).events;
      expect(purchase!.userDataKeys).not.toContain('em');
      expect(purchase!.droppedUserData).toEqual([{ field: 'em', reason: expect.stringContaining('not an email address') }]);
      expect(response.body).not.toContain('jane.doe');
    });

    it('lists events newest first with their state and user_data key names, never values', async () => {
      await harness().configurePixel(SHOP_A);
      await harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json'));
      await harness().deliver('checkouts/create', freshFixture('checkouts-create.capi-variant.json'));

      const response = await harness().admin(SHOP_A, 'GET', '/api/events?limit=10');
      const { events } = response.json() as { events: Record<string, unknown>[] };
      expect(events.map((row) => [row.eventName, row.status, row.reason])).toEqual([
        ['InitiateCheckout', 'skipped', 'needs_browser_context'],
        ['Purchase', 'queued', null],
      ]);
      expect(events[1]).toMatchObject({ eventId: 'purchase:820982911946154508', sourceId: '820982911946154508', attempts: 0, fbtraceId: null });
      expect(response.body).not.toContain('jane.doe');
      expect(response.body).not.toMatch(/[a-f0-9]{64}/);

      const queued = (await harness().admin(SHOP_A, 'GET', '/api/events?status=queued')).json() as { events: { eventName: string }[] };
      expect(queued.events.map((row) => row.eventName)).toEqual(['Purchase']);
      const page = (await harness().admin(SHOP_A, 'GET', `/api/events?limit=1&before=${encodeURIComponent(String(events[0]?.cursor))}`)).json() as { events: { eventName: string }[] };
      expect(page.events.map((row) => row.eventName)).toEqual(['Purchase']);
    });

    it('refuses a bad query with a message per parameter', async () => {
      const response = await harness().admin(SHOP_A, 'GET', '/api/events?limit=0&status=lost&before=yesterday');
      expect(response.statusCode).toBe(400);
      expect((response.json() as { errors: Record<string, string> }).errors).toEqual({
        limit: 'limit must be a whole number from 1 to 500.',
        status: 'status must be one of queued, sending, sent, failed, skipped, expired.',
        before: 'before must be the cursor of an event from the previous page.',
      });
    });
  });

  describe('test event', () => {
    it('needs a test event code before it sends anything', async () => {
      await harness().configurePixel(SHOP_A);
      const response = await harness().admin(SHOP_A, 'POST', '/api/test-event');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: 'Enter the test event code from Events Manager (Test events tab) in settings first.' });
      expect(harness().sandbox.requests).toHaveLength(0);
    });

    it('sends a PageView with the test event code and returns what Meta answered', async () => {
      await harness().configurePixel(SHOP_A, { testEventCode: 'TEST4242' });
      const response = await harness().admin(SHOP_A, 'POST', '/api/test-event');

      expect(response.statusCode).toBe(200);
      const [received] = harness().sandbox.received;
      expect(response.json()).toEqual({ eventsReceived: 1, fbtraceId: received?.fbtraceId, eventId: expect.stringMatching(/^test:/) });
      expect(received).toMatchObject({ pixelId: PIXEL_ID, testEventCode: 'TEST4242', tokenLocation: 'header', partnerAgent: 'capirelay_shopify_0_1' });
      expect(received?.events).toEqual([
        expect.objectContaining({
          event_name: 'PageView',
          action_source: 'website',
          event_source_url: `https://${SHOP_A}/`,
          user_data: { external_id: [expect.stringMatching(/^[a-f0-9]{64}$/)], client_user_agent: 'Mozilla/5.0 (test admin)' },
        }),
      ]);
    });

    it('reports Meta\'s refusal of the token in merchant words', async () => {
      await harness().configurePixel(SHOP_A, { testEventCode: 'TEST4242' });
      harness().sandbox.revokeToken(META_TOKEN, 463);
      const response = await harness().admin(SHOP_A, 'POST', '/api/test-event');
      expect(response.statusCode).toBe(400);
      const body = response.json() as { error: string; code: number };
      expect(body.code).toBe(190);
      expect(body.error).toMatch(/token/i);
      expect(body.error).not.toContain(META_TOKEN);
    });
  });

  describe('health', () => {
    it('answers anonymously with the server state only', async () => {
      const response = await harness().request('GET', '/api/health');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
    });

    it('shows the pixel as not configured, then sending, then stopped by a token error', async () => {
      const before = (await harness().admin(SHOP_A, 'GET', '/api/health')).json() as { pixel: unknown; events: unknown };
      expect(before.pixel).toEqual({
        configured: false,
        enabled: true,
        sending: false,
        stopped: null,
        message: 'Enter the pixel ID and the Conversions API access token in settings to start sending.',
      });

      await harness().configurePixel(SHOP_A);
      await harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json'));
      const sending = (await harness().admin(SHOP_A, 'GET', '/api/health')).json() as { pixel: { sending: boolean }; events: Record<string, number> };
      expect(sending.pixel.sending).toBe(true);
      expect(sending.events.queued).toBe(1);

      harness().sandbox.revokeToken(META_TOKEN, 460);
      await harness().worker.runOnce();
      const stopped = (await harness().admin(SHOP_A, 'GET', '/api/health')).json() as { pixel: { sending: boolean; stopped: { reason: string; cause: string } | null; message: string } };
      expect(stopped.pixel.sending).toBe(false);
      expect(stopped.pixel.stopped?.reason).toMatch(/token/i);
      expect(stopped.pixel.stopped).toMatchObject({ cause: 'meta_refused' });
      expect(stopped.pixel.message).toContain('Sending stopped:');
      harness().sandbox.restoreToken(META_TOKEN);
    });

    it('shows a failed token exchange while settings still save', async () => {
      harness().tokenEndpoint.restore();
      const refusing = fakeTokenEndpoint(() => ({ status: 400, body: { error: 'invalid_subject_token' } }));
      try {
        // A shop no other test opened: no session or exchange of its own can be around.
        const shop = 'shop-never-connected.myshopify.com';
        const saved = await harness().admin(shop, 'PUT', '/api/settings', { pixelId: PIXEL_ID });
        expect(saved.statusCode).toBe(200);
        const health = (await harness().admin(shop, 'GET', '/api/health')).json() as { adminApi: unknown };
        expect(health.adminApi).toEqual({
          status: 'failed',
          message: 'Shopify refused the token exchange (HTTP 400: invalid_subject_token).',
          failedAt: expect.any(String),
        });
      } finally {
        refusing.restore();
        harness().tokenEndpoint = fakeTokenEndpoint(harness().webPixels.answer);
      }
    });
  });
});
