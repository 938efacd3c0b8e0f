/**
 * Where the page's session tokens come from. Embedded: App Bridge's `shopify.idToken()` (a fresh
 * token each call). Preview: the server's development-only token route.
 */
import type { PanelConfig } from './lib/panel-config';

interface AppBridgeGlobal {
  idToken(): Promise<string>;
}

export function tokenSource(config: PanelConfig): () => Promise<string> {
  if (config.mode === 'preview') {
    return async () => {
      const response = await fetch(config.tokenPath, { method: 'POST' });
      if (!response.ok) throw new Error(`preview token: HTTP ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    };
  }
  return async () => {
    const shopify = (window as unknown as { shopify?: AppBridgeGlobal }).shopify;
    if (!shopify) throw new Error('App Bridge is not loaded');
    return shopify.idToken();
  };
}
