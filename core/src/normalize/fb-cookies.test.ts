import { normalizeFbc, normalizeFbp } from './fb-cookies';

describe('normalizeFbc', () => {
  test.each([
    ['mixed-case click id kept as is', 'fb.1.1554763741205.AbCdEfGhIjKlMnOp'],
    ['a real-looking fbclid with _ and -', 'fb.1.1554763741205.IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk'],
    ['subdomain index 0', 'fb.0.1554763741205.AbC'],
    ['subdomain index 2', 'fb.2.1700000000000.AbC'],
    ['five parts with a Parameter Builder appendix', 'fb.1.1554763741205.AbCdEf.XyZ12345'],
    ['a two-character appendix', 'fb.1.1554763741205.AbCdEf.Ab'],
  ])('keeps %s', (_name, input) => {
    expect(normalizeFbc(` ${input} `)).toEqual({ value: input });
  });

  const SHAPE = 'fbc is not shaped fb.<subdomain index>.<creation time in ms>.<click id>';
  test.each([
    ['missing click id', 'fb.1.1554763741205.', SHAPE],
    ['uppercased prefix', 'FB.1.1554763741205.AbCd', SHAPE],
    ['another version', 'fc.1.1554763741205.AbCd', SHAPE],
    ['a bare click id', 'IwAR2xYz', SHAPE],
    ['three parts', 'fb.1.1554763741205', SHAPE],
    ['six parts', 'fb.1.1554763741205.AbC.XyZ.More', SHAPE],
    ['a letter as subdomain index', 'fb.x.1554763741205.AbCd', 'fbc subdomain index is not a small whole number'],
    ['an empty subdomain index', 'fb..1554763741205.AbCd', 'fbc subdomain index is not a small whole number'],
    ['a negative subdomain index', 'fb.-1.1554763741205.AbCd', 'fbc subdomain index is not a small whole number'],
    ['a huge subdomain index', 'fb.12345.1554763741205.AbCd', 'fbc subdomain index is not a small whole number'],
    ['a creation time in seconds', 'fb.1.1554763741.AbCd', 'fbc creation time is not Unix milliseconds (it looks like seconds)'],
    ['a creation time in microseconds', 'fb.1.1554763741205123.AbCd', 'fbc creation time is not Unix milliseconds'],
    ['a non-numeric creation time', 'fb.1.yesterday.AbCd', 'fbc creation time is not Unix milliseconds'],
    ['a fractional creation time', 'fb.1.1554763741,205.AbCd', 'fbc creation time is not Unix milliseconds'],
    ['a click id with a space', 'fb.1.1554763741205.Ab Cd', 'fbc click id has characters a click id never has'],
    ['a click id with markup', 'fb.1.1554763741205.<script>', 'fbc click id has characters a click id never has'],
    ['a URL-encoded click id', 'fb.1.1554763741205.Ab%3DCd', 'fbc click id has characters a click id never has'],
    ['an appendix too long', 'fb.1.1554763741205.AbCd.ABCDEFGHIJ', 'fbc ends with a part that is not a Parameter Builder appendix'],
    ['an appendix with a symbol', 'fb.1.1554763741205.AbCd.Ab-C', 'fbc ends with a part that is not a Parameter Builder appendix'],
  ])('drops fbc with %s', (_name, input, reason) => {
    expect(normalizeFbc(input)).toEqual({ value: null, reason });
  });
});

describe('normalizeFbp', () => {
  test.each([
    ['a Pixel browser id', 'fb.1.1596403881668.1116446470'],
    ['a short random number', 'fb.2.1596403881668.42'],
    ['with a Parameter Builder appendix', 'fb.1.1596403881668.1116446470.AbCdEfGh'],
  ])('keeps %s', (_name, input) => {
    expect(normalizeFbp(input)).toEqual({ value: input });
  });

  test.each([
    ['a bare number', '1116446470', 'fbp is not shaped fb.<subdomain index>.<creation time in ms>.<random number>'],
    ['a creation time in seconds', 'fb.1.1596403881.1116446470', 'fbp creation time is not Unix milliseconds (it looks like seconds)'],
    ['a random part with letters', 'fb.1.1596403881668.abc123', 'fbp random part is not a number'],
    ['a random part with a dash', 'fb.1.1596403881668.-5', 'fbp random part is not a number'],
    ['a UUID as random part', 'fb.1.1596403881668.550e8400-e29b-41d4', 'fbp random part is not a number'],
    ['a subdomain index in words', 'fb.one.1596403881668.1116446470', 'fbp subdomain index is not a small whole number'],
  ])('drops fbp with %s', (_name, input, reason) => {
    expect(normalizeFbp(input)).toEqual({ value: null, reason });
  });
});
