import { normalizeIpAddress, normalizeUserAgent } from './plain-fields';

describe('normalizeIpAddress', () => {
  test.each([
    ['IPv4', '168.212.226.204'],
    ['IPv6', '2001:db8::ff00:42:8329'],
    ['IPv4 with a Parameter Builder appendix', '168.212.226.204.AbCdEfGh'],
    ['IPv6 with a Parameter Builder appendix', '2001:db8::1.AbCdEfGh'],
  ])('keeps %s verbatim', (_name, input) => {
    expect(normalizeIpAddress(` ${input} `)).toEqual({ value: input });
  });

  test.each([
    ['a hostname', 'example.com'],
    ['a list of forwarded addresses', '203.0.113.7, 10.0.0.1'],
    ['an out-of-range octet', '256.1.1.1'],
    ['an appendix on a non-address', '1.2.3.AbCdEfGh'],
  ])('drops %s', (_name, input) => {
    expect(normalizeIpAddress(input)).toEqual({ value: null, reason: 'IP address is not a valid IPv4 or IPv6 address' });
  });
});

describe('normalizeUserAgent', () => {
  test('keeps the header value apart from surrounding whitespace', () => {
    expect(normalizeUserAgent(' Mozilla/5.0 (X11; Linux x86_64) ')).toEqual({ value: 'Mozilla/5.0 (X11; Linux x86_64)' });
  });
});
