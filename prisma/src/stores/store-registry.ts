/**
 * The shops we serve. A store row is created the first time a shop is seen (install, or a webhook
 * that beat the install) and owns everything else; uninstalling only marks it, and the data goes when
 * the platform asks for it (Shopify's shop/redact) or retention prunes it.
 */
import { randomBytes } from 'node:crypto';
import { retryOnUniqueViolation, type Db, type Prisma } from '../client';

export const PLATFORMS = ['shopify', 'medusa'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface StoreRecord {
  id: string;
  platform: Platform;
  domain: string;
  installedAt: Date;
  uninstalledAt: Date | null;
  /** ISO 3166-1 alpha-2 of the shop's own address, as the platform reported it; null until then. */
  country: string | null;
  /** Set by every change of the row: part of the store's settings version (store-version.ts). */
  updatedAt: Date;
}

export interface StoreRegistry {
  /** The store for this shop, created (installed now) on first sight. Never changes install state. */
  ensureStore(platform: Platform, domain: string): Promise<StoreRecord>;
  /** An install or re-install: creates the store or clears its uninstalled mark. */
  markInstalled(platform: Platform, domain: string, at: Date): Promise<StoreRecord>;
  markUninstalled(storeId: string, at: Date): Promise<void>;
  findStore(platform: Platform, domain: string): Promise<StoreRecord | null>;
  getStore(storeId: string): Promise<StoreRecord | null>;
  /**
   * The key the store's storefront pixel presents (created on first call, then kept): public, since
   * pixel settings are, but it is how /api/pixel knows the shop without trusting the request body.
   */
  pixelKeyFor(storeId: string): Promise<string>;
  findByPixelKey(pixelKey: string): Promise<StoreRecord | null>;
  /** Records the shop's country (upper-cased), or null when the platform no longer says. */
  setCountry(storeId: string, country: string | null): Promise<void>;
}

/** 24 random bytes: unguessable, so a forged post cannot name a shop it does not know the key of. */
function newPixelKey(): string {
  return randomBytes(24).toString('base64url');
}

function toRecord(row: Prisma.StoreGetPayload<object>): StoreRecord {
  return {
    id: row.id,
    platform: row.platform as Platform,
    domain: row.domain,
    installedAt: row.installedAt,
    uninstalledAt: row.uninstalledAt,
    country: row.country,
    updatedAt: row.updatedAt,
  };
}

function assertPlatform(platform: string): asserts platform is Platform {
  if (!(PLATFORMS as readonly string[]).includes(platform)) {
    throw new Error(`Unknown platform "${platform}"; expected one of ${PLATFORMS.join(', ')}.`);
  }
}

export function createStoreRegistry(db: Db): StoreRegistry {
  function upsertStore(platform: Platform, domain: string, at: Date, reinstall: boolean) {
    assertPlatform(platform);
    return retryOnUniqueViolation(() =>
      db.write((tx) =>
        tx.store.upsert({
          where: { platform_domain: { platform, domain } },
          create: { platform, domain, installedAt: at },
          update: reinstall ? { installedAt: at, uninstalledAt: null } : {},
        }),
      ),
    );
  }

  return {
    async ensureStore(platform, domain) {
      assertPlatform(platform);
      // Every webhook comes through here: a read is far cheaper than a write transaction, and the
      // upsert (retried on a unique violation) still settles two first deliveries on one row.
      const existing = await db.client.store.findUnique({ where: { platform_domain: { platform, domain } } });
      return toRecord(existing ?? (await upsertStore(platform, domain, new Date(), false)));
    },

    async markInstalled(platform, domain, at) {
      const existing = await db.client.store.findUnique({ where: { platform_domain: { platform, domain } } });
      // Already installed: keep the original install time.
      if (existing && existing.uninstalledAt === null) return toRecord(existing);
      return toRecord(await upsertStore(platform, domain, at, true));
    },

    async markUninstalled(storeId, at) {
      await db.write((tx) => tx.store.update({ where: { id: storeId }, data: { uninstalledAt: at } }));
    },

    async findStore(platform, domain) {
      const row = await db.client.store.findUnique({ where: { platform_domain: { platform, domain } } });
      return row ? toRecord(row) : null;
    },

    async getStore(storeId) {
      const row = await db.client.store.findUnique({ where: { id: storeId } });
      return row ? toRecord(row) : null;
    },

    async pixelKeyFor(storeId) {
      return db.write(async (tx) => {
        // Only a store without a key gets one, so two first calls agree on the key the first wrote.
        await tx.store.updateMany({ where: { id: storeId, pixelKey: null }, data: { pixelKey: newPixelKey() } });
        const row = await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: { pixelKey: true } });
        return row.pixelKey as string;
      });
    },

    async findByPixelKey(pixelKey) {
      const row = await db.client.store.findUnique({ where: { pixelKey } });
      return row ? toRecord(row) : null;
    },

    async setCountry(storeId, country) {
      const code = country?.trim().toUpperCase() || null;
      if (code !== null && !/^[A-Z]{2}$/.test(code)) throw new RangeError(`"${country}" is not an ISO 3166-1 alpha-2 country code.`);
      await db.write((tx) => tx.store.update({ where: { id: storeId }, data: { country: code } }));
    },
  };
}
