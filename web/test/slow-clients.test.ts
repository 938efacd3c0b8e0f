/**
 * Slow-loris senders: a webhook body trickling in, or a connection that sends part of a body and
 * stops, is cut off at the request deadline (408 and closed) instead of holding its buffer for as
 * long as it likes, and other clients are answered meanwhile.
 */
import net from 'node:net';

import { forEachDatabase } from '../../prisma/test/databases';
import { SHOP_A } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/** Opens a raw connection that announces a body and sends only its first bytes; resolves with what the server wrote before closing. */
function stalledDelivery(baseUrl: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.write(
      [
        'POST /api/webhooks HTTP/1.1',
        `Host: ${hostname}`,
        'Content-Type: application/json',
        'Content-Length: 4000000',
        'X-Shopify-Topic: orders/create',
        `X-Shopify-Shop-Domain: ${SHOP_A}`,
        '',
        '{"id": 1, "padding": "',
      ].join('\r\n'),
    );
  });
}

forEachDatabase((t) => {
  const harness = useTestApp(t, { REQUEST_TIMEOUT_MS: '1000', IDLE_TIMEOUT_MS: '1000' });

  it('answers 408 and closes a body that stopped arriving, while other requests are answered', async () => {
    const address = harness().app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the test app has no TCP address');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const stalled = stalledDelivery(baseUrl);
    const meanwhile = await harness().request('GET', '/api/health');
    expect(meanwhile.statusCode).toBe(200);
    expect(await stalled).toMatch(/^HTTP\/1\.1 408/);
  });
});
