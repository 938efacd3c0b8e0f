/**
 * The admin panel in real Chromium against the real server (web's buildServer over SQLite and
 * PostgreSQL) and the Graph sandbox. The preview path signs in as the development shop through the
 * server's development-only token route; the embedded path loads App Bridge's place with a stand-in
 * whose `shopify.idToken()` returns session tokens minted as Shopify mints them.
 */
import type { Page } from 'playwright-core';

import { forEachDatabase } from '../../../prisma/test/databases';
import { fixtureBody, mintSessionToken } from '../../../web/test/support/shopify-signing';
import { fakeTokenEndpoint } from '../../../web/test/support/shopify-token-endpoint';
import { API_KEY, API_SECRET, freshFixture, META_TOKEN, PIXEL_ID, SHOP_A, SHOP_B } from '../../../web/test/support/test-app';
import { useTestApp } from '../../../web/test/support/use-test-app';
import { APP_BRIDGE_SCRIPT } from '../../../web/src/panel/panel-routes';
import { PREVIEW_SHOP } from '../../../web/src/panel/preview-session';
import { launchChromium, type PanelBrowser } from './support/chromium';
import { openPanel, panel, unnamedControls } from './support/panel-page';
import { screenshot } from './support/screenshots';

const OTHER_TOKEN = `EAAB${'y'.repeat(56)}9876`;

let browser: PanelBrowser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

