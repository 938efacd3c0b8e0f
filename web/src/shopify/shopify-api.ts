/**
 * The one `@shopify/shopify-api` instance, built from our validated config. Its own log lines go to
 * our logger at warning level and above (info is start-up chatter).
 */
import '@shopify/shopify-api/adapters/node';
import { ApiVersion, LogSeverity, type Shopify, shopifyApi } from '@shopify/shopify-api';
import type { Logger } from '@capi-relay/core';

import type { AppConfig } from '../config/app-config';

/** The Admin API version; the webhook version in shopify.app.toml must match it. */
export const SHOPIFY_API_VERSION = ApiVersion.July26;

export function createShopifyApi(shopifyConfig: AppConfig['shopify'], logger: Logger): Shopify {
  const appUrl = new URL(shopifyConfig.appUrl);
  return shopifyApi({
    apiKey: shopifyConfig.apiKey,
    apiSecretKey: shopifyConfig.apiSecret,
    hostName: appUrl.host,
    hostScheme: appUrl.protocol === 'http:' ? 'http' : 'https',
    apiVersion: SHOPIFY_API_VERSION,
    isEmbeddedApp: true,
    logger: {
      level: LogSeverity.Warning,
      log: (severity, message) => {
        if (severity === LogSeverity.Error) logger.error({ source: 'shopify-api' }, message);
        else logger.warn({ source: 'shopify-api' }, message);
      },
    },
    future: {},
    _logDisabledFutureFlags: false,
  });
}
