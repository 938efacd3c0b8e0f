import { createMemoryPixelConfigStore } from '../settings/memory-pixel-config-store';
import { MemoryOutboxStore } from './memory/memory-outbox-store';
import { saveBrowserReport } from './save-browser-report';

function setup() {
  const outbox = new MemoryOutboxStore({ pixels: createMemoryPixelConfigStore() });
  return { outbox, carts: outbox.carts, storeId: outbox.addStore() };
}

describe('saveBrowserReport', () => {
  it('files a report under its cart, found later by the checkout it led to', async () => {
    const { carts, storeId } = setup();
    expect(await saveBrowserReport(carts, storeId, { cartToken: 'c1-abc', checkoutToken: 'chk-1' }, { userAgent: 'Mozilla/5.0' })).toBe(true);
    expect(await carts.findByTokens(storeId, { checkoutToken: 'chk-1' })).toMatchObject({ cartToken: 'c1-abc', browser: { userAgent: 'Mozilla/5.0' } });
  });

  it('joins a checkout-only report to the cart that led to the checkout', async () => {
    const { carts, storeId } = setup();
    await saveBrowserReport(carts, storeId, { cartToken: 'c1-abc', checkoutToken: 'chk-1' }, { fbp: 'fb.1.1700000000000.42' });
    await saveBrowserReport(carts, storeId, { checkoutToken: 'chk-1' }, { userAgent: 'Mozilla/5.0' });
    expect(await carts.get(storeId, 'c1-abc')).toMatchObject({ browser: { fbp: 'fb.1.1700000000000.42', userAgent: 'Mozilla/5.0' } });
    expect(await carts.get(storeId, 'checkout:chk-1')).toBeNull();
  });

  it('keeps a checkout the pixel saw no cart for under the checkout, and files nothing without a token', async () => {
    const { carts, storeId } = setup();
    await saveBrowserReport(carts, storeId, { checkoutToken: 'chk-2' }, { userAgent: 'Mozilla/5.0' });
    expect(await carts.findByTokens(storeId, { cartToken: 'unknown', checkoutToken: 'chk-2' })).toMatchObject({ browser: { userAgent: 'Mozilla/5.0' } });
    expect(await saveBrowserReport(carts, storeId, {}, { userAgent: 'Mozilla/5.0' })).toBe(false);
  });
});
