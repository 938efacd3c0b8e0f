import type { AdminSettings } from './capi-relay-client';
import { formFrom, patchFrom } from './settings-form';

const saved: AdminSettings = {
  pixelId: '123456789012345',
  accessTokenSet: true,
  accessTokenLast4: 'abcd',
  testEventCode: null,
  events: { Purchase: true, InitiateCheckout: true, AddToCart: true, ViewContent: true, AddPaymentInfo: true },
  enabled: true,
  stopped: null,
};

describe('settings form', () => {
  it('starts from the saved settings with an empty token field', () => {
    expect(formFrom(saved)).toEqual({ pixelId: '123456789012345', accessToken: '', testEventCode: '', enabled: true, events: saved.events });
  });

  it('sends only what changed, and the token only when one was typed', () => {
    expect(patchFrom(saved, formFrom(saved))).toEqual({});
    const form = { ...formFrom(saved), accessToken: ' EAAB-new ', testEventCode: 'TEST1', events: { ...saved.events, AddToCart: false } };
    expect(patchFrom(saved, form)).toEqual({ accessToken: 'EAAB-new', testEventCode: 'TEST1', events: { AddToCart: false } });
    expect(patchFrom(saved, { ...formFrom(saved), pixelId: '' })).toEqual({ pixelId: null });
  });
});
