import { browserContextOf, readCookie } from './request-browser-context';

const NOW = new Date('2026-03-10T09:15:00Z');

describe('browserContextOf', () => {
  it('reads the IP, user agent, Meta cookies, page and click id a request carries', () => {
    const context = browserContextOf(
      {
        ip: '203.0.113.7',
        headers: {
          'user-agent': 'Mozilla/5.0',
          cookie: 'session=1; _fbp=fb.1.1700000000000.42; _fbc=fb.1.1700000000000.IwAR%2Dx',
          referer: 'https://shop.example.com/products/shirt?fbclid=IwAR-x',
        },
      },
      NOW,
    );
    expect(context).toEqual({
      ipAddress: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
      fbp: 'fb.1.1700000000000.42',
      fbc: 'fb.1.1700000000000.IwAR-x',
      pageUrl: 'https://shop.example.com/products/shirt?fbclid=IwAR-x',
      fbclid: 'IwAR-x',
      fbclidSeenAt: NOW,
    });
  });

  it('prefers the page the storefront names and leaves out what the request lacks', () => {
    expect(browserContextOf({ headers: { referer: 'https://shop.example.com/cart' } }, NOW, 'https://shop.example.com/checkout')).toEqual({
      pageUrl: 'https://shop.example.com/checkout',
    });
    expect(browserContextOf({ headers: { referer: 'not a url' } }, NOW, 'javascript:alert(1)')).toEqual({});
  });
});

describe('readCookie', () => {
  it('finds a cookie by exact name', () => {
    expect(readCookie('x_fbp=1; _fbp=2', '_fbp')).toBe('2');
    expect(readCookie(undefined, '_fbp')).toBeUndefined();
    expect(readCookie('_fbp=', '_fbp')).toBeUndefined();
  });
});
