import { openDatabase } from '../src';
import { readMigrations } from '../src/migrate';
import { createTestDatabase, forEachDatabase } from './databases';

const { runPrisma, schemaDrift } = require('../scripts/schema-drift.js') as {
  runPrisma(args: string[], databaseUrl: string, okCodes?: number[]): string;
  schemaDrift(provider: string, databaseUrl: string): string;
};

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  applied_steps_count: number | bigint;
}

forEachDatabase((t) => {
  it('records each applied migration as prisma migrate does, and applies nothing twice', async () => {
    const db = t.db();
    const rows = await db.client.$queryRawUnsafe<HistoryRow[]>(
      'SELECT "migration_name", "checksum", "finished_at", "applied_steps_count" FROM "_prisma_migrations" ORDER BY "migration_name"',
    );
    expect(rows.map((row) => ({ ...row, finished_at: row.finished_at !== null, applied_steps_count: Number(row.applied_steps_count) }))).toEqual(
      readMigrations(t.provider).map((file) => ({ migration_name: file.name, checksum: file.checksum, finished_at: true, applied_steps_count: 1 })),
    );
    expect(await db.migrate()).toEqual([]);
  });

  it('leaves a database the Prisma CLI sees as up to date and matching schema.prisma', () => {
    const url = t.testDatabase().url;
    expect(runPrisma(['migrate', 'status'], url)).toContain('Database schema is up to date!');
    // Non-empty means schema.prisma changed without a migration: run prisma/scripts/new-migration.js.
    expect(schemaDrift(t.provider, url)).toBe('');
  }, 60_000);

  it('lets two instances start on a fresh database at once: one applies, the other finds nothing to do', async () => {
    const fresh = await createTestDatabase(t.provider, { migrate: false });
    const second = openDatabase(fresh.url);
    try {
      const results = await Promise.all([fresh.db.migrate(), second.migrate()]);
      const names = readMigrations(t.provider).map((file) => file.name);
      expect(results.sort((a, b) => b.length - a.length)).toEqual([names, []]);
    } finally {
      await second.close();
      await fresh.drop();
    }
  });
});

describe('sqlite', () => {
  it('switches the database to WAL so readers do not block the writer', async () => {
    const handle = await createTestDatabase('sqlite');
    try {
      const [mode] = await handle.db.client.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
      expect(mode?.journal_mode).toBe('wal');
    } finally {
      await handle.drop();
    }
  });
});
