import { countryName, noSignalHelp, noSignalOptions } from './consent-view';
import { savedSettings } from './__tests__/saved-settings';

const settings = savedSettings;

describe('consent controls in words', () => {
  it('names the region default first by what it does', () => {
    expect(noSignalOptions(settings())).toEqual([
      { value: 'default', label: 'Default: Keep, do not send' },
      { value: 'send', label: 'Send' },
      { value: 'limited_data_use', label: 'Send with Limited Data Use' },
      { value: 'keep', label: 'Keep, do not send' },
    ]);
    const unknown = settings({ noConsentSignalDefault: { policy: 'send', region: 'unknown', country: null } });
    expect(noSignalOptions(unknown)[0]?.label).toBe('Default: Send');
    expect(noSignalHelp(unknown, 'default')).toContain('The default for a shop whose country is unknown, because no region rule can be chosen without it. If your business is in the EEA, the UK or Switzerland, choose Keep.');
  });

  it('explains why the default is what it is, and what a choice does instead', () => {
    expect(noSignalHelp(settings(), 'default')).toContain('The default for your shop’s country (Germany), because the EEA, the UK and Switzerland ask for consent before marketing tracking');
    const american = settings({ noConsentSignalDefault: { policy: 'limited_data_use', region: 'us', country: 'US' } });
    expect(noSignalHelp(american, 'default')).toMatch(/Limited Data Use flag.*your shop’s country \(United States\), because a US shopper who opted out/);
    expect(noSignalHelp(settings(), 'send')).toContain('Sent to Meta as any other event.');
    expect(noSignalHelp(settings(), 'send')).not.toContain('because');
  });

  it('falls back to the code for a country the browser cannot name', () => {
    expect(countryName('FR')).toBe('France');
    expect(countryName('not a code')).toBe('not a code');
  });
});
