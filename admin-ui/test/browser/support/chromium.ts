/**
 * Debian's Chromium driven by playwright-core: headless, no sandbox (CI runs as root), nothing that
 * phones home, and a fresh profile per launch. The page may reach the server under test only: every
 * other request is refused, so a test can never depend on the network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PanelBrowser {
  context: BrowserContext;
  /** A new tab at `width` × 900 (desktop default), allowed to reach `origin` only. */
  newPage(origin: string, width?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<PanelBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'capi-relay-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  return {
    context,
    async newPage(origin, width = 1280) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient')));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
