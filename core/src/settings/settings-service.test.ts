import { createSecretBox, generateSecretBoxKey } from '../crypto';
import { ConfigurationGraphError } from '../graph';
import type { Logger } from '../log';
import { DEFAULT_SETTINGS_VIEW } from '../testing/default-settings';
import { createMemoryPixelConfigStore } from './memory-pixel-config-store';
import { createSettingsService } from './settings-service';

const TOKEN = `EAAGm0PX4ZCps${'Ab9'.repeat(40)}tokn`;
const STORE = 'store-1';

function setup() {
  const pixels = createMemoryPixelConfigStore();
  const secretBox = createSecretBox(generateSecretBoxKey());
  const lines: unknown[] = [];
  const record = (obj: object, msg?: string) => lines.push({ ...obj, msg });
  const logger: Logger = { debug: record, info: record, warn: record, error: record };
  const service = createSettingsService({ pixels, secretBox, logger });
  return { pixels, secretBox, service, logged: () => JSON.stringify(lines) };
}

describe('settings service', () => {
  it('shows the defaults before anything is saved', async () => {
    const { service } = setup();
    expect(await service.getSettings(STORE)).toEqual(DEFAULT_SETTINGS_VIEW);
  });

  it('saves the settings, storing the token encrypted and showing only its last 4 characters', async () => {
    const { service, pixels, logged } = setup();
    const result = await service.updateSettings(STORE, { pixelId: '123456789012345', accessToken: TOKEN, events: { AddToCart: false } });
    expect(result).toEqual({
      ok: true,
      settings: expect.objectContaining({
        pixelId: '123456789012345',
        accessTokenSet: true,
        accessTokenLast4: 'tokn',
        events: { Purchase: true, InitiateCheckout: true, AddToCart: false, ViewContent: true, AddPaymentInfo: true },
      }),
    });
    const [stored] = await pixels.listByStore(STORE);
    expect(stored?.accessTokenCiphertext).toMatch(/^v1:/);
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(logged()).not.toContain(TOKEN);
  });

  it('keeps what an update leaves out and clears what it sets to null', async () => {
    const { service } = setup();
    await service.updateSettings(STORE, { pixelId: '123456789012345', accessToken: TOKEN, testEventCode: 'TEST42', events: { AddToCart: false } });
    await service.updateSettings(STORE, { events: { Purchase: false } });
    expect(await service.getSettings(STORE)).toMatchObject({
      pixelId: '123456789012345',
      accessTokenSet: true,
      testEventCode: 'TEST42',
      events: { Purchase: false, InitiateCheckout: true, AddToCart: false },
    });
    await service.updateSettings(STORE, { testEventCode: '', accessToken: null });
    expect(await service.getSettings(STORE)).toMatchObject({ testEventCode: null, accessTokenSet: false, accessTokenLast4: null });
  });

  it('returns field errors and saves nothing when the input is invalid', async () => {
    const { service, pixels } = setup();
    const result = await service.updateSettings(STORE, { pixelId: '42', accessToken: TOKEN });
    expect(result).toEqual({ ok: false, errors: { pixelId: expect.stringContaining('15- or 16-digit') } });
    expect(await pixels.listByStore(STORE)).toEqual([]);
  });

  it('shows a stopped pixel and resumes it when the settings are saved', async () => {
    const { service, pixels } = setup();
    const saved = await service.updateSettings(STORE, { pixelId: '123456789012345', accessToken: TOKEN });
    if (!saved.ok) throw new Error('save failed');
    const [pixel] = await pixels.listByStore(STORE);
    const at = new Date('2026-03-01T10:00:00Z');
    await pixels.stop(pixel!.id, 'Meta refused the access token.', at);
    expect((await service.getSettings(STORE)).stopped).toEqual({ at, reason: 'Meta refused the access token.' });
    await service.updateSettings(STORE, { accessToken: `${TOKEN}2` });
    expect((await service.getSettings(STORE)).stopped).toBeNull();
  });

  describe('resolveTarget', () => {
    it('decrypts the target for the worker, with the test event code when set', async () => {
      const { service, pixels } = setup();
      await service.updateSettings(STORE, { pixelId: '123456789012345', accessToken: TOKEN, testEventCode: 'TEST42' });
      const [pixel] = await pixels.listByStore(STORE);
      expect(await service.resolveTarget(pixel!.id)).toEqual({ pixelId: '123456789012345', accessToken: TOKEN, testEventCode: 'TEST42' });
      await service.updateSettings(STORE, { testEventCode: null });
      expect(await service.resolveTarget(pixel!.id)).toEqual({ pixelId: '123456789012345', accessToken: TOKEN });
    });

    it('refuses, as a configuration error, a pixel without an id or a token', async () => {
      const { service, pixels } = setup();
      await service.updateSettings(STORE, { pixelId: '123456789012345' });
      const [pixel] = await pixels.listByStore(STORE);
      const error = await service.resolveTarget(pixel!.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationGraphError);
      expect((error as ConfigurationGraphError).merchantMessage).toMatch(/Enter the pixel ID and the Conversions API access token/);
    });

    it('refuses a token sealed for another store as a configuration error', async () => {
      const { service, pixels, secretBox } = setup();
      await service.updateSettings(STORE, { pixelId: '123456789012345', accessToken: TOKEN });
      const [pixel] = await pixels.listByStore(STORE);
      // A ciphertext copied from another store's row: decrypting it under this store must fail.
      await pixels.upsertForStore(STORE, { accessTokenCiphertext: secretBox.encrypt(TOKEN, 'pixel-access-token:store-2') });
      const error = await service.resolveTarget(pixel!.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationGraphError);
      expect((error as ConfigurationGraphError).merchantMessage).toMatch(/Paste the token again/);
    });

    it('refuses a token saved under another encryption key, telling the operator without the token', async () => {
      const { service, pixels, logged } = setup();
      await service.updateSettings(STORE, { pixelId: '123456789012345', accessToken: TOKEN });
      const [pixel] = await pixels.listByStore(STORE);
      const lines: string[] = [];
      const capture = (obj: object, msg?: string) => lines.push(JSON.stringify({ ...obj, msg }));
      const rotated = createSettingsService({
        pixels,
        secretBox: createSecretBox(generateSecretBoxKey()),
        logger: { debug: capture, info: capture, warn: capture, error: capture },
      });
      await expect(rotated.resolveTarget(pixel!.id)).rejects.toThrow(ConfigurationGraphError);
      expect(lines.join('\n')).toMatch(/stored access token cannot be decrypted/);
      expect(lines.join('\n') + logged()).not.toContain(TOKEN);
    });

    it('fails plainly for an unknown pixel configuration', async () => {
      const { service } = setup();
      await expect(service.resolveTarget('missing')).rejects.toThrow('Pixel configuration missing does not exist.');
    });
  });
});
