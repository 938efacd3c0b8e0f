/**
 * Shopify session storage with the method names and semantics of @shopify/shopify-api's
 * SessionStorage, over plain records so this package does not depend on Shopify: the web server
 * converts Session <-> SessionRecord. Access and refresh tokens are stored as secret-box ciphertext
 * bound to the session id.
 */
import type { SecretBox } from '@capi-relay/core';
import { retryOnUniqueViolation, type Db, type Prisma } from '../client';

export interface SessionRecord {
  id: string;
  shop: string;
  state: string;
  isOnline: boolean;
  scope?: string;
  expires?: Date;
  accessToken?: string;
  refreshToken?: string;
  refreshTokenExpires?: Date;
  /** Online sessions: the Shopify user (a decimal string: user ids are 64-bit). */
  userId?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  accountOwner?: boolean;
  locale?: string;
  collaborator?: boolean;
  emailVerified?: boolean;
}

export interface SessionStore {
  /** Inserts or replaces the session; true on success, like Shopify's storages. */
  storeSession(session: SessionRecord): Promise<boolean>;
  loadSession(id: string): Promise<SessionRecord | undefined>;
  deleteSession(id: string): Promise<boolean>;
  deleteSessions(ids: string[]): Promise<boolean>;
  findSessionsByShop(shop: string): Promise<SessionRecord[]>;
  /** Sets the granted scopes on every session of the shop (no token is opened); returns how many. */
  setShopScopes(shop: string, scope: string): Promise<number>;
  /**
   * Deletes every session of the shop without opening one: a session sealed under an earlier
   * ENCRYPTION_KEY cannot be read, and must not keep an uninstall or a redaction from deleting it.
   * Returns how many were deleted.
   */
  deleteSessionsByShop(shop: string): Promise<number>;
}

type SessionRow = Prisma.SessionGetPayload<object>;

const tokenContext = (sessionId: string, kind: 'access' | 'refresh') => `session:${sessionId}:${kind}`;

/** Drops nulls so the record has Shopify's optional-field shape. */
function present<T>(value: T | null): T | undefined {
  return value ?? undefined;
}

export function createSessionStore(db: Db, secretBox: SecretBox): SessionStore {
  const seal = (token: string | undefined, id: string, kind: 'access' | 'refresh') =>
    token === undefined ? null : secretBox.encrypt(token, tokenContext(id, kind));
  const open = (sealed: string | null, id: string, kind: 'access' | 'refresh') =>
    sealed === null ? undefined : secretBox.decrypt(sealed, tokenContext(id, kind));

  function toRow(session: SessionRecord): SessionRow {
    return {
      id: session.id,
      shop: session.shop,
      state: session.state,
      isOnline: session.isOnline,
      scope: session.scope ?? null,
      expires: session.expires ?? null,
      accessToken: seal(session.accessToken, session.id, 'access'),
      refreshToken: seal(session.refreshToken, session.id, 'refresh'),
      refreshTokenExpires: session.refreshTokenExpires ?? null,
      userId: session.userId === undefined ? null : BigInt(session.userId),
      firstName: session.firstName ?? null,
      lastName: session.lastName ?? null,
      email: session.email ?? null,
      accountOwner: session.accountOwner ?? null,
      locale: session.locale ?? null,
      collaborator: session.collaborator ?? null,
      emailVerified: session.emailVerified ?? null,
    };
  }

  function toRecord(row: SessionRow): SessionRecord {
    const record: SessionRecord = {
      id: row.id,
      shop: row.shop,
      state: row.state,
      isOnline: row.isOnline,
      scope: present(row.scope),
      expires: present(row.expires),
      accessToken: open(row.accessToken, row.id, 'access'),
      refreshToken: open(row.refreshToken, row.id, 'refresh'),
      refreshTokenExpires: present(row.refreshTokenExpires),
      userId: row.userId === null ? undefined : row.userId.toString(),
      firstName: present(row.firstName),
      lastName: present(row.lastName),
      email: present(row.email),
      accountOwner: present(row.accountOwner),
      locale: present(row.locale),
      collaborator: present(row.collaborator),
      emailVerified: present(row.emailVerified),
    };
    return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as SessionRecord;
  }

  return {
    async storeSession(session) {
      const row = toRow(session);
      await retryOnUniqueViolation(() =>
        db.write((tx) => tx.session.upsert({ where: { id: session.id }, create: row, update: row })),
      );
      return true;
    },

    async loadSession(id) {
      const row = await db.client.session.findUnique({ where: { id } });
      return row ? toRecord(row) : undefined;
    },

    async deleteSession(id) {
      await db.write((tx) => tx.session.deleteMany({ where: { id } }));
      return true;
    },

    async deleteSessions(ids) {
      await db.write((tx) => tx.session.deleteMany({ where: { id: { in: ids } } }));
      return true;
    },

    async setShopScopes(shop, scope) {
      return (await db.write((tx) => tx.session.updateMany({ where: { shop }, data: { scope } }))).count;
    },

    async deleteSessionsByShop(shop) {
      return (await db.write((tx) => tx.session.deleteMany({ where: { shop } }))).count;
    },

    async findSessionsByShop(shop) {
      const rows = await db.client.session.findMany({ where: { shop }, orderBy: { id: 'asc' } });
      return rows.map(toRecord);
    },
  };
}
