import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_ROOT, MigrationError, planMigrations, readMigrations, type AppliedMigration, type MigrationFile } from './migrate';

const file = (name: string, sql = `-- ${name}`): MigrationFile => ({ name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
const applied = (migration: MigrationFile, extra: Partial<AppliedMigration> = {}): AppliedMigration => ({
  migration_name: migration.name,
  checksum: migration.checksum,
  finished_at: new Date(),
  rolled_back_at: null,
  ...extra,
});

describe('readMigrations', () => {
  it.each(['sqlite', 'postgresql'] as const)('reads the %s migrations in name order with the sha256 of each file', (provider) => {
    const migrations = readMigrations(provider);
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    const first = migrations[0]!;
    const bytes = fs.readFileSync(path.join(MIGRATIONS_ROOT, provider, first.name, 'migration.sql'));
    expect(first.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('planMigrations', () => {
  const [a, b, c] = [file('20260101000000_init'), file('20260201000000_more'), file('20260301000000_last')];

  it('returns the migrations not applied yet, in order', () => {
    expect(planMigrations([a, b, c], [])).toEqual([a, b, c]);
    expect(planMigrations([a, b, c], [applied(a)])).toEqual([b, c]);
    expect(planMigrations([a, b, c], [applied(a), applied(b), applied(c)])).toEqual([]);
  });

  it('applies again a migration Prisma recorded as rolled back', () => {
    expect(planMigrations([a, b], [applied(a), applied(b, { rolled_back_at: new Date(), finished_at: null })])).toEqual([b]);
  });

  it('refuses a database with an unfinished migration, pointing to prisma migrate resolve', () => {
    expect(() => planMigrations([a, b], [applied(a), applied(b, { finished_at: null })])).toThrow(MigrationError);
    expect(() => planMigrations([a, b], [applied(a), applied(b, { finished_at: null })])).toThrow(/failed earlier.*migrate resolve/);
  });

  it('refuses a migration file edited after it was applied', () => {
    const edited = file(a.name, '-- changed');
    expect(() => planMigrations([edited, b], [applied(a)])).toThrow(/20260101000000_init was edited after it was applied/);
  });
});
