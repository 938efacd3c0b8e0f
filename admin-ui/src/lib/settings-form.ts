/**
 * The settings form's rules, apart from any UI: what the form holds, when it has unsaved changes,
 * which fields a save sends, and where the API's field errors show. The server is the judge of
 * every value (core validates it); the form only trims and never sends what did not change.
 */
import { noSignalChoiceOf, REGION_DEFAULT, type NoSignalChoice } from './consent-view';
import { TOGGLEABLE_EVENTS, type LimitedDataUse, type PurchaseTrigger, type Settings, type SettingsUpdate, type ToggleableEvent } from './types';

export interface SettingsForm {
  pixelId: string;
  /** A new token being typed; '' keeps the saved one. */
  accessToken: string;
  testEventCode: string;
  purchaseTrigger: PurchaseTrigger;
  events: Record<ToggleableEvent, boolean>;
  limitedDataUse: LimitedDataUse;
  /** `default` follows the shop region's default (null in the API). */
  noConsentSignal: NoSignalChoice;
}

export type FormField = 'pixelId' | 'accessToken' | 'testEventCode' | 'purchaseTrigger' | 'events' | 'limitedDataUse' | 'noConsentSignal';

export function formFromSettings(settings: Settings): SettingsForm {
  return {
    pixelId: settings.pixelId ?? '',
    accessToken: '',
    testEventCode: settings.testEventCode ?? '',
    purchaseTrigger: settings.purchaseTrigger,
    events: { ...settings.events },
    limitedDataUse: settings.limitedDataUse,
    noConsentSignal: noSignalChoiceOf(settings),
  };
}

/** Only what differs from the saved settings; empty text fields clear. */
export function settingsUpdate(form: SettingsForm, saved: Settings): SettingsUpdate {
  const update: SettingsUpdate = {};
  const pixelId = form.pixelId.trim();
  if (pixelId !== (saved.pixelId ?? '')) update.pixelId = pixelId === '' ? null : pixelId;
  const token = form.accessToken.trim();
  if (token !== '') update.accessToken = token;
  const testEventCode = form.testEventCode.trim();
  if (testEventCode !== (saved.testEventCode ?? '')) update.testEventCode = testEventCode === '' ? null : testEventCode;
  if (form.purchaseTrigger !== saved.purchaseTrigger) update.purchaseTrigger = form.purchaseTrigger;
  const events = TOGGLEABLE_EVENTS.filter((name) => form.events[name] !== saved.events[name]);
  if (events.length > 0) update.events = Object.fromEntries(events.map((name) => [name, form.events[name]]));
  if (form.limitedDataUse !== saved.limitedDataUse) update.limitedDataUse = form.limitedDataUse;
  if (form.noConsentSignal !== noSignalChoiceOf(saved)) update.noConsentSignal = form.noConsentSignal === REGION_DEFAULT ? null : form.noConsentSignal;
  return update;
}

export function hasUnsavedChanges(form: SettingsForm, saved: Settings): boolean {
  return Object.keys(settingsUpdate(form, saved)).length > 0;
}

/**
 * The API's field errors placed on the form's fields (`events.AddToCart` belongs to the events
 * group). Keys the form has no field for are returned apart, so they are shown rather than lost.
 */
export function placeFieldErrors(errors: Record<string, string>): { fields: Partial<Record<FormField, string>>; other: string[] } {
  const fields: Partial<Record<FormField, string>> = {};
  const other: string[] = [];
  for (const [key, message] of Object.entries(errors)) {
    const field = (key.startsWith('events.') ? 'events' : key) as FormField;
    if (FORM_FIELDS.includes(field)) fields[field] = fields[field] ? `${fields[field]} ${message}` : message;
    else other.push(message);
  }
  return { fields, other };
}

const FORM_FIELDS: readonly FormField[] = ['pixelId', 'accessToken', 'testEventCode', 'purchaseTrigger', 'events', 'limitedDataUse', 'noConsentSignal'];

/** What the access token field says about the saved token: never the token itself. */
export function savedTokenHint(settings: Settings): string {
  if (!settings.accessTokenSet) return 'Generate it in Events Manager: your pixel, Settings, Conversions API, Generate access token.';
  const ending = settings.accessTokenLast4 ? `, ending in ${settings.accessTokenLast4}` : '';
  return `Set${ending}. Paste a new token to replace it; the saved one is never shown.`;
}

export const PURCHASE_TRIGGER_LABELS: Record<PurchaseTrigger, string> = {
  order_created: 'Order created',
  order_paid: 'Order paid',
};

export const PURCHASE_TRIGGER_HELP: Record<PurchaseTrigger, string> = {
  order_created: 'Sent as soon as the customer completes checkout, paid or not.',
  order_paid: 'Sent once payment is captured: orders paid later (bank transfer, cash on delivery) count when they are paid.',
};

/** One line per switch on what turning it on sends. */
export const EVENT_DESCRIPTIONS: Record<ToggleableEvent, string> = {
  Purchase: 'One Purchase per order, with its value, currency and products.',
  InitiateCheckout: 'One InitiateCheckout when a customer starts a checkout.',
  AddToCart: 'One AddToCart for each product added to a cart (or whose quantity goes up).',
  ViewContent: 'One ViewContent for each product page a shopper views; only the storefront pixel reports these.',
  AddPaymentInfo: 'One AddPaymentInfo when a shopper submits payment details in checkout; only the storefront pixel reports these.',
};
