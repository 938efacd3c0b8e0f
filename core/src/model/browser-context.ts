import type { BrowserContext } from './commerce';

/**
 * Two sightings of one shopper's browser (a stored pixel report and a payload, or two pixel reports),
 * combined key by key: a value the newer sighting carries wins, and a key it leaves absent or
 * undefined never erases what the older one had.
 */
export function mergeBrowserContext(older: BrowserContext | undefined, newer: BrowserContext | undefined): BrowserContext | undefined {
  if (!newer) return older;
  const reported = Object.fromEntries(Object.entries(newer).filter(([, value]) => value !== undefined)) as BrowserContext;
  return older ? { ...older, ...reported } : reported;
}