forEachDatabase((t) => {
  const harness = useTestApp(t);
  let page: Page;
  const origin = () => `http://127.0.0.1:${(harness().app.server.address() as { port: number }).port}`;
  const open = async (width?: number) => {
    page = await browser.newPage(origin(), width);
    return openPanel(page, `${origin()}/`);
  };
  afterEach(async () => page?.close());

  /**
   * The shop's country as the Admin API reports it when the app connects (the preview shop connects
   * too, against the test's fake Shopify) and as the store row holds it, whichever comes first.
   */
  async function inCountry(shop: string, country: string) {
    harness().webPixels.countries.set(shop, country);
    const { stores } = harness().runtime.db;
    await stores.setCountry((await stores.ensureStore('shopify', shop)).id, country);
  }
  afterEach(() => harness().webPixels.countries.clear());

  /** Signed orders for the preview shop (`id` distinct per order), sent by the worker; `edit` changes the nth order's body. */
  async function sendOrders(count: number, edit: (body: string, n: number) => string = (body) => body) {
    for (let n = 0; n < count; n += 1) {
      const body = edit(freshFixture('orders-paid.capi-variant.json', new Date(), PREVIEW_SHOP).split('820982911946154508').join(`82098291194615${4600 + n}`), n);
      expect((await harness().deliver('orders/create', body, { shop: PREVIEW_SHOP })).statusCode).toBe(200);
    }
    return harness().worker.runOnce();
  }

  it('saves the settings and shows the token masked, never revealed, after a reload', async () => {
    const ui = await open();
    await page.getByText('Development preview', { exact: true }).first().waitFor();
    // The save bar (and its Save) shows only while something is unsaved.
    expect(await ui.save.count()).toBe(0);
    await ui.pixelId.fill(PIXEL_ID);
    await ui.accessToken.fill(META_TOKEN);
    await ui.testEventCode.fill('TEST12345');
    await ui.purchaseTrigger.selectOption('order_paid');
    await ui.save.click();
    await page.getByText('Settings saved').waitFor();
    await ui.save.waitFor({ state: 'detached' });

    await page.reload();
    await ui.pixelId.waitFor();
    expect(await ui.pixelId.inputValue()).toBe(PIXEL_ID);
    expect(await ui.accessToken.inputValue()).toBe('');
    expect(await ui.accessToken.getAttribute('type')).toBe('password');
    await page.getByText(`Set, ending in ${META_TOKEN.slice(-4)}.`, { exact: false }).waitFor();
    expect(await ui.purchaseTrigger.inputValue()).toBe('order_paid');
    expect(await page.content()).not.toContain(META_TOKEN);
    // The test event code warns that such events are not sandboxed.
    await page.getByText('A test event code is set').waitFor();

    // Replacing the token: the hint follows the new one.
    await ui.accessToken.fill(OTHER_TOKEN);
    await ui.save.click();
    await page.getByText('Set, ending in 9876.', { exact: false }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('shows the API\'s message for a bad pixel ID inline under the field', async () => {
    const ui = await open();
    await ui.pixelId.fill('12ab');
    await ui.save.click();
    await page.getByText('Enter the pixel ID as the 15- or 16-digit number', { exact: false }).waitFor();
    expect(await ui.pixelId.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await ui.pixelId.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), describedBy);
    expect(description).toContain('15- or 16-digit');
    // Nothing was saved: the save bar stays for the merchant to fix the value.
    expect(await ui.save.isVisible()).toBe(true);
  });

  it('records a cart as skipped with its reason once AddToCart is switched off', async () => {
    await harness().configurePixel(PREVIEW_SHOP);
    const ui = await open();
    await ui.eventSwitch('AddToCart').uncheck();
    await ui.save.click();
    await page.getByText('Settings saved').waitFor();

    expect((await harness().deliver('carts/create', fixtureBody('carts-create.json'), { shop: PREVIEW_SHOP })).statusCode).toBe(200);
    await ui.statusFilter.selectOption('skipped');
    const row = ui.eventLog.getByRole('row').filter({ hasText: 'AddToCart' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Skipped');
    expect(await row.textContent()).toContain('Sending AddToCart events is turned off in settings.');
  });

  it('switches the browser-only events and sets Limited Data Use, kept after a reload', async () => {
    await harness().configurePixel(PREVIEW_SHOP);
    const ui = await open();
    await ui.eventSwitch('ViewContent').uncheck();
    await ui.eventSwitch('AddPaymentInfo').uncheck();
    await ui.limitedDataUse.selectOption('geolocate');
    await page.getByText('Meta applies it where the shopper’s US state has a privacy law', { exact: false }).waitFor();
    await ui.save.click();
    await page.getByText('Settings saved').waitFor();

    await page.reload();
    await ui.pixelId.waitFor();
    expect(await ui.eventSwitch('ViewContent').isChecked()).toBe(false);
    expect(await ui.eventSwitch('AddPaymentInfo').isChecked()).toBe(false);
    expect(await ui.eventSwitch('Purchase').isChecked()).toBe(true);
    expect(await ui.limitedDataUse.inputValue()).toBe('geolocate');
    expect((await harness().admin(PREVIEW_SHOP, 'GET', '/api/settings')).json()).toMatchObject({
      events: { ViewContent: false, AddPaymentInfo: false, Purchase: true },
      limitedDataUse: 'geolocate',
    });
    expect(await unnamedControls(page)).toEqual([]);
  });

  it("shows the region's default for events without a consent signal, keeps an order by it, and sends the next once Send is chosen", async () => {
    await inCountry(PREVIEW_SHOP, 'DE');
    await harness().configurePixel(PREVIEW_SHOP);
    expect((await sendOrders(1)).sent).toBe(0);
    const ui = await open();
    expect(await ui.noConsentSignal.inputValue()).toBe('default');
    const chosen = ui.noConsentSignal.locator('option:checked');
    expect(await chosen.textContent()).toBe('Default: Keep, do not send');
    await page.getByText('The default for your shop’s country (Germany), because the EEA, the UK and Switzerland ask for consent', { exact: false }).waitFor();
    const kept = ui.eventLog.getByRole('row').filter({ hasText: 'Purchase' }).first();
    await kept.waitFor();
    expect(await kept.textContent()).toContain('No consent signal came with this event');
    if (t.provider === 'sqlite') await screenshot(page, 'consent-kept-desktop');

    await ui.noConsentSignal.selectOption('send');
    await page.getByText('Sent to Meta as any other event.', { exact: false }).waitFor();
    await ui.save.click();
    await page.getByText('Settings saved').waitFor();
    expect((await harness().admin(PREVIEW_SHOP, 'GET', '/api/settings')).json()).toMatchObject({ noConsentSignal: 'send', noConsentSignalDefault: { policy: 'keep', country: 'DE' } });
    const sent = await sendOrders(1, (body) => body.split('82098291194615').join('82098291194625'));
    expect(sent.sent).toBe(1);
    // Back to the default: the API holds null again (the save bar goes once the save is answered).
    await ui.noConsentSignal.selectOption('default');
    await ui.save.click();
    await ui.save.waitFor({ state: 'detached' });
    expect((await harness().admin(PREVIEW_SHOP, 'GET', '/api/settings')).json()).toMatchObject({ noConsentSignal: null });
  });

  it('sends a test event and shows Meta\'s trace id', async () => {
    await harness().configurePixel(PREVIEW_SHOP, { testEventCode: 'TEST12345' });
    const ui = await open();
    await ui.sendTestEvent.click();
    await page.getByText('Meta received 1 test event').waitFor();
    const traceId = harness().sandbox.requests.at(-1)?.fbtraceId;
    expect(traceId).toEqual(expect.any(String));
    await page.getByText(`Trace ID: ${traceId}`).waitFor();
  });

  it('explains in plain words why a test event was not sent', async () => {
    await harness().configurePixel(PREVIEW_SHOP);
    const ui = await open();
    await ui.sendTestEvent.click();
    await page.getByText('Enter the test event code from Events Manager', { exact: false }).waitFor();
    expect(harness().sandbox.requests).toHaveLength(0);
  });

  it('shows a critical banner once Meta answers with an expired token, and what to do', async () => {
    await harness().configurePixel(PREVIEW_SHOP);
    harness().sandbox.failNext(1, { kind: 'tokenExpired' });
    expect((await sendOrders(1)).sent).toBe(0);
    await open();
    const banner = page.getByText('Sending is stopped: Meta refused the access token');
    await banner.waitFor();
    await page.getByText('Generate a new access token in Events Manager', { exact: false }).waitFor();
  });

  it('offers Resume sending after a reinstall left the pixel stopped', async () => {
    await harness().configurePixel(PREVIEW_SHOP);
    expect((await harness().deliver('app/uninstalled', fixtureBody('app-uninstalled.json'), { shop: PREVIEW_SHOP })).statusCode).toBe(200);
    await open();
    await page.getByRole('button', { name: 'Resume sending' }).click();
    await page.getByText('Sending resumed').waitFor();
    await page.getByText('Sending is paused since the app was uninstalled').waitFor({ state: 'detached' });
  });

  it('shows match quality from the sent orders\' key names', async () => {
    await harness().configurePixel(PREVIEW_SHOP);
    expect((await sendOrders(2)).sent).toBe(2);
    const ui = await open();
    const quality = (await harness().admin(PREVIEW_SHOP, 'GET', '/api/match-quality')).json() as { counts: { sent: number }; keyCounts: Record<string, number> };
    expect(quality.counts.sent).toBe(2);
    await ui.matchQuality.getByText('Sent: 2').waitFor();
    for (const [key, label] of [['em', 'Email'], ['ph', 'Phone'], ['fn', 'First name'], ['client_user_agent', 'User agent']] as const) {
      const count = quality.keyCounts[key] ?? 0;
      const item = ui.matchQuality.getByRole('listitem').filter({ hasText: label }).first();
      expect(await item.textContent()).toContain(`${Math.round((count / 2) * 100)}% (${count} of 2)`);
    }
    expect(quality.keyCounts.em).toBe(2);
    expect(await ui.matchQuality.textContent()).toMatch(/would help most|Meta has what it needs/);
  });

  it('notes checkouts waiting for the storefront pixel', async () => {
    await harness().configurePixel(PREVIEW_SHOP);
    const checkout = freshFixture('checkouts-create.capi-variant.json', new Date(), PREVIEW_SHOP);
    expect((await harness().deliver('checkouts/create', checkout, { shop: PREVIEW_SHOP })).statusCode).toBe(200);
    await open();
    await page.getByText('Checkouts and carts are waiting for the storefront pixel').waitFor();
  });

  it('works by keyboard alone and at 375 px without sideways scrolling', async () => {
    const ui = await open(375);
    for (let presses = 0; presses < 40 && !(await ui.pixelId.evaluate((element) => element === document.activeElement)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await ui.pixelId.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(PIXEL_ID);
    await page.keyboard.press('Tab');
    await page.keyboard.type(META_TOKEN);
    await page.keyboard.press('Enter');
    await page.getByText('Settings saved').waitFor();
    expect((await harness().admin(PREVIEW_SHOP, 'GET', '/api/settings')).json()).toMatchObject({ pixelId: PIXEL_ID, accessTokenSet: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  /** Opens the panel as Shopify's admin does, App Bridge replaced by a stand-in minting `shop`'s session tokens. */
  async function openEmbedded(shop: string) {
    page = await browser.newPage(origin());
    const minted = { count: 0, audiences: new Set<string>() };
    await page.exposeFunction('mintTestSessionToken', () => {
      minted.count += 1;
      return mintSessionToken({ shop, apiKey: API_KEY, secret: API_SECRET });
    });
    // The stand-in for Shopify's CDN script: the one App Bridge call the panel makes.
    await page.route(APP_BRIDGE_SCRIPT, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'window.shopify = { idToken: () => window.mintTestSessionToken() };' }),
    );
    page.on('request', (request) => {
      const bearer = /^Bearer (.+)$/.exec(request.headers().authorization ?? '')?.[1];
      if (bearer) minted.audiences.add(JSON.parse(Buffer.from(bearer.split('.')[1]!, 'base64url').toString()).dest);
    });
    const response = await page.goto(`${origin()}/?shop=${shop}&host=YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvc2hvcC1h&embedded=1`);
    const ui = panel(page);
    await ui.pixelId.waitFor();
    return { ui, response, minted };
  }

  it('runs embedded: App Bridge first in the head, its session tokens on every call, frame-ancestors for the shop', async () => {
    await harness().configurePixel(SHOP_A);
    const { ui, response, minted } = await openEmbedded(SHOP_A);
    expect(response?.headers()['content-security-policy']).toBe(`frame-ancestors https://${SHOP_A} https://admin.shopify.com;`);
    expect(await ui.pixelId.inputValue()).toBe(PIXEL_ID);
    const head = await page.evaluate(() => Array.from(document.head.children).slice(0, 2).map((element) => element.outerHTML));
    expect(head).toEqual([`<meta name="shopify-api-key" content="${API_KEY}">`, `<script src="${APP_BRIDGE_SCRIPT}"></script>`]);
    expect(await page.getByText('Development preview', { exact: true }).count()).toBe(0);
    expect(minted.count).toBeGreaterThanOrEqual(3);
    expect(minted.audiences).toEqual(new Set([`https://${SHOP_A}`]));
    // The first load set up Admin API access (token exchange) without waiting for a save. It runs in
    // the background, so on a busy machine it may still be on its way when the panel has loaded.
    const exchanged = () => harness().tokenEndpoint.requests.some((request) => request.url.includes(SHOP_A));
    for (let waited = 0; !exchanged() && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(exchanged()).toBe(true);
  });

  it('shows on first load that the Admin API connection failed', async () => {
    const refusing = fakeTokenEndpoint(() => ({ status: 400, body: { error: 'invalid_subject_token' } }));
    try {
      await openEmbedded(SHOP_B);
      await page.getByText('The app could not connect to your store').waitFor();
    } finally {
      refusing.restore();
    }
  });

  if (t.provider === 'sqlite') {
    it('writes the README screenshots (settings, event log, match quality; desktop and 375 px)', async () => {
      // A US shop: orders without a consent signal go with Limited Data Use, the default the settings show.
      await inCountry(PREVIEW_SHOP, 'US');
      await harness().configurePixel(PREVIEW_SHOP, { testEventCode: 'TEST12345', events: { AddToCart: false } });
      // One order without a phone number, so the card has advice to give.
      await sendOrders(3, (body, n) => (n === 0 ? body.replace(/"phone": "[^"]*"/g, '"phone": null') : body));
      await harness().deliver('carts/create', fixtureBody('carts-create.json'), { shop: PREVIEW_SHOP });
      await harness().deliver('checkouts/create', freshFixture('checkouts-create.capi-variant.json'), { shop: PREVIEW_SHOP });
      for (const [width, suffix] of [[1280, 'desktop'], [375, '375px']] as const) {
        const ui = await open(width);
        await ui.matchQuality.getByText('Sent: 3').waitFor();
        await ui.eventLog.getByText('AddToCart', { exact: true }).first().waitFor();
        expect(await unnamedControls(page)).toEqual([]);
        await screenshot(page, `settings-${suffix}`);
        await screenshot(ui.eventLog, `event-log-${suffix}`);
        await screenshot(ui.matchQuality, `match-quality-${suffix}`);
        await page.close();
      }
    });
  }
});

