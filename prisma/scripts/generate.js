'use strict';
/**
 * Build step of @capi-relay/db: derive the PostgreSQL schema from schema.prisma, then generate one
 * Prisma client per provider (a client is tied to its provider) into prisma/generated/{sqlite,postgresql}.
 * Offline: engineType "client" needs no query engine, and prisma.config.ts selects the "js" schema
 * engine (without it the CLI tries to download a native one, even for generate).
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { SOURCE, TARGET, derivePostgresqlSchema } = require('./derive-postgresql-schema');

const derived = derivePostgresqlSchema(fs.readFileSync(SOURCE, 'utf8'));
fs.mkdirSync(path.dirname(TARGET), { recursive: true });
if (!fs.existsSync(TARGET) || fs.readFileSync(TARGET, 'utf8') !== derived) fs.writeFileSync(TARGET, derived);

const prismaCli = require.resolve('prisma/build/index.js');
const config = path.join(__dirname, '..', 'prisma.config.ts');
// The PostgreSQL schema's placeholder url is a literal (the runtime always passes a driver adapter,
// and an env() url sends `migrate status` looking for a native engine), so generate warns about
// "Hardcoding URLs" on every build; that one line is dropped, everything else is passed on.
const HARDCODED_URL_WARNING = /Hardcoding URLs in your schema/;
for (const schema of [SOURCE, TARGET]) {
  const output = execFileSync(process.execPath, [prismaCli, 'generate', '--no-hints', '--config', config, '--schema', schema], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  process.stdout.write(output.split('\n').filter((line) => !HARDCODED_URL_WARNING.test(line)).join('\n'));
}
