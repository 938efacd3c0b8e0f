/**
 * Checks a settings update as it arrives from the admin UI (untrusted JSON). Every problem comes back
 * as a message the merchant can act on, keyed by field; unknown fields are errors too, so nothing a
 * merchant typed is dropped silently.
 *
 * Field semantics: absent = keep the saved value; `null` (or "" for text fields) = clear it.
 */
import { NO_SIGNAL_POLICIES, type NoSignalPolicy } from './consent-policy';
import { LIMITED_DATA_USE_MODES, TOGGLEABLE_EVENTS, type EventToggles, type LimitedDataUse, type PurchaseTrigger, type ToggleableEvent } from './port';

export const PURCHASE_TRIGGERS: readonly PurchaseTrigger[] = ['order_created', 'order_paid'];

/**
 * Meta documents no format; every pixel (dataset) id seen in Events Manager and in the integrations
 * we studied is 15 or 16 digits, and a shorter or longer number is almost always a copy error (an
 * ad account or business id).
 */
const PIXEL_ID = /^\d{15,16}$/;
/** Printable ASCII without spaces: Meta tokens are long base62-like strings. */
const TOKEN_CHARACTERS = /^[\x21-\x7e]+$/;
export const TOKEN_MIN_LENGTH = 32;
export const TOKEN_MAX_LENGTH = 2048;
/** Events Manager's Test events tab shows codes like TEST12345. */
const TEST_EVENT_CODE = /^TEST[0-9A-Z]{1,20}$/;

export interface ValidSettingsInput {
  pixelId?: string | null;
  accessToken?: string | null;
  testEventCode?: string | null;
  purchaseTrigger?: PurchaseTrigger;
  events?: Partial<EventToggles>;
  limitedDataUse?: LimitedDataUse;
  /** null: back to the shop's region default. */
  noConsentSignal?: NoSignalPolicy | null;
  enabled?: boolean;
}

export type SettingsInputCheck = { ok: true; value: ValidSettingsInput } | { ok: false; errors: Record<string, string> };

const KNOWN_FIELDS = new Set(['pixelId', 'accessToken', 'testEventCode', 'purchaseTrigger', 'events', 'limitedDataUse', 'noConsentSignal', 'enabled']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** undefined = absent, null = clear, otherwise the trimmed text; a non-string is reported. */
function optionalText(value: unknown): { text?: string | null; wrongType?: true } {
  if (value === undefined) return {};
  if (value === null) return { text: null };
  if (typeof value !== 'string') return { wrongType: true };
  const trimmed = value.trim();
  return { text: trimmed === '' ? null : trimmed };
}

export function validateSettingsInput(input: unknown): SettingsInputCheck {
  if (!isPlainObject(input)) return { ok: false, errors: { body: 'Send the settings as a JSON object.' } };
  const errors: Record<string, string> = {};
  const value: ValidSettingsInput = {};

  for (const key of Object.keys(input)) {
    if (!KNOWN_FIELDS.has(key)) errors[key] = `"${key}" is not a setting.`;
  }

  const pixelId = optionalText(input.pixelId);
  if (pixelId.wrongType || (typeof pixelId.text === 'string' && !PIXEL_ID.test(pixelId.text))) {
    errors.pixelId =
      'Enter the pixel ID as the 15- or 16-digit number shown in Meta Events Manager (Data sources, then your pixel).';
  } else if (pixelId.text !== undefined) value.pixelId = pixelId.text;

  const token = input.accessToken;
  if (token === null) value.accessToken = null;
  else if (token !== undefined) {
    const trimmed = typeof token === 'string' ? token.trim() : undefined;
    if (trimmed === undefined || trimmed === '') {
      errors.accessToken = 'Paste the Conversions API access token from Events Manager (Settings, then Generate access token).';
    } else if (!TOKEN_CHARACTERS.test(trimmed)) {
      errors.accessToken = 'The access token cannot contain spaces, line breaks or accented characters; copy it again from Events Manager.';
    } else if (trimmed.length < TOKEN_MIN_LENGTH || trimmed.length > TOKEN_MAX_LENGTH) {
      errors.accessToken = `That does not look like a complete access token (${trimmed.length} characters); copy the whole token from Events Manager.`;
    } else value.accessToken = trimmed;
  }

  const testEventCode = optionalText(input.testEventCode);
  if (testEventCode.wrongType || (typeof testEventCode.text === 'string' && !TEST_EVENT_CODE.test(testEventCode.text))) {
    errors.testEventCode = 'Enter the test event code exactly as Events Manager shows it under Test events, e.g. TEST12345, or leave it empty.';
  } else if (testEventCode.text !== undefined) value.testEventCode = testEventCode.text;

  if (input.purchaseTrigger !== undefined) {
    if (PURCHASE_TRIGGERS.includes(input.purchaseTrigger as PurchaseTrigger)) value.purchaseTrigger = input.purchaseTrigger as PurchaseTrigger;
    else errors.purchaseTrigger = `Choose when a Purchase is sent: ${PURCHASE_TRIGGERS.map((t) => `"${t}"`).join(' or ')}.`;
  }

  if (input.events !== undefined) {
    if (!isPlainObject(input.events)) errors.events = 'Send the event switches as an object, e.g. {"AddToCart": false}.';
    else {
      const events: Partial<EventToggles> = {};
      for (const [name, enabled] of Object.entries(input.events)) {
        if (!(TOGGLEABLE_EVENTS as readonly string[]).includes(name)) {
          errors[`events.${name}`] = `"${name}" cannot be switched; the events are ${TOGGLEABLE_EVENTS.join(', ')}.`;
        } else if (typeof enabled !== 'boolean') errors[`events.${name}`] = 'Use true or false.';
        else events[name as ToggleableEvent] = enabled;
      }
      value.events = events;
    }
  }

  if (input.limitedDataUse !== undefined) {
    if (LIMITED_DATA_USE_MODES.includes(input.limitedDataUse as LimitedDataUse)) value.limitedDataUse = input.limitedDataUse as LimitedDataUse;
    else errors.limitedDataUse = 'Choose Limited Data Use: "off", "geolocate" (Meta applies it in US states with such laws) or "california".';
  }

  if (input.noConsentSignal !== undefined) {
    if (input.noConsentSignal === null || NO_SIGNAL_POLICIES.includes(input.noConsentSignal as NoSignalPolicy)) {
      value.noConsentSignal = input.noConsentSignal as NoSignalPolicy | null;
    } else {
      errors.noConsentSignal =
        'Choose what happens to events without a consent signal: "send", "limited_data_use" (sent with Limited Data Use), "keep" (not sent), or null for your region\'s default.';
    }
  }

  if (input.enabled !== undefined) {
    if (typeof input.enabled === 'boolean') value.enabled = input.enabled;
    else errors.enabled = 'Use true or false.';
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}
