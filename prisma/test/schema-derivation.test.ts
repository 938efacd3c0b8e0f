import fs from 'node:fs';
const { SOURCE, TARGET, derivePostgresqlSchema } = require('../scripts/derive-postgresql-schema.js') as {
  SOURCE: string;
  TARGET: string;
  derivePostgresqlSchema(schema: string): string;
};

describe('the PostgreSQL schema', () => {
  it('is the checked-in derivation of schema.prisma (run `npm run build -w prisma` after editing the schema)', () => {
    expect(fs.readFileSync(TARGET, 'utf8')).toBe(derivePostgresqlSchema(fs.readFileSync(SOURCE, 'utf8')));
  });

  it('differs from the SQLite schema only in provider, placeholder url and client output', () => {
    const derived = derivePostgresqlSchema(fs.readFileSync(SOURCE, 'utf8'));
    expect(derived).toMatch(/^\/\/ GENERATED/);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output     = "../generated/postgresql"');
    expect(derived).not.toContain('sqlite');
  });

  it('fails loudly when the source no longer has the line it rewrites', () => {
    expect(() => derivePostgresqlSchema('datasource db {\n  provider = "postgresql"\n}')).toThrow(/expected exactly one "provider = \\"sqlite\\""/);
  });
});
