import fs from 'node:fs';
import { createSecretBox, createSettingsService, generateSecretBoxKey, silentLogger } from '@capi-relay/core';
import { forEachDatabase } from './databases';

const TOKEN = `EAAGm0PX4ZCpsBAzZDdatabase${'Q7w'.repeat(50)}last`;

forEachDatabase((t) => {
  const secretBox = createSecretBox(generateSecretBoxKey());
  beforeEach(() => t.reset());

  async function savedSettings() {
    const db = t.db();
    const { id: storeId } = await db.stores.ensureStore('shopify', 'acme.myshopify.com');
    const service = createSettingsService({ pixels: db.pixels, secretBox, logger: silentLogger });
    const result = await service.updateSettings(storeId, {
      pixelId: '1234567890123456',
      accessToken: TOKEN,
      testEventCode: 'TEST777',
      purchaseTrigger: 'order_paid',
      events: { InitiateCheckout: false },
    });
    return { db, storeId, service, result };
  }

  it('saves and shows the settings over the database', async () => {
    const { service, storeId, result } = await savedSettings();
    const expected = {
      pixelId: '1234567890123456',
      accessTokenSet: true,
      accessTokenLast4: 'last',
      testEventCode: 'TEST777',
      purchaseTrigger: 'order_paid',
      events: { Purchase: true, InitiateCheckout: false, AddToCart: true, ViewContent: true, AddPaymentInfo: true },
      limitedDataUse: 'off',
      noConsentSignal: null,
      noConsentSignalDefault: { policy: 'send', region: 'unknown', country: null },
      enabled: true,
      stopped: null,
    };
    expect(result).toEqual({ ok: true, settings: expected });
    expect(await service.getSettings(storeId)).toEqual(expected);
  });

  it("shows the consent default of the shop's stored country, and the merchant's choice over it", async () => {
    const { db, storeId } = await savedSettings();
    const service = createSettingsService({ pixels: db.pixels, secretBox, logger: silentLogger, shopCountry: async (id) => (await db.stores.getStore(id))?.country ?? null });
    await db.stores.setCountry(storeId, 'IE');
    expect(await service.getSettings(storeId)).toMatchObject({ noConsentSignal: null, noConsentSignalDefault: { policy: 'keep', region: 'eea_uk_ch', country: 'IE' } });
    const chosen = await service.updateSettings(storeId, { noConsentSignal: 'limited_data_use' });
    expect(chosen).toMatchObject({ ok: true, settings: { noConsentSignal: 'limited_data_use', noConsentSignalDefault: { policy: 'keep', country: 'IE' } } });
    await db.stores.setCountry(storeId, 'US');
    expect(await service.getSettings(storeId)).toMatchObject({ noConsentSignal: 'limited_data_use', noConsentSignalDefault: { policy: 'limited_data_use', region: 'us' } });
    await service.updateSettings(storeId, { noConsentSignal: null });
    expect((await db.pixels.listByStore(storeId))[0]?.noConsentSignal).toBeNull();
  });

  it('resolves the decrypted target for the worker', async () => {
    const { db, storeId, service } = await savedSettings();
    const [pixel] = await db.pixels.listByStore(storeId);
    expect(await service.resolveTarget(pixel!.id)).toEqual({ pixelId: '1234567890123456', accessToken: TOKEN, testEventCode: 'TEST777' });
  });

  it('never writes the token itself to the database', async () => {
    const { db } = await savedSettings();
    const rows = await db.client.pixelConfig.findMany();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
    expect(JSON.stringify(rows)).not.toContain(TOKEN.slice(0, 24));
    if (t.provider === 'sqlite') {
      // The bytes on disk, including the write-ahead log the row may still sit in.
      const filePath = t.testDatabase().filePath!;
      const files = [filePath, `${filePath}-wal`].filter((file) => fs.existsSync(file));
      expect(files.length).toBeGreaterThan(0);
      const onDisk = Buffer.concat(files.map((file) => fs.readFileSync(file)));
      // The row is on disk (its pixel id is), so the search looks in the right place...
      expect(onDisk.includes(Buffer.from('1234567890123456'))).toBe(true);
      // ...and finds no part of the token.
      expect(onDisk.includes(Buffer.from(TOKEN.slice(0, 24)))).toBe(false);
      expect(onDisk.includes(Buffer.from(TOKEN.slice(-40)))).toBe(false);
    }
  });
});

forEachDatabase((t) => {
  const secretBox = createSecretBox(generateSecretBoxKey());
  beforeEach(() => t.reset());

  it('keeps both switches when two saves of different switches run at once (merged inside the write)', async () => {
    const db = t.db();
    const service = createSettingsService({ pixels: db.pixels, secretBox, logger: silentLogger });
    const lost: number[] = [];
    for (let round = 0; round < 20; round += 1) {
      const { id: storeId } = await db.stores.ensureStore('shopify', `round-${round}.myshopify.com`);
      await service.updateSettings(storeId, { pixelId: '1234567890123456' });
      await Promise.all([
        service.updateSettings(storeId, { events: { AddToCart: false } }),
        service.updateSettings(storeId, { events: { InitiateCheckout: false } }),
      ]);
      const { events } = await service.getSettings(storeId);
      if (events.AddToCart || events.InitiateCheckout) lost.push(round);
    }
    expect(lost).toEqual([]);
  });
});
