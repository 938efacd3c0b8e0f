import { fbclidFromLandingSite, normalizeCartToken, noteAttribute } from './storefront-context';

describe('fbclidFromLandingSite', () => {
  it('takes the click id verbatim from a landing path or URL', () => {
    expect(fbclidFromLandingSite('/products/x?utm_source=fb&fbclid=IwAR2x_AbC-9&utm_medium=paid')).toBe('IwAR2x_AbC-9');
    expect(fbclidFromLandingSite('https://shop.example.com/?fbclid=IwAR%2FZ#top')).toBe('IwAR%2FZ');
  });

  it('finds nothing when there is no click id', () => {
    expect(fbclidFromLandingSite('/products/x?notfbclid=1&xfbclid=2')).toBeUndefined();
    expect(fbclidFromLandingSite('/products/x?fbclid=')).toBeUndefined();
    expect(fbclidFromLandingSite('/products/x#fbclid=IwAR')).toBeUndefined();
    expect(fbclidFromLandingSite(undefined)).toBeUndefined();
  });
});

describe('noteAttribute', () => {
  it('reads a named attribute from the list form and the object form', () => {
    expect(noteAttribute([{ name: '_fbc', value: 'fb.1.1.x' }, { name: '_fbp', value: 'fb.1.2.3' }], '_fbp')).toBe('fb.1.2.3');
    expect(noteAttribute({ _fbp: 'fb.1.2.3' }, '_fbp')).toBe('fb.1.2.3');
    expect(noteAttribute([{ name: '_fbp', value: '' }], '_fbp')).toBeUndefined();
    expect(noteAttribute(null, '_fbp')).toBeUndefined();
  });
});

describe('normalizeCartToken', () => {
  it('reduces every known token form to the bare token and drops the secret key', () => {
    expect(normalizeCartToken('c1-7a2abe82733a34e84aa472d57fb5c3c1')).toBe('c1-7a2abe82733a34e84aa472d57fb5c3c1');
    expect(normalizeCartToken('c1-7a2abe?key=s3cret')).toBe('c1-7a2abe');
    expect(normalizeCartToken('gid://shopify/Cart/c1-7a2abe?key=s3cret')).toBe('c1-7a2abe');
    expect(normalizeCartToken(' ')).toBeUndefined();
  });
});
