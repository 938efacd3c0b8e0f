import { createSecretBox, generateSecretBoxKey } from '@capi-relay/core';
import { newEvent } from '@capi-relay/core/testing';
import { forEachDatabase } from './databases';

const T = new Date('2026-03-01T12:00:00.000Z');
const later = (days: number) => new Date(T.getTime() + days * 86_400_000);

forEachDatabase((t) => {
  beforeEach(() => t.reset());

  describe('store registry', () => {
    it('creates a store on first sight and returns the same one afterwards, even under concurrent first sightings', async () => {
      const { stores, client } = t.db();
      const created = await Promise.all(Array.from({ length: 5 }, () => stores.ensureStore('shopify', 'acme.myshopify.com')));
      expect(new Set(created.map((store) => store.id)).size).toBe(1);
      expect(await client.store.count({ where: { domain: 'acme.myshopify.com' } })).toBe(1);
      expect(created[0]).toMatchObject({ platform: 'shopify', domain: 'acme.myshopify.com', uninstalledAt: null, country: null });
      expect(await stores.findStore('shopify', 'acme.myshopify.com')).toEqual(created[0]);
      expect(await stores.getStore(created[0]!.id)).toEqual(created[0]);
    });

    it('returns an existing store as it is: a webhook keeps the install time', async () => {
      const { stores } = t.db();
      const installed = await stores.markInstalled('shopify', 'acme.myshopify.com', T);
      expect(await stores.ensureStore('shopify', 'acme.myshopify.com')).toEqual(installed);
    });

    it('keeps the same domain apart per platform', async () => {
      const { stores } = t.db();
      const shopify = await stores.ensureStore('shopify', 'shop.example');
      const medusa = await stores.ensureStore('medusa', 'shop.example');
      expect(shopify.id).not.toBe(medusa.id);
    });

    it('tracks uninstall and re-install; a webhook after uninstall does not reinstall', async () => {
      const { stores } = t.db();
      const installed = await stores.markInstalled('shopify', 'acme.myshopify.com', T);
      expect(installed.installedAt).toEqual(T);
      expect((await stores.markInstalled('shopify', 'acme.myshopify.com', later(1))).installedAt).toEqual(T);

      await stores.markUninstalled(installed.id, later(2));
      expect((await stores.ensureStore('shopify', 'acme.myshopify.com')).uninstalledAt).toEqual(later(2));

      const reinstalled = await stores.markInstalled('shopify', 'acme.myshopify.com', later(3));
      expect(reinstalled).toMatchObject({ id: installed.id, installedAt: later(3), uninstalledAt: null });
    });

    it("records the shop's country in upper case, clears it with null, and refuses what is not a country code", async () => {
      const { stores } = t.db();
      const store = await stores.ensureStore('shopify', 'acme.myshopify.com');
      await stores.setCountry(store.id, ' de ');
      expect(await stores.getStore(store.id)).toMatchObject({ country: 'DE' });
      expect(await stores.findStore('shopify', 'acme.myshopify.com')).toMatchObject({ country: 'DE' });
      await expect(stores.setCountry(store.id, 'Germany')).rejects.toThrow(/not an ISO 3166-1 alpha-2/);
      await stores.setCountry(store.id, null);
      expect((await stores.ensureStore('shopify', 'acme.myshopify.com')).country).toBeNull();
    });

    it('refuses an unknown platform and finds nothing for unknown shops', async () => {
      const { stores } = t.db();
      await expect(stores.ensureStore('woocommerce' as never, 'x')).rejects.toThrow(/Unknown platform "woocommerce"/);
      expect(await stores.findStore('shopify', 'nobody.myshopify.com')).toBeNull();
      expect(await stores.getStore('no-such-id')).toBeNull();
    });

    it('issues one pixel key per store, kept across calls, and finds the store by it', async () => {
      const { stores } = t.db();
      const a = await stores.ensureStore('shopify', 'a.myshopify.com');
      const b = await stores.ensureStore('shopify', 'b.myshopify.com');
      const keys = await Promise.all([stores.pixelKeyFor(a.id), stores.pixelKeyFor(a.id)]);
      expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(keys[1]).toBe(keys[0]);
      expect(await stores.pixelKeyFor(a.id)).toBe(keys[0]);
      const keyB = await stores.pixelKeyFor(b.id);
      expect(keyB).not.toBe(keys[0]);
      // Issuing the key is a change of the row: only its updatedAt moved.
      expect(await stores.findByPixelKey(keys[0] as string)).toEqual({ ...a, updatedAt: expect.any(Date) });
      expect(await stores.findByPixelKey(keyB)).toEqual({ ...b, updatedAt: expect.any(Date) });
      expect(await stores.findByPixelKey('forged-key')).toBeNull();
    });
  });

  describe('pixel configuration store', () => {
    it('creates the primary configuration with defaults, then updates the same row', async () => {
      const { stores, pixels } = t.db();
      const { id: storeId } = await stores.ensureStore('shopify', 'acme.myshopify.com');
      const created = await pixels.upsertForStore(storeId, { pixelId: '123456789012345' });
      expect(created).toMatchObject({
        storeId,
        pixelId: '123456789012345',
        accessTokenCiphertext: null,
        enabled: true,
        events: { Purchase: true, InitiateCheckout: true, AddToCart: true, ViewContent: true, AddPaymentInfo: true },
        purchaseTrigger: 'order_created',
        limitedDataUse: 'off',
        noConsentSignal: null,
        stoppedAt: null,
      });
      const updated = await pixels.upsertForStore(storeId, {
        events: { Purchase: true, InitiateCheckout: false, AddToCart: false, ViewContent: false, AddPaymentInfo: true },
        purchaseTrigger: 'order_paid',
        limitedDataUse: 'geolocate',
        noConsentSignal: 'keep',
      });
      expect(updated).toMatchObject({
        id: created.id,
        pixelId: '123456789012345',
        events: { InitiateCheckout: false, AddToCart: false, ViewContent: false, AddPaymentInfo: true },
        purchaseTrigger: 'order_paid',
        limitedDataUse: 'geolocate',
        noConsentSignal: 'keep',
      });
      expect(await pixels.listByStore(storeId)).toEqual([updated]);
      expect(await pixels.get(created.id)).toEqual(updated);
      expect(await pixels.get('missing')).toBeNull();
      // null returns the policy to the region's default; leaving it out keeps it.
      expect((await pixels.upsertForStore(storeId, { enabled: true })).noConsentSignal).toBe('keep');
      expect((await pixels.upsertForStore(storeId, { noConsentSignal: null })).noConsentSignal).toBeNull();
    });

    it('opens the circuit on stop and closes it on the next change', async () => {
      const { stores, pixels } = t.db();
      const { id: storeId } = await stores.ensureStore('shopify', 'acme.myshopify.com');
      const { id } = await pixels.upsertForStore(storeId, { pixelId: '123456789012345' });
      await pixels.stop(id, 'Meta refused the token (190/463).', T);
      expect(await pixels.get(id)).toMatchObject({ stoppedAt: T, stoppedReason: 'Meta refused the token (190/463).' });
      expect(await pixels.upsertForStore(storeId, { enabled: true })).toMatchObject({ stoppedAt: null, stoppedReason: null });
    });
  });

  describe('compliance requests', () => {
    it('records requests, completes them and lists them newest first', async () => {
      const { compliance } = t.db();
      const first = await compliance.recordRequest({ platform: 'shopify', shopDomain: 'acme.myshopify.com', topic: 'customers/data_request', requestId: '9', customerRef: '42', receivedAt: T });
      const second = await compliance.recordRequest({ platform: 'shopify', shopDomain: 'acme.myshopify.com', topic: 'customers/redact', receivedAt: later(1) });
      await compliance.completeRequest(first.id, later(2), 'No data held beyond 2 hashed events; reported to the merchant.');
      const listed = await compliance.listRequests('shopify', 'acme.myshopify.com');
      expect(listed.map((request) => request.id)).toEqual([second.id, first.id]);
      expect(listed[1]).toMatchObject({ requestId: '9', customerRef: '42', completedAt: later(2), outcome: expect.stringContaining('2 hashed events') });
      expect(listed[0]).toMatchObject({ requestId: null, customerRef: null, completedAt: null, outcome: null });
    });
  });

  describe('deleteStoreData', () => {
    it("deletes everything a shop owns, and its sessions, but keeps other shops and the compliance record", async () => {
      const db = t.db();
      const sessions = db.createSessionStore(createSecretBox(generateSecretBoxKey()));
      const seed = async (domain: string) => {
        const store = await db.stores.ensureStore('shopify', domain);
        const pixel = await db.pixels.upsertForStore(store.id, { pixelId: '123456789012345', accessTokenCiphertext: 'v1:x' });
        await db.outbox.record({ storeId: store.id, source: 'shopify', deliveryId: `d-${domain}`, topic: 'orders/create' }, [newEvent(store.id, pixel.id, 1)], {
          cartState: { storeId: store.id, cartToken: 'c1', lines: [], updatedAt: T },
        });
        const [batch] = await db.outbox.claimDue({ workerId: 'w', now: later(1), limit: 10, leaseMs: 60_000 });
        await db.outbox.markSent(batch!.lease.token, batch!.events.map((event) => event.id), { attemptedAt: later(1), outcome: 'sent' });
        await sessions.storeSession({ id: `offline_${domain}`, shop: domain, state: '', isOnline: false, accessToken: 'shpat_x' });
        return store;
      };
      const gone = await seed('gone.myshopify.com');
      const kept = await seed('kept.myshopify.com');
      await db.compliance.recordRequest({ platform: 'shopify', shopDomain: 'gone.myshopify.com', topic: 'shop/redact', receivedAt: later(3) });

      expect(await db.deleteStoreData(gone.id)).toEqual({ storeFound: true, events: 1, sessions: 1 });
      expect(await db.stores.getStore(gone.id)).toBeNull();
      expect(await db.pixels.listByStore(gone.id)).toEqual([]);
      expect(await db.outbox.listEvents({ storeId: gone.id, limit: 10 })).toEqual([]);
      expect(await db.carts.get(gone.id, 'c1')).toBeNull();
      expect(await sessions.findSessionsByShop('gone.myshopify.com')).toEqual([]);
      expect(await db.client.deliveryAttempt.count()).toBe(1);
      expect(await db.client.webhookReceipt.count()).toBe(1);
      expect(await db.compliance.listRequests('shopify', 'gone.myshopify.com')).toHaveLength(1);

      expect(await db.outbox.listEvents({ storeId: kept.id, limit: 10 })).toHaveLength(1);
      expect(await sessions.findSessionsByShop('kept.myshopify.com')).toHaveLength(1);
      expect(await db.deleteStoreData(gone.id)).toEqual({ storeFound: false, events: 0, sessions: 0 });
    });
  });
});
