/** app/scopes_update keeps the stored offline session's scope current (what /api/health reports). */
import { forEachDatabase } from '../../prisma/test/databases';
import { SHOP_A } from './support/test-app';
import { useTestApp } from './support/use-test-app';

forEachDatabase((t) => {
  const harness = useTestApp(t);

  it('updates the offline session scope to the granted list, and ignores a shop without a session', async () => {
    await harness().admin(SHOP_A, 'GET', '/api/settings');
    await harness().webPixels.saved(SHOP_A);
    const body = JSON.stringify({ id: 548380009, previous: ['read_orders'], current: ['read_orders', 'write_pixels', 'read_customer_events'], updated_at: new Date().toISOString() });
    expect((await harness().deliver('app/scopes_update', body)).statusCode).toBe(200);
    const session = await harness().runtime.services.sessions.loadSession(`offline_${SHOP_A}`);
    expect(session?.scope).toBe('read_orders,write_pixels,read_customer_events');

    expect((await harness().deliver('app/scopes_update', body, { shop: 'never-opened.myshopify.com' })).statusCode).toBe(200);
    expect(harness().logs).toContainEqual(expect.objectContaining({ topic: 'app/scopes_update', action: 'ignored' }));
  });
});
