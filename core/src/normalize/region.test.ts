import { normalizeState } from './region';
import { STATE_CODES } from './state-codes';

describe('normalizeState', () => {
  test.each([
    ['US name to code', 'California', 'us', 'ca'],
    ['US code kept', ' TX ', 'us', 'tx'],
    ['punctuated code', 'N.Y.', 'us', 'ny'],
    ['district', 'Washington, D.C.', 'us', 'dc'],
    ['territory', 'Puerto Rico', 'us', 'pr'],
    ['ISO 3166-2 code', 'US-CA', 'us', 'ca'],
    ['Canadian province, accent ignored for lookup', 'Québec', 'ca', 'qc'],
    ['Australian state', 'New South Wales', 'au', 'nsw'],
    ['no country: US names still mapped', 'New York', undefined, 'ny'],
    ['no country: Australian names still mapped', 'Victoria', undefined, 'vic'],
    ['elsewhere: lowercase without punctuation or spaces', 'Île-de-France', 'fr', 'îledefrance'],
    ['elsewhere: a US name is not turned into a code', 'Georgia', 'ge', 'georgia'],
    ['elsewhere: ISO 3166-2 form is plain text', 'US-CA', 'de', 'usca'],
    ['no country, unknown name: plain text', 'Tamil Nadu', undefined, 'tamilnadu'],
  ])('%s', (_name, input, country, expected) => {
    expect(normalizeState(input, country)).toEqual({ value: expected });
  });

  test.each([
    ['unknown US state', 'Calfornia', 'us', 'state is not a US state name or code'],
    ['province of another country under CA', 'Bayern', 'ca', 'state is not a Canadian province or territory name or code'],
    ['ISO code of a different table', 'CA-QC', 'us', 'state is not a US state name or code'],
    ['no letters', '--', 'de', 'state has no letters'],
  ])('drops %s', (_name, input, country, reason) => {
    expect(normalizeState(input, country)).toEqual({ value: null, reason });
  });

  test('names never collide across the US, Canadian and Australian tables', () => {
    const names = Object.values(STATE_CODES).flatMap((table) => Object.keys(table));
    expect(new Set(names).size).toBe(names.length);
  });
});
