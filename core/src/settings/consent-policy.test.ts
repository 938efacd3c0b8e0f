import { consentRegionOf, hasConsentSignal, noSignalDecision, noSignalDefault } from './consent-policy';

describe('consent policy for events without a signal', () => {
  it.each([
    ['DE', 'eea_uk_ch'],
    ['fr', 'eea_uk_ch'],
    ['RE', 'eea_uk_ch'],
    ['NO', 'eea_uk_ch'],
    ['IS', 'eea_uk_ch'],
    ['GB', 'eea_uk_ch'],
    ['CH', 'eea_uk_ch'],
    ['US', 'us'],
    [' us ', 'us'],
    ['CA', 'other'],
    ['AU', 'other'],
    ['TR', 'other'],
    [null, 'unknown'],
    ['', 'unknown'],
    ['Germany', 'unknown'],
    ['D1', 'unknown'],
  ] as const)('puts country %j in region %s', (country, region) => {
    expect(consentRegionOf(country)).toBe(region);
  });

  it('defaults by region and names the country it rests on', () => {
    expect(noSignalDefault('ch')).toEqual({ policy: 'keep', region: 'eea_uk_ch', country: 'CH' });
    expect(noSignalDefault('US')).toEqual({ policy: 'limited_data_use', region: 'us', country: 'US' });
    expect(noSignalDefault('JP')).toEqual({ policy: 'send', region: 'other', country: 'JP' });
    expect(noSignalDefault(undefined)).toEqual({ policy: 'send', region: 'unknown', country: null });
  });

  it("puts the merchant's choice over the default and says whose it is", () => {
    expect(noSignalDecision(null, 'DE')).toEqual({ policy: 'keep', region: 'eea_uk_ch', country: 'DE', chosen: false });
    expect(noSignalDecision('send', 'DE')).toEqual({ policy: 'send', region: 'eea_uk_ch', country: 'DE', chosen: true });
  });

  it('counts either consent flag as a signal, and nothing else', () => {
    expect(hasConsentSignal(undefined)).toBe(false);
    expect(hasConsentSignal({})).toBe(false);
    expect(hasConsentSignal({ marketing: false })).toBe(true);
    expect(hasConsentSignal({ saleOfData: true })).toBe(true);
  });
});
