/**
 * What the server tells the page about where it runs, in a JSON script tag (`#capi-relay-config`):
 * inside Shopify's admin (App Bridge hands out session tokens) or the development preview (the
 * server's development-only route does, for a development shop).
 */
export type PanelConfig =
  | { mode: 'embedded'; shop: string | null }
  | { mode: 'preview'; shop: string; tokenPath: string };

export const PANEL_CONFIG_ELEMENT_ID = 'capi-relay-config';

/** Parses the tag's text; anything unreadable is treated as embedded, the production case. */
export function parsePanelConfig(text: string | null | undefined): PanelConfig {
  try {
    const value = JSON.parse(text ?? '') as Record<string, unknown>;
    if (value.mode === 'preview' && typeof value.shop === 'string' && typeof value.tokenPath === 'string') {
      return { mode: 'preview', shop: value.shop, tokenPath: value.tokenPath };
    }
    return { mode: 'embedded', shop: typeof value.shop === 'string' ? value.shop : null };
  } catch {
    return { mode: 'embedded', shop: null };
  }
}
