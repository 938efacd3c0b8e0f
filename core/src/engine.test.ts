import { generateSecretBoxKey } from './crypto';
import { createEngine, EngineConfigError, type Engine } from './engine';
import { buildPurchase } from './events';
import type { Order } from './model/commerce';
import { MemoryOutbox } from './outbox/worker/__tests__/memory-outbox';
import { type GraphSandbox, startGraphSandbox } from './sandbox';

const PIXEL_ID = '123456789012345';
const TOKEN = `EAAB${'x'.repeat(60)}`;

/** The engine's stores in memory, with the store the tests record for. */
function memoryStores() {
  const outbox = new MemoryOutbox();
  outbox.addStore('store-1');
  return { outbox, pixels: outbox.pixels };
}

function order(id: string, createdAt = new Date(Date.now() - 60_000)): Order {
  return {
    id,
    createdAt,
    total: { amount: '42.50', currency: 'EUR' },
    email: 'jane@example.com',
    lineItems: [{ productId: '7', quantity: 1, unitPrice: { amount: '42.50', currency: 'EUR' } }],
    channel: 'online',
    browser: { userAgent: 'Mozilla/5.0', ipAddress: '203.0.113.9', pageUrl: 'https://shop.example.com/thank-you' },
  };
}

describe('createEngine', () => {
  it('reports every configuration problem at once', () => {
    let thrown: unknown;
    try {
      createEngine({
        encryptionKey: 'short',
        graph: { graphUrl: 'ftp://graph.example', apiVersion: '25', timeoutMs: 30_000 },
        worker: { leaseMs: 10_000 },
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EngineConfigError);
    const { problems } = thrown as EngineConfigError;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/encryption key must be 64 hexadecimal/);
    expect(problems.join('\n')).toMatch(/apiVersion must look like/);
    expect(problems.join('\n')).toMatch(/leaseMs \(10000\) must be at least twice graph.timeoutMs \(30000\)/);
  });

  it('refuses worker tuning errors and a worker lease shorter than twice the request timeout', () => {
    expect(() => createEngine({ encryptionKey: generateSecretBoxKey(), worker: { batchSize: 5000 } })).toThrow(/batchSize/);
    const engine = createEngine({ encryptionKey: generateSecretBoxKey(), graph: { timeoutMs: 1_000 } });
    const stores = memoryStores();
    expect(() => engine.createWorker(stores, { leaseMs: 1_500 })).toThrow(/leaseMs \(1500\) must be at least twice/);
  });

  it('warns at start-up when the pinned Graph version has no known end date or is about to end', () => {
    const warnings: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (_: object, msg?: string) => void warnings.push(msg ?? '') };
    createEngine({ encryptionKey: generateSecretBoxKey(), logger });
    expect(warnings).toEqual([]);
    createEngine({ encryptionKey: generateSecretBoxKey(), graph: { apiVersion: 'v99.0' }, logger });
    expect(warnings).toEqual([expect.stringMatching(/Graph API v99.0 has no known end-of-availability date/)]);
  });

  describe('wired to a Graph sandbox', () => {
    let sandbox: GraphSandbox;
    let engine: Engine;
    beforeAll(async () => {
      sandbox = await startGraphSandbox();
    });
    afterAll(() => sandbox.close());
    beforeEach(() => {
      sandbox.reset();
      engine = createEngine({ encryptionKey: generateSecretBoxKey(), graph: { graphUrl: sandbox.url, timeoutMs: 5_000 } });
    });

    async function storeWithPixel(stores: ReturnType<typeof memoryStores>) {
      const saved = await engine.settings(stores.pixels).updateSettings('store-1', { pixelId: PIXEL_ID, accessToken: TOKEN });
      if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    }

    it('plans and records against the store\'s pixels, and the worker sends with the decrypted token', async () => {
      const stores = memoryStores();
      await storeWithPixel(stores);
      const [pixel] = await stores.pixels.listByStore('store-1');
      expect(pixel?.accessTokenCiphertext).not.toContain(TOKEN);

      const result = await engine.enqueue(stores, null, { storeId: 'store-1', built: [buildPurchase(order('1001'))] });
      expect(result.inserted).toBe(1);

      const counts = await engine.createWorker(stores, { leaseMs: 60_000 }).runOnce();
      expect(counts).toMatchObject({ claimed: 1, sent: 1 });
      expect(sandbox.received).toHaveLength(1);
      expect(sandbox.received[0]).toMatchObject({ pixelId: PIXEL_ID, tokenLocation: 'header' });
      expect(sandbox.received[0]?.events[0]).toMatchObject({ event_name: 'Purchase', event_id: expect.stringContaining('1001') });
    });

    it('logs the customer data it left out, without the values, and sends the event without them', async () => {
      const infos: { obj: object; msg?: string }[] = [];
      const logger = { debug: () => undefined, warn: () => undefined, error: () => undefined, info: (obj: object, msg?: string) => void infos.push({ obj, msg }) };
      engine = createEngine({ encryptionKey: generateSecretBoxKey(), graph: { graphUrl: sandbox.url, timeoutMs: 5_000 }, logger });
      const stores = memoryStores();
      await storeWithPixel(stores);
      const badCookies = { ...order('1006').browser, fbc: 'fb.1.1715000000.IwAR2xSeconds', fbp: 'fb.1.1715000000000.abc' };
      const built = buildPurchase({ ...order('1006'), email: 'jane doe@example.com', phone: '+1 650 555 1212', browser: badCookies });

      await engine.enqueue(stores, null, { storeId: 'store-1', built: [built] });
      await engine.createWorker(stores, { leaseMs: 60_000 }).runOnce();

      const logged = infos.find((entry) => entry.msg === 'Customer data left out of an event');
      expect(logged?.obj).toMatchObject({
        eventId: 'purchase:1006',
        droppedUserData: [
          { field: 'em', reason: 'email is not an email address (it contains a space)' },
          { field: 'fbc', reason: 'fbc creation time is not Unix milliseconds (it looks like seconds)' },
          { field: 'fbp', reason: 'fbp random part is not a number' },
        ],
      });
      expect(JSON.stringify(logged)).not.toMatch(/jane|IwAR2xSeconds/);
      const sent = sandbox.received.find((request) => request.events[0]?.event_id === 'purchase:1006')?.events[0];
      expect(sent?.user_data).toMatchObject({ ph: [expect.stringMatching(/^[a-f0-9]{64}$/)], client_user_agent: 'Mozilla/5.0' });
      expect(sent?.user_data).not.toHaveProperty('em');
      expect(sent?.user_data).not.toHaveProperty('fbc');
      expect(sent?.user_data).not.toHaveProperty('fbp');
    });

    it('keeps the test event code off live events unless the deployment turns it on', async () => {
      const send = async (testCodeOnLiveEvents: boolean | undefined, orderId: string) => {
        engine = createEngine({ encryptionKey: generateSecretBoxKey(), graph: { graphUrl: sandbox.url, timeoutMs: 5_000 }, testCodeOnLiveEvents });
        const stores = memoryStores();
        const saved = await engine.settings(stores.pixels).updateSettings('store-1', { pixelId: PIXEL_ID, accessToken: TOKEN, testEventCode: 'TEST12345' });
        if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
        await engine.enqueue(stores, null, { storeId: 'store-1', built: [buildPurchase(order(orderId))] });
        await engine.createWorker(stores, { leaseMs: 60_000 }).runOnce();
        return sandbox.received.find((request) => request.events[0]?.event_id === `purchase:${orderId}`);
      };
      expect((await send(undefined, '2001'))?.testEventCode).toBeUndefined();
      expect((await send(false, '2002'))?.testEventCode).toBeUndefined();
      expect((await send(true, '2003'))?.testEventCode).toBe('TEST12345');
    });

    it('plans against the pixels the caller already read, without reading them again', async () => {
      const stores = memoryStores();
      await storeWithPixel(stores);
      const pixels = await stores.pixels.listByStore('store-1');
      const listByStore = jest.spyOn(stores.pixels, 'listByStore');
      const record = jest.spyOn(stores.outbox, 'record');

      await engine.enqueue(stores, null, { storeId: 'store-1', built: [buildPurchase(order('1005'))], pixels });

      expect(listByStore).not.toHaveBeenCalled();
      expect(record.mock.calls[0]?.[1]).toMatchObject([{ pixelConfigId: pixels[0]?.id, status: 'queued' }]);
    });

    it('completes a kept website event with the browser context the storefront reports, once', async () => {
      const stores = memoryStores();
      await storeWithPixel(stores);
      const kept = buildPurchase({ ...order('1006'), email: undefined, browser: undefined });
      await engine.enqueue(stores, null, { storeId: 'store-1', built: [kept] });
      const [row] = await stores.outbox.listEvents({ storeId: 'store-1', limit: 1 });
      expect(row).toMatchObject({ status: 'skipped', reason: 'needs_browser_context' });

      const browser = { userAgent: 'Mozilla/5.0', ipAddress: '203.0.113.9', pageUrl: 'https://shop.example.com/thank-you', fbp: 'fb.1.1715000000000.42' };
      expect(await engine.completeWithBrowser(stores, { storeId: 'store-1', sourceIds: ['1006'], browser })).toMatchObject({ stitched: 1 });
      expect(await engine.completeWithBrowser(stores, { storeId: 'store-1', sourceIds: ['1006'], browser })).toMatchObject({ stitched: 0, duplicateEvents: 1 });
      expect(await engine.completeWithBrowser(stores, { storeId: 'store-1', sourceIds: [], browser })).toMatchObject({ inserted: 0, stitched: 0 });

      await engine.createWorker(stores, { leaseMs: 60_000 }).runOnce();
      expect(sandbox.received[0]?.events[0]).toMatchObject({
        event_id: 'purchase:1006',
        event_source_url: 'https://shop.example.com/thank-you',
        user_data: { client_user_agent: 'Mozilla/5.0', client_ip_address: '203.0.113.9', fbp: 'fb.1.1715000000000.42' },
      });
    });

    it('records a store without a pixel as skipped and sends nothing', async () => {
      const stores = memoryStores();
      const record = jest.spyOn(stores.outbox, 'record');
      await engine.enqueue(stores, null, { storeId: 'store-1', built: [buildPurchase(order('1002'))] });
      expect(record.mock.calls[0]?.[1]).toMatchObject([{ pixelConfigId: null, status: 'skipped', reason: 'no_pixel' }]);
    });

    it('wakes its running workers when events were queued', async () => {
      const stores = memoryStores();
      await storeWithPixel(stores);
      const worker = engine.createWorker(stores, { leaseMs: 60_000, pollIntervalMs: 3_600_000, flushDelayMs: 0 });
      const notify = jest.spyOn(worker, 'notify');

      await engine.enqueue(stores, null, { storeId: 'store-1', built: [buildPurchase(order('1003'))] });
      await engine.enqueue(stores, null, { storeId: 'store-1', built: [buildPurchase(order('1004', new Date(Date.now() - 30 * 86_400_000)))] });

      // The second order is too old: it is recorded as expired, and there is nothing to wake a worker for.
      expect(notify).toHaveBeenCalledTimes(1);
    });
  });
});
