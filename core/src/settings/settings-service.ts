/**
 * The merchant's settings: the admin API reads and saves them here, and the delivery worker resolves
 * a pixel's decrypted target here. The access token is encrypted before it reaches the store (bound
 * to the store id, so a ciphertext copied to another store's row is useless) and never leaves this
 * service except to the worker.
 */
import type { SecretBox } from '../crypto';
import { ConfigurationGraphError, type PixelTarget } from '../graph';
import type { Logger } from '../log';
import type { PixelConfigPatch, PixelConfigStore } from './port';
import { toSettingsView, type SettingsView } from './settings-view';
import { validateSettingsInput, type ValidSettingsInput } from './validate-settings-input';

export interface SettingsServiceOptions {
  pixels: PixelConfigStore;
  secretBox: SecretBox;
  logger: Logger;
  /**
   * The shop's own country (ISO alpha-2) when the platform told us, for the consent default the view
   * shows; absent or null: the region is unknown.
   */
  shopCountry?: ShopCountryLookup;
}

export type ShopCountryLookup = (storeId: string) => Promise<string | null>;

export type UpdateSettingsResult = { ok: true; settings: SettingsView } | { ok: false; errors: Record<string, string> };

export interface SettingsService {
  getSettings(storeId: string): Promise<SettingsView>;
  /** Validates `input` (untrusted JSON) and saves it; saving also resumes a stopped pixel. */
  updateSettings(storeId: string, input: unknown): Promise<UpdateSettingsResult>;
  /**
   * The decrypted target the worker sends to. Throws ConfigurationGraphError (the worker stops the
   * pixel and shows the message) when the pixel id or token is missing or the token cannot be read.
   */
  resolveTarget(pixelConfigId: string): Promise<PixelTarget>;
}

const tokenContext = (storeId: string) => `pixel-access-token:${storeId}`;

function configurationError(message: string, merchantMessage: string): ConfigurationGraphError {
  return new ConfigurationGraphError({ message, merchantMessage });
}

export function createSettingsService({ pixels, secretBox, logger, shopCountry = async () => null }: SettingsServiceOptions): SettingsService {
  async function primaryPixel(storeId: string) {
    const [primary] = await pixels.listByStore(storeId);
    return primary;
  }

  function toPatch(storeId: string, input: ValidSettingsInput): PixelConfigPatch {
    const patch: PixelConfigPatch = {};
    if (input.pixelId !== undefined) patch.pixelId = input.pixelId;
    if (input.accessToken !== undefined) {
      patch.accessTokenCiphertext = input.accessToken === null ? null : secretBox.encrypt(input.accessToken, tokenContext(storeId));
      patch.accessTokenLast4 = input.accessToken === null ? null : input.accessToken.slice(-4);
    }
    if (input.testEventCode !== undefined) patch.testEventCode = input.testEventCode;
    if (input.purchaseTrigger !== undefined) patch.purchaseTrigger = input.purchaseTrigger;
    if (input.events !== undefined) patch.events = input.events;
    if (input.limitedDataUse !== undefined) patch.limitedDataUse = input.limitedDataUse;
    if (input.noConsentSignal !== undefined) patch.noConsentSignal = input.noConsentSignal;
    if (input.enabled !== undefined) patch.enabled = input.enabled;
    return patch;
  }

  return {
    async getSettings(storeId) {
      const [primary, country] = await Promise.all([primaryPixel(storeId), shopCountry(storeId)]);
      return toSettingsView(primary, country);
    },

    async updateSettings(storeId, input) {
      const checked = validateSettingsInput(input);
      if (!checked.ok) {
        logger.info({ storeId, invalidFields: Object.keys(checked.errors) }, 'settings update refused');
        return checked;
      }
      const saved = await pixels.upsertForStore(storeId, toPatch(storeId, checked.value));
      logger.info({ storeId, pixelConfigId: saved.id, changedFields: Object.keys(checked.value) }, 'settings updated');
      return { ok: true, settings: toSettingsView(saved, await shopCountry(storeId)) };
    },

    async resolveTarget(pixelConfigId) {
      const pixel = await pixels.get(pixelConfigId);
      if (!pixel) throw new Error(`Pixel configuration ${pixelConfigId} does not exist.`);
      if (!pixel.pixelId || !pixel.accessTokenCiphertext) {
        throw configurationError(
          `pixel configuration ${pixelConfigId} lacks ${pixel.pixelId ? 'an access token' : 'a pixel id'}`,
          'Enter the pixel ID and the Conversions API access token in settings to start sending.',
        );
      }
      let accessToken: string;
      try {
        accessToken = secretBox.decrypt(pixel.accessTokenCiphertext, tokenContext(pixel.storeId));
      } catch (error) {
        logger.error({ pixelConfigId, error: (error as Error).message }, 'stored access token cannot be decrypted');
        throw configurationError(
          `access token of pixel configuration ${pixelConfigId} cannot be decrypted`,
          'The saved access token can no longer be read (the server’s encryption key changed). Paste the token again in settings.',
        );
      }
      return { pixelId: pixel.pixelId, accessToken, ...(pixel.testEventCode && { testEventCode: pixel.testEventCode }) };
    },
  };
}
