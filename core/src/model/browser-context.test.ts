import { mergeBrowserContext } from './browser-context';

describe('mergeBrowserContext', () => {
  const stored = { ipAddress: '203.0.113.9', userAgent: 'Mozilla/5.0 (stored)', fbp: 'fb.1.1596403881668.1116446470' };

  it('lets the newer sighting win key by key and keeps what it does not carry', () => {
    expect(mergeBrowserContext(stored, { userAgent: 'Mozilla/5.0 (payload)', pageUrl: 'https://shop.example.com/x' })).toEqual({
      ipAddress: '203.0.113.9',
      userAgent: 'Mozilla/5.0 (payload)',
      fbp: 'fb.1.1596403881668.1116446470',
      pageUrl: 'https://shop.example.com/x',
    });
  });

  it('never erases a stored value with an undefined one', () => {
    const merged = mergeBrowserContext(stored, { ipAddress: undefined, fbc: 'fb.1.1554763741205.AbCd' });
    expect(merged).toStrictEqual({ ...stored, fbc: 'fb.1.1554763741205.AbCd' });
  });

  it('returns whichever side exists, without undefined keys', () => {
    expect(mergeBrowserContext(undefined, undefined)).toBeUndefined();
    expect(mergeBrowserContext(stored, undefined)).toEqual(stored);
    expect(mergeBrowserContext(undefined, { userAgent: 'UA', ipAddress: undefined })).toStrictEqual({ userAgent: 'UA' });
  });
});
