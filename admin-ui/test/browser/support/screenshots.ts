/** The README's screenshots, written by the browser tests into docs/screenshots/. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const DIR = path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'screenshots');

export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  else await target.screenshot({ path: file, animations: 'disabled' });
}
