import { formFromSettings, hasUnsavedChanges, placeFieldErrors, savedTokenHint, settingsUpdate } from './settings-form';
import { savedSettings } from './__tests__/saved-settings';
import type { Settings } from './types';

const saved = savedSettings({ accessTokenLast4: 'x9Yz', testEventCode: 'TEST123' });

describe('settings form rules', () => {
  it('starts from the saved settings with an empty token field, and has nothing to save', () => {
    const form = formFromSettings(saved);
    expect(form).toEqual({
      pixelId: '123456789012345',
      accessToken: '',
      testEventCode: 'TEST123',
      purchaseTrigger: 'order_created',
      events: saved.events,
      limitedDataUse: 'off',
      noConsentSignal: 'default',
    });
    expect(settingsUpdate(form, saved)).toEqual({});
    expect(hasUnsavedChanges(form, saved)).toBe(false);
  });

  it('sends only what changed: trimmed text, cleared fields as null, the switched event alone', () => {
    const form = { ...formFromSettings(saved), pixelId: ' 1234567890123456 ', testEventCode: '  ', purchaseTrigger: 'order_paid' as const };
    form.events = { ...form.events, AddToCart: false };
    expect(settingsUpdate(form, saved)).toEqual({ pixelId: '1234567890123456', testEventCode: null, purchaseTrigger: 'order_paid', events: { AddToCart: false } });
    expect(hasUnsavedChanges(form, saved)).toBe(true);
  });

  it('sends the browser-only switches, Limited Data Use and the consent choice when they change; the region default as null', () => {
    const form = { ...formFromSettings(saved), limitedDataUse: 'geolocate' as const, noConsentSignal: 'send' as const };
    form.events = { ...form.events, ViewContent: false, AddPaymentInfo: false };
    expect(settingsUpdate(form, saved)).toEqual({ events: { ViewContent: false, AddPaymentInfo: false }, limitedDataUse: 'geolocate', noConsentSignal: 'send' });
    const chosen: Settings = { ...saved, noConsentSignal: 'send' };
    expect(settingsUpdate(formFromSettings(chosen), chosen)).toEqual({});
    expect(settingsUpdate({ ...formFromSettings(chosen), noConsentSignal: 'default' }, chosen)).toEqual({ noConsentSignal: null });
  });

  it('sends a token only when one is typed, trimmed; whitespace alone keeps the saved one', () => {
    expect(settingsUpdate({ ...formFromSettings(saved), accessToken: '  EAAB-new  ' }, saved)).toEqual({ accessToken: 'EAAB-new' });
    expect(settingsUpdate({ ...formFromSettings(saved), accessToken: '   ' }, saved)).toEqual({});
  });

  it('puts the API\'s errors on their fields and keeps the rest to show apart', () => {
    expect(
      placeFieldErrors({ pixelId: 'bad pixel', 'events.Purchase': 'Use true or false.', 'events.Lead': '"Lead" cannot be switched.', noConsentSignal: 'Choose one.', body: 'Send JSON.' }),
    ).toEqual({ fields: { pixelId: 'bad pixel', events: 'Use true or false. "Lead" cannot be switched.', noConsentSignal: 'Choose one.' }, other: ['Send JSON.'] });
  });

  it('describes the saved token by its last four characters only', () => {
    expect(savedTokenHint(saved)).toBe('Set, ending in x9Yz. Paste a new token to replace it; the saved one is never shown.');
    expect(savedTokenHint({ ...saved, accessTokenSet: false, accessTokenLast4: null })).toContain('Generate access token');
  });
});
