/**
 * The banners at the top of the panel, from /api/health and the saved settings: what is wrong,
 * in the merchant's words, and what to do about it. Most urgent first.
 */
import type { Health, Settings } from './types';

export type BannerTone = 'critical' | 'warning' | 'info' | 'success';

export interface HealthBanner {
  id: 'stopped' | 'uninstalled' | 'admin_api' | 'database' | 'setup' | 'test_code' | 'browser_context';
  tone: BannerTone;
  title: string;
  body: string;
  /** `resume`: the banner offers "Resume sending" (a save that clears the stop). */
  action?: 'resume';
}

export interface HealthViewOptions {
  /** The development preview has no Shopify connection to report on. */
  preview: boolean;
  /** Events waiting for the storefront pixel (`needs_browser_context` rows in the log's latest page). */
  waitingForBrowser: number;
}

export function healthBanners(health: Health, settings: Settings, options: HealthViewOptions): HealthBanner[] {
  const banners: HealthBanner[] = [];
  if (health.database !== 'ok') {
    banners.push({ id: 'database', tone: 'critical', title: 'The app cannot reach its database', body: 'Nothing is recorded or sent until it is back. If this lasts, contact the app’s support.' });
  }
  const stopped = health.pixel?.stopped ?? null;
  if (stopped?.cause === 'meta_refused') {
    banners.push({
      id: 'stopped',
      tone: 'critical',
      title: 'Sending is stopped: Meta refused the access token',
      body: `${stopped.reason} Generate a new access token in Events Manager, paste it under Access token and save; sending resumes with the events waiting.`,
    });
  } else if (stopped?.cause === 'uninstalled') {
    banners.push({
      id: 'uninstalled',
      tone: 'warning',
      title: 'Sending is paused since the app was uninstalled',
      body: 'The app is installed again, but sending stays paused until you resume it. Events recorded meanwhile are sent once you do.',
      action: 'resume',
    });
  }
  const adminApi = health.adminApi;
  if (!options.preview && adminApi && adminApi.status !== 'ready') {
    banners.push({
      id: 'admin_api',
      tone: adminApi.status === 'failed' ? 'critical' : 'warning',
      title: adminApi.status === 'failed' ? 'The app could not connect to your store' : 'The app is not connected to your store yet',
      body: `${adminApi.message} Reload the page to try again.`,
    });
  }
  if (health.pixel && !health.pixel.configured) {
    banners.push({ id: 'setup', tone: 'info', title: 'Finish setup to start sending', body: 'Enter your pixel ID and a Conversions API access token below, then save.' });
  }
  if (settings.testEventCode) {
    banners.push({
      id: 'test_code',
      tone: 'warning',
      title: 'A test event code is set',
      body: 'Events carrying it show under Test events in Events Manager, but Meta still counts them: they are not sandboxed. Clear the code when you are done testing.',
    });
  }
  if (options.waitingForBrowser > 0) {
    banners.push({
      id: 'browser_context',
      tone: 'info',
      title: 'Checkouts and carts are waiting for the storefront pixel',
      body: `${plural(options.waitingForBrowser, 'event')} ${options.waitingForBrowser === 1 ? 'waits' : 'wait'} for the browser details (user agent, page) that only the storefront pixel reports. They are sent once it does.`,
    });
  }
  return banners;
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
