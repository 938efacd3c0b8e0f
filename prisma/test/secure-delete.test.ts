/**
 * A redaction leaves nothing readable in the SQLite files: the deleted rows' bytes are zeroed
 * (secure_delete) and the write-ahead log that held them is checkpointed and emptied.
 */
import fs from 'node:fs';
import { newEvent, serverEvent, T0 } from '@capi-relay/core/testing';
import { createTestDatabase, type TestDatabase } from './databases';

const IP = '203.0.113.77';
const USER_AGENT = 'Mozilla/5.0 (RedactedBrowser-7Q2)';

function fileText(filePath: string): string {
  return [filePath, `${filePath}-wal`]
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file).toString('latin1'))
    .join('');
}

describe('sqlite redaction on disk', () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
  });
  afterAll(() => handle.drop());

  it("leaves no byte of a redacted guest's IP and user agent in the database file or its log", async () => {
    const { db, filePath } = handle;
    const store = await db.stores.ensureStore('shopify', 'acme.myshopify.com');
    const pixel = await db.pixels.upsertForStore(store.id, { pixelId: '123456789012345', accessTokenCiphertext: 'v1:x' });
    const payload = serverEvent('Purchase', 'purchase-1', T0);
    payload.user_data = { ...payload.user_data, client_ip_address: IP, client_user_agent: USER_AGENT };
    await db.outbox.record(null, [newEvent(store.id, pixel.id, 1, { sourceId: 'order-1', cartToken: 'cart-1', payload })], {
      cartState: { storeId: store.id, cartToken: 'cart-1', lines: [], browser: { ipAddress: IP, userAgent: USER_AGENT }, updatedAt: T0 },
    });
    expect(fileText(filePath!)).toContain(USER_AGENT);

    expect(await db.outbox.deleteCustomerData(store.id, { sourceIds: ['order-1'] })).toEqual({ events: 1, carts: 1 });
    await db.scrubDeletedContent();

    const onDisk = fileText(filePath!);
    expect(onDisk).not.toContain(IP);
    expect(onDisk).not.toContain(USER_AGENT);
  });
});
