/**
 * The admin panel's built files (admin-ui's Vite output), read once at start-up: the page template
 * and every asset, kept in memory. Only files found here are ever served, so a request path can
 * never reach anything else on disk.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** web/src/panel and web/dist/panel both sit two levels below the repository root. */
export const DEFAULT_PANEL_DIST = path.resolve(__dirname, '..', '..', '..', 'admin-ui', 'dist');

/** Where the server fills in the head: App Bridge in Shopify's admin, the preview's config otherwise. */
export const HEAD_PLACEHOLDER = '<!--capi-relay-head-->';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface PanelAsset {
  contentType: string;
  body: Buffer;
}

export interface PanelBuild {
  template: string;
  /** By file name under assets/. */
  assets: Map<string, PanelAsset>;
}

/** null when admin-ui has not been built (`npm run build` builds it). */
export function loadPanelBuild(distDir: string = DEFAULT_PANEL_DIST): PanelBuild | null {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const template = readFileSync(indexFile, 'utf8');
  if (!template.includes(HEAD_PLACEHOLDER)) throw new Error(`${indexFile} lacks the ${HEAD_PLACEHOLDER} placeholder; rebuild admin-ui`);
  const assets = new Map<string, PanelAsset>();
  const assetsDir = path.join(distDir, 'assets');
  for (const name of existsSync(assetsDir) ? readdirSync(assetsDir) : []) {
    const contentType = CONTENT_TYPES[path.extname(name)];
    if (contentType) assets.set(name, { contentType, body: readFileSync(path.join(assetsDir, name)) });
  }
  return { template, assets };
}
