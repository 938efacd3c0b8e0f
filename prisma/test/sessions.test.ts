import { createSecretBox, generateSecretBoxKey, SecretBoxError } from '@capi-relay/core';
import type { SessionRecord } from '../src';
import { forEachDatabase } from './databases';

const ACCESS_TOKEN = 'shpat_0123456789abcdef0123456789abcdef';
const REFRESH_TOKEN = 'shprt_fedcba9876543210fedcba9876543210';

const offline: SessionRecord = {
  id: 'offline_acme.myshopify.com',
  shop: 'acme.myshopify.com',
  state: 'state-1',
  isOnline: false,
  scope: 'read_orders,write_pixels',
  expires: new Date('2026-03-01T13:00:00.000Z'),
  accessToken: ACCESS_TOKEN,
  refreshToken: REFRESH_TOKEN,
  refreshTokenExpires: new Date('2026-05-01T12:00:00.000Z'),
};

const online: SessionRecord = {
  id: 'acme.myshopify.com_9007199254740993',
  shop: 'acme.myshopify.com',
  state: 'state-2',
  isOnline: true,
  accessToken: 'online-token-value-0001',
  userId: '9007199254740993',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  accountOwner: true,
  locale: 'en',
  collaborator: false,
  emailVerified: true,
};

forEachDatabase((t) => {
  const secretBox = createSecretBox(generateSecretBoxKey());
  beforeEach(() => t.reset());

  it('stores and loads sessions with Shopify’s fields, leaving absent fields out', async () => {
    const sessions = t.db().createSessionStore(secretBox);
    expect(await sessions.storeSession(offline)).toBe(true);
    expect(await sessions.storeSession(online)).toBe(true);
    expect(await sessions.loadSession(offline.id)).toEqual(offline);
    // The user id exceeds 2^53: kept exact as a decimal string.
    expect(await sessions.loadSession(online.id)).toEqual(online);
    expect(await sessions.loadSession('missing')).toBeUndefined();
  });

  it('replaces a stored session and finds sessions by shop', async () => {
    const sessions = t.db().createSessionStore(secretBox);
    await sessions.storeSession(offline);
    await sessions.storeSession({ ...offline, accessToken: 'shpat_rotated_token', scope: 'read_orders' });
    await sessions.storeSession({ ...online, shop: 'other.myshopify.com', id: 'other_1' });
    const found = await sessions.findSessionsByShop('acme.myshopify.com');
    expect(found).toEqual([{ ...offline, accessToken: 'shpat_rotated_token', scope: 'read_orders' }]);
  });

  it('deletes one or several sessions, and answers true for ids it does not know', async () => {
    const sessions = t.db().createSessionStore(secretBox);
    await sessions.storeSession(offline);
    await sessions.storeSession(online);
    await sessions.storeSession({ ...online, id: 'third' });
    expect(await sessions.deleteSession(offline.id)).toBe(true);
    expect(await sessions.deleteSession('missing')).toBe(true);
    expect(await sessions.deleteSessions([online.id, 'third'])).toBe(true);
    expect(await sessions.findSessionsByShop('acme.myshopify.com')).toEqual([]);
  });

  it('deletes a shop\'s sessions by shop without opening them, even sealed under another key', async () => {
    const db = t.db();
    await db.createSessionStore(createSecretBox(generateSecretBoxKey())).storeSession(offline);
    await db.createSessionStore(secretBox).storeSession({ ...online, shop: 'other.myshopify.com', id: 'other_1' });
    const current = db.createSessionStore(secretBox);
    await expect(current.findSessionsByShop(offline.shop)).rejects.toBeInstanceOf(SecretBoxError);
    expect(await current.deleteSessionsByShop(offline.shop)).toBe(1);
    expect(await current.deleteSessionsByShop(offline.shop)).toBe(0);
    expect(await db.client.session.count()).toBe(1);
  });

  it('keeps tokens encrypted at rest, bound to their session', async () => {
    const db = t.db();
    const sessions = db.createSessionStore(secretBox);
    await sessions.storeSession(offline);
    const [row] = await db.client.$queryRawUnsafe<{ accessToken: string; refreshToken: string }[]>(
      'SELECT "accessToken", "refreshToken" FROM "Session" WHERE "id" = $1'.replace('$1', t.provider === 'sqlite' ? '?' : '$1'),
      offline.id,
    );
    expect(row?.accessToken).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(ACCESS_TOKEN);
    expect(JSON.stringify(row)).not.toContain(REFRESH_TOKEN);

    // A ciphertext moved to another session cannot be opened there.
    await sessions.storeSession({ ...offline, id: 'moved', accessToken: undefined, refreshToken: undefined });
    await db.client.session.update({ where: { id: 'moved' }, data: { accessToken: row!.accessToken } });
    await expect(sessions.loadSession('moved')).rejects.toThrow(SecretBoxError);
  });
});
