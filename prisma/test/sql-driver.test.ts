/**
 * The SQL driver beneath Prisma: what it writes reads back the same through Prisma (timestamps,
 * booleans, nulls), savepoints undo only their own writes, and on SQLite its transactions and
 * Prisma's never interleave on the shared connection.
 */
import { readTime } from '../src/driver/sql-driver';
import { SqlDriverError } from '../src/driver/sql-error';
import { forEachDatabase } from './databases';

const AT = new Date('2026-11-27T10:15:30.123Z');

forEachDatabase((t) => {
  beforeEach(() => t.reset());

  async function insertStore(domain: string, uninstalledAt: Date | null = null) {
    return t.db().sql.run(
      'INSERT INTO "Store" ("id", "platform", "domain", "installedAt", "uninstalledAt", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $4, $4)',
      [`id-${domain}`, 'shopify', domain, AT, uninstalledAt],
    );
  }

  it('writes rows Prisma reads back exactly, and reads Prisma rows back exactly', async () => {
    expect(await insertStore('raw.myshopify.com')).toBe(1);
    const viaPrisma = await t.db().client.store.findUniqueOrThrow({ where: { id: 'id-raw.myshopify.com' } });
    expect(viaPrisma.installedAt).toEqual(AT);
    expect(viaPrisma.uninstalledAt).toBeNull();

    await t.db().client.store.create({ data: { id: 'id-prisma', platform: 'shopify', domain: 'prisma.myshopify.com', installedAt: AT } });
    const rows = await t.db().sql.query<{ installedAt: unknown; uninstalledAt: unknown }>(
      'SELECT "installedAt", "uninstalledAt" FROM "Store" WHERE "id" = $1',
      ['id-prisma'],
    );
    expect(rows).toHaveLength(1);
    expect(readTime(rows[0]!.installedAt)).toEqual(AT);
    expect(rows[0]!.uninstalledAt).toBeNull();
  });

  it('compares its timestamps with the ones Prisma wrote', async () => {
    await t.db().client.store.create({ data: { id: 'id-prisma', platform: 'shopify', domain: 'prisma.myshopify.com', installedAt: AT } });
    const before = await t.db().sql.query('SELECT "id" FROM "Store" WHERE "installedAt" < $1', [new Date(AT.getTime() + 1)]);
    const after = await t.db().sql.query('SELECT "id" FROM "Store" WHERE "installedAt" > $1', [AT]);
    expect(before).toHaveLength(1);
    expect(after).toHaveLength(0);
  });

  it('undoes a failed savepoint alone and commits the rest of the transaction', async () => {
    const outcomes = await t.db().sql.transaction(async (tx) => {
      const results: string[] = [];
      for (const domain of ['a.myshopify.com', 'b.myshopify.com', 'a.myshopify.com']) {
        try {
          await tx.savepoint(() => tx.run('INSERT INTO "Store" ("id", "platform", "domain", "installedAt", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $4, $4)', [`${domain}-${results.length}`, 'shopify', domain, AT]));
          results.push('stored');
        } catch {
          results.push('refused');
        }
      }
      return results;
    });
    expect(outcomes).toEqual(['stored', 'stored', 'refused']);
    expect(await t.db().client.store.count()).toBe(2);
  });

  it("throws a refused statement as SqlDriverError with the database's own code", async () => {
    const refused = await t
      .db()
      .sql.run('INSERT INTO "WebhookReceipt" ("id", "storeId", "source", "deliveryId", "topic", "receivedAt") VALUES ($1, $2, $3, $4, $5, $6)', ['r', 'no-such-store', 'shopify', 'd', 't', AT])
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SqlDriverError);
    expect(refused).toMatchObject({ provider: t.provider, code: t.provider === 'sqlite' ? 'SQLITE_CONSTRAINT_FOREIGNKEY' : '23503' });
  });

  it('rolls the whole transaction back when its work throws', async () => {
    await expect(
      t.db().sql.transaction(async (tx) => {
        await tx.run('INSERT INTO "Store" ("id", "platform", "domain", "installedAt", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $4, $4)', ['x', 'shopify', 'x.myshopify.com', AT]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.db().client.store.count()).toBe(0);
  });

  it("never runs inside a Prisma transaction's BEGIN, nor Prisma inside its own", async () => {
    let releasePrisma!: () => void;
    let prismaWrote!: () => void;
    const prismaHolds = new Promise<void>((resolve) => (releasePrisma = resolve));
    const prismaOpen = new Promise<void>((resolve) => (prismaWrote = resolve));
    const prismaWrite = t.db().client.$transaction(async (tx) => {
      await tx.store.create({ data: { id: 'p', platform: 'shopify', domain: 'p.myshopify.com', installedAt: AT } });
      prismaWrote();
      await prismaHolds;
      throw new Error('prisma rolls back');
    });
    await prismaOpen;
    // Issued while Prisma's transaction is open: it must neither join it nor be lost with its rollback.
    const rawWrite = t.db().sql.transaction((tx) =>
      tx.run('INSERT INTO "Store" ("id", "platform", "domain", "installedAt", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $4, $4)', ['r', 'shopify', 'r.myshopify.com', AT]),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    releasePrisma();
    await expect(prismaWrite).rejects.toThrow('prisma rolls back');
    await rawWrite;
    expect((await t.db().client.store.findMany()).map((row) => row.id)).toEqual(['r']);
  });
});
