import { validateSettingsInput } from './validate-settings-input';

const TOKEN = `EAAB${'x1Y2z3'.repeat(30)}`;

function errorsOf(input: unknown): Record<string, string> {
  const result = validateSettingsInput(input);
  if (result.ok) throw new Error(`expected errors for ${JSON.stringify(input)}`);
  return result.errors;
}

describe('validateSettingsInput', () => {
  it('accepts a complete valid form, trimming text fields', () => {
    const result = validateSettingsInput({
      pixelId: ' 1234567890123456 ',
      accessToken: `  ${TOKEN}\n`,
      testEventCode: 'TEST12345',
      purchaseTrigger: 'order_paid',
      events: { AddToCart: false },
      enabled: true,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        pixelId: '1234567890123456',
        accessToken: TOKEN,
        testEventCode: 'TEST12345',
        purchaseTrigger: 'order_paid',
        events: { AddToCart: false },
        enabled: true,
      },
    });
  });

  it('treats absent fields as "keep" and null or empty text as "clear"', () => {
    expect(validateSettingsInput({})).toEqual({ ok: true, value: {} });
    expect(validateSettingsInput({ pixelId: '', testEventCode: null, accessToken: null })).toEqual({
      ok: true,
      value: { pixelId: null, testEventCode: null, accessToken: null },
    });
  });

  it.each(['12345678901234', '12345678901234567', '1234567890abcde', '123 456 789 012 345', 'act_123456789012345'])(
    'refuses pixel id %j with a pointer to Events Manager',
    (pixelId) => {
      expect(errorsOf({ pixelId }).pixelId).toMatch(/15- or 16-digit number shown in Meta Events Manager/);
    },
  );

  it('accepts 15- and 16-digit pixel ids', () => {
    expect(validateSettingsInput({ pixelId: '123456789012345' }).ok).toBe(true);
    expect(validateSettingsInput({ pixelId: '1234567890123456' }).ok).toBe(true);
  });

  it.each([
    ['an empty string', '', /Paste the Conversions API access token/],
    ['whitespace inside', `${TOKEN.slice(0, 40)} ${TOKEN.slice(40)}`, /cannot contain spaces/],
    ['a line break inside', `${TOKEN.slice(0, 40)}\n${TOKEN.slice(40)}`, /cannot contain spaces/],
    ['non-ASCII characters', `${TOKEN}é`, /accented characters/],
    ['a truncated token', 'EAAB123', /does not look like a complete access token \(7 characters\)/],
    ['a number', 12345, /Paste the Conversions API access token/],
  ])('refuses an access token that is %s', (_case, accessToken, message) => {
    expect(errorsOf({ accessToken }).accessToken).toMatch(message);
  });

  it.each(['test123', 'TEST', 'CODE12345', 'TEST 123', 'TEST-123'])('refuses test event code %j', (testEventCode) => {
    expect(errorsOf({ testEventCode }).testEventCode).toMatch(/e\.g\. TEST12345/);
  });

  it('refuses an unknown purchase trigger, listing the choices', () => {
    expect(errorsOf({ purchaseTrigger: 'order_fulfilled' }).purchaseTrigger).toBe('Choose when a Purchase is sent: "order_created" or "order_paid".');
  });

  it('refuses unknown events, non-boolean switches and a non-object events field', () => {
    expect(errorsOf({ events: { Lead: true, Purchase: 'yes' } })).toEqual({
      'events.Lead': '"Lead" cannot be switched; the events are Purchase, InitiateCheckout, AddToCart, ViewContent, AddPaymentInfo.',
      'events.Purchase': 'Use true or false.',
    });
    expect(errorsOf({ events: ['Purchase'] }).events).toMatch(/as an object/);
  });

  it('accepts each policy for events without a consent signal, and null to return to the region default', () => {
    for (const noConsentSignal of ['send', 'limited_data_use', 'keep', null]) {
      expect(validateSettingsInput({ noConsentSignal })).toEqual({ ok: true, value: { noConsentSignal } });
    }
    expect(errorsOf({ noConsentSignal: 'ask' }).noConsentSignal).toMatch(/"send", "limited_data_use" \(sent with Limited Data Use\), "keep" \(not sent\), or null/);
    expect(errorsOf({ noConsentSignal: false }).noConsentSignal).toMatch(/without a consent signal/);
  });

  it('refuses a non-boolean enabled flag, unknown fields and non-object bodies', () => {
    expect(errorsOf({ enabled: 'true' }).enabled).toBe('Use true or false.');
    expect(errorsOf({ pixelID: '123456789012345' })).toEqual({ pixelID: '"pixelID" is not a setting.' });
    expect(errorsOf(null)).toEqual({ body: 'Send the settings as a JSON object.' });
    expect(errorsOf([])).toEqual({ body: 'Send the settings as a JSON object.' });
  });

  it('reports every invalid field at once', () => {
    expect(Object.keys(errorsOf({ pixelId: 'x', accessToken: '', testEventCode: 'nope', enabled: 1 })).sort()).toEqual([
      'accessToken',
      'enabled',
      'pixelId',
      'testEventCode',
    ]);
  });
});
