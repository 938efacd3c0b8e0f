/** The panel's controls, found the way a screen reader user finds them: by role and accessible name. */
import type { Locator, Page } from 'playwright-core';

export function panel(page: Page) {
  return {
    pixelId: page.getByRole('textbox', { name: 'Pixel ID', exact: true }),
    // A password input has no textbox role; its label still names it.
    accessToken: page.getByLabel('Access token', { exact: true }),
    testEventCode: page.getByRole('textbox', { name: 'Test event code', exact: true }),
    purchaseTrigger: page.getByRole('combobox', { name: 'Send Purchase when', exact: true }),
    eventSwitch: (name: 'Purchase' | 'InitiateCheckout' | 'AddToCart' | 'ViewContent' | 'AddPaymentInfo'): Locator => page.getByRole('checkbox', { name, exact: true }),
    noConsentSignal: page.getByRole('combobox', { name: 'Events without a consent signal', exact: true }),
    limitedDataUse: page.getByRole('combobox', { name: 'Limited Data Use', exact: true }),
    save: page.getByRole('button', { name: 'Save', exact: true }),
    sendTestEvent: page.getByRole('button', { name: 'Send test event', exact: true }),
    eventLog: page.getByRole('region', { name: 'Event log' }),
    statusFilter: page.getByRole('combobox', { name: 'Filter by status', exact: true }),
    refreshLog: page.getByRole('button', { name: 'Refresh', exact: true }),
    matchQuality: page.getByRole('region', { name: 'Match quality (last 24 hours)' }),
  };
}

/** Loads the panel and waits for the settings form. */
export async function openPanel(page: Page, url: string): Promise<ReturnType<typeof panel>> {
  const response = await page.goto(url);
  if (!response?.ok()) throw new Error(`GET ${url} answered ${response?.status()}`);
  const controls = panel(page);
  await controls.pixelId.waitFor();
  return controls;
}

/** Every form control and button on the page that has no accessible name (should be none). */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const unnamed: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('input, select, textarea, button'))) {
      if (element.getAttribute('type') === 'hidden' || element.closest('[aria-hidden="true"]')) continue;
      const labelled =
        (element as HTMLInputElement).labels?.length ||
        element.getAttribute('aria-label') ||
        (element.getAttribute('aria-labelledby') ?? '').split(' ').some((id) => document.getElementById(id)?.textContent?.trim()) ||
        (element.tagName === 'BUTTON' && element.textContent?.trim());
      if (!labelled) unnamed.push(element.outerHTML.slice(0, 120));
    }
    return unnamed;
  });
}
