/**
 * The plugin's admin routes inside a real Medusa server: Medusa's admin authentication guards them,
 * an admin saves and reads the settings, and the access token never comes back (only its last four
 * characters). These routes need the plugin's database, not a delivery: the store's own database
 * (the plugin's default, schema capi_relay) is used here.
 */
import type { GraphSandbox } from '@capi-relay/core';

import { ACCESS_TOKEN, PIXEL_ID, startSandboxForMedusa } from '../support/graph-sandbox';
import { describeTestStore } from '../support/test-store-runner';

jest.setTimeout(120_000);

let sandbox: GraphSandbox;
beforeAll(async () => {
  sandbox = await startSandboxForMedusa();
  delete process.env.CAPI_RELAY_DATABASE_URL;
});
afterAll(async () => {
  await sandbox?.close();
});

const ROUTES: [string, string][] = [
  ['get', '/admin/capi-relay/settings'],
  ['post', '/admin/capi-relay/settings'],
  ['get', '/admin/capi-relay/events'],
  ['post', '/admin/capi-relay/test-event'],
];

describeTestStore(({ api, admin }) => {

  it.each(ROUTES)('rejects %s %s without an admin session or token', async (method, path) => {
    const response = await api.request({ method, url: path, data: {}, validateStatus: () => true });
    expect(response.status).toBe(401);
    const forged = await api.request({ method, url: path, data: {}, headers: { authorization: 'Bearer not-a-token' }, validateStatus: () => true });
    expect(forged.status).toBe(401);
  });

  it('saves and reads the settings for an admin, never returning the token', async () => {
    const saved = await api.post(
      '/admin/capi-relay/settings',
      { pixelId: PIXEL_ID, accessToken: ACCESS_TOKEN, testEventCode: 'TEST12345', events: { InitiateCheckout: false } },
      admin(),
    );
    const expected = {
      pixelId: PIXEL_ID,
      accessTokenSet: true,
      accessTokenLast4: ACCESS_TOKEN.slice(-4),
      testEventCode: 'TEST12345',
      events: { Purchase: true, InitiateCheckout: false, AddToCart: true, ViewContent: true, AddPaymentInfo: true },
      enabled: true,
      stopped: null,
    };
    expect(saved.data).toEqual(expected);
    const read = await api.get('/admin/capi-relay/settings', admin());
    expect(read.data).toEqual(expected);
    expect(JSON.stringify(read.data)).not.toContain(ACCESS_TOKEN);
    expect(JSON.stringify(saved.data)).not.toContain(ACCESS_TOKEN);

    const test = await api.post('/admin/capi-relay/test-event', {}, { headers: { ...admin().headers, 'user-agent': 'Mozilla/5.0 (admin)' } });
    expect(test.data).toMatchObject({ eventsReceived: 1 });
    expect(sandbox.received.map((request) => [request.pixelId, request.testEventCode, request.events[0]?.event_name])).toEqual([[PIXEL_ID, 'TEST12345', 'PageView']]);
  });

  it('refuses invalid settings field by field', async () => {
    const refused = await api.post('/admin/capi-relay/settings', { pixelId: 'abc', colour: 'blue' }, { ...admin(), validateStatus: () => true });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.data.errors).sort()).toEqual(['colour', 'pixelId']);
  });
});
