/**
 * `npm run shopify:config [-- --dev]`: writes shopify.app.toml (or shopify.app.dev.toml) at the
 * repository root from the operator's SHOPIFY_API_KEY and SHOPIFY_APP_URL (and optional
 * SHOPIFY_APP_NAME, SHOPIFY_APP_HANDLE). Refuses, with every problem listed, to write a production
 * file with a placeholder client id or a plain-http URL.
 */
import fs from 'node:fs';
import path from 'node:path';

import { checkAppConfigInput, PLACEHOLDER_APP_CONFIG, renderAppConfig, type AppConfigInput } from './shopify/app-config-toml';

const ROOT = path.join(__dirname, '..', '..');

function main(): number {
  const mode = process.argv.includes('--dev') ? 'development' : 'production';
  const input: AppConfigInput = {
    mode,
    clientId: process.env.SHOPIFY_API_KEY ?? '',
    appUrl: process.env.SHOPIFY_APP_URL ?? '',
    name: process.env.SHOPIFY_APP_NAME ?? PLACEHOLDER_APP_CONFIG.name,
    handle: process.env.SHOPIFY_APP_HANDLE ?? PLACEHOLDER_APP_CONFIG.handle,
  };
  const problems = checkAppConfigInput(input);
  if (problems.length > 0) {
    process.stderr.write(`shopify:config: nothing written.\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`);
    return 1;
  }
  const file = path.join(ROOT, mode === 'production' ? 'shopify.app.toml' : 'shopify.app.dev.toml');
  fs.writeFileSync(file, renderAppConfig(input));
  process.stdout.write(`shopify:config: wrote ${path.relative(ROOT, file)} for ${new URL(input.appUrl).origin}\n`);
  return 0;
}

process.exitCode = main();
