/**
 * Funding calls in real Chromium with the clock moved: statuses and "closes in N days"
 * follow the reader's date, not the build's; the funding page's filters work, and the page
 * still lists every call without JavaScript. The alert form (in a build that knows the CMS)
 * passes axe in French and Arabic.
 */
import type { Browser, Page } from 'playwright-core';
import { buildFixtureSite, buildSite, FIXTURE_ENV } from '../__tests__/test-utils/build';
import { describeWithBrowser, launchBrowser } from '../__tests__/test-utils/browser';
import { serve, type StaticServer } from '../__tests__/test-utils/server';

const CALL = '/fr/funding-calls/appel-villes-durables-2026/';
const CMS = 'http://127.0.0.1:9';

describeWithBrowser('funding calls in a browser', () => {
  let browser: Browser;
  let server: StaticServer;
  let withForm: StaticServer;
  let page: Page;

  beforeAll(async () => {
    server = await serve((await buildFixtureSite()).dist);
    withForm = await serve((await buildSite('alert-form', { ...FIXTURE_ENV, KB_PUBLIC_API_URL: CMS })).dist);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await withForm?.close();
  });
  afterEach(() => page?.close());

  const at = async (iso: string, javaScriptEnabled = true) => {
    const context = await browser.newContext({ javaScriptEnabled });
    page = await context.newPage();
    await page.clock.setFixedTime(new Date(iso));
    return page;
  };
  const callBox = () => page.locator('.call-status');

  it('shows the status and days left as of the reader’s day (built on 1 March)', async () => {
    await at('2026-03-10T12:00:00Z');
    await page.goto(`${server.url}${CALL}`);
    await expect(callBox().locator('.status').textContent()).resolves.toBe('Ferme bientôt');
    await expect(callBox().locator('[data-days-left]').textContent()).resolves.toBe('Clôture dans 10 jours');
    await expect(callBox().locator('.call-closed').isVisible()).resolves.toBe(false);

    await at('2026-03-20T22:58:59Z');
    await page.goto(`${server.url}${CALL.replace('/fr/', '/ar/')}`);
    await expect(callBox().locator('[data-days-left]').textContent()).resolves.toMatch(/اليوم/);

    await at('2026-03-20T22:59:01Z');
    await page.goto(`${server.url}${CALL}`);
    await expect(callBox().locator('.status').textContent()).resolves.toBe('Clos');
    await expect(callBox().locator('.status').getAttribute('class')).resolves.toBe('status status-closed');
    await expect(callBox().locator('[data-days-left]').textContent()).resolves.toBe('');
    await expect(callBox().locator('.call-closed').isVisible()).resolves.toBe(true);
  });

  it('moves a call that closed after the build out of the open lists', async () => {
    await at('2026-04-01T00:00:00Z');
    await page.goto(`${server.url}/fr/funding/`);
    const titles = (id: string) => page.locator(`#${id} [data-call]:not([hidden]) .card-title a`).allTextContents();
    await expect(titles('calls-soon')).resolves.toEqual([]);
    await expect(titles('calls-closed')).resolves.toEqual(['Appel « Villes durables » 2026', "Programme d'innovation territoriale 2015"]);
    await expect(page.locator('#calls-soon-title ~ .funding-none').isVisible()).resolves.toBe(true);
  });

  it('filters the calls by instrument, beneficiary, theme, scope and status', async () => {
    await at('2026-03-01T12:00:00Z');
    await page.goto(`${server.url}/fr/funding/`);
    const visible = () => page.locator('.funding-list [data-call]:not([hidden]) .card-title a').allTextContents();
    const count = () => page.locator('#call-count').textContent();
    await expect(page.locator('#call-filters').isVisible()).resolves.toBe(true);
    await expect(count()).resolves.toBe('Appels affichés : 4');

    await page.getByRole('checkbox', { name: 'Collectivités locales' }).check();
    await expect(visible()).resolves.toHaveLength(3);
    await page.getByRole('checkbox', { name: 'Appel à projets' }).check();
    await expect(visible()).resolves.toEqual(['Appel « Villes durables » 2026']);
    await expect(count()).resolves.toBe('Appels affichés : 1');
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    // A form's reset event comes before its fields are reset: the list is redrawn just after it.
    await page.waitForFunction(() => document.querySelector('#call-count')?.textContent === 'Appels affichés : 4', undefined, { timeout: 5000 });
    await expect(visible()).resolves.toHaveLength(4);

    await page.getByRole('checkbox', { name: 'Clos' }).check();
    await page.getByRole('checkbox', { name: 'Permanent' }).check();
    await expect(visible()).resolves.toEqual(['Programme permanent d\'assistance technique', "Programme d'innovation territoriale 2015"]);
    await expect(page.locator('#calls-soon-title ~ .funding-none').isVisible()).resolves.toBe(true);
  });

  it('lists every call, without filters, when JavaScript is off', async () => {
    await at('2026-03-01T12:00:00Z', false);
    await page.goto(`${server.url}/fr/funding/`);
    await expect(page.locator('#call-filters').isVisible()).resolves.toBe(false);
    await expect(page.locator('.funding-list [data-call]').count()).resolves.toBe(4);
    await expect(callBoxOnList()).resolves.toBe('Ferme bientôt');
  });
  const callBoxOnList = () => page.locator('#calls-soon .status').first().textContent();

  it.each(['fr', 'ar'])('the alert form posts to the CMS and passes axe (%s)', async (locale) => {
    await at('2026-03-01T12:00:00Z');
    await page.addInitScript({ path: require.resolve('axe-core/axe.min.js') });
    await page.goto(`${withForm.url}/${locale}/funding/`);
    const form = page.locator('form.alert-form');
    await expect(form.getAttribute('action')).resolves.toBe(`${CMS}/api/knowledge-base/alerts`);
    await expect(form.getAttribute('method')).resolves.toBe('post');
    await expect(form.locator('input[name="locale"]').inputValue()).resolves.toBe(locale);
    await expect(form.locator('input[type="email"][name="email"][required]').count()).resolves.toBe(1);
    const violations = await page.evaluate(async () => {
      const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      return result.violations.map((v: any) => ({ rule: v.id, nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) }));
    });
    expect(violations).toEqual([]);
  });
});
