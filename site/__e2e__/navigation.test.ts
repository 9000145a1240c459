/** The fixture guide in real Chromium: moving around, switching language, reading right to left, printing. */
import type { Browser, Page } from 'playwright-core';
import { buildFixtureSite } from '../__tests__/test-utils/build';
import { describeWithBrowser, launchBrowser } from '../__tests__/test-utils/browser';
import { serve, type StaticServer } from '../__tests__/test-utils/server';

describeWithBrowser('the guide in a browser', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    const { dist } = await buildFixtureSite();
    server = await serve(dist);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(() => page?.close());

  const path = () => new URL(page.url()).pathname;

  it('goes from the front door to an entry and back through the breadcrumbs', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: /Entrer dans le guide/ }).click();
    expect(path()).toBe('/fr/');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Études de cas' }).click();
    expect(path()).toBe('/fr/case-studies/');
    await page.getByRole('link', { name: 'Page 2 sur 2' }).click();
    expect(path()).toBe('/fr/case-studies/page/2/');
    await page.getByRole('link', { name: 'Des tiers-lieux numériques dans les quartiers de Lyon' }).click();
    expect(path()).toBe('/fr/case-studies/lyon-tiers-lieu-numerique/');
    await page.getByRole('link', { name: 'Ville de Lyon' }).first().click();
    expect(path()).toBe('/fr/actors/ville-de-lyon/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Ville de Lyon');
    await page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link', { name: 'Accueil' }).click();
    expect(path()).toBe('/fr/');
  });

  it('can be used with the keyboard: the skip link comes first and leads to the content', async () => {
    await page.goto(`${server.url}/en/case-studies/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, visible: document.activeElement!.getBoundingClientRect().top >= 0 }));
    expect(focused).toEqual({ text: 'Skip to content', visible: true });
    // A visible focus indicator.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  it('switches language on the same entry', async () => {
    await page.goto(`${server.url}/fr/case-studies/lyon-tiers-lieu-numerique/`);
    await page.locator('.language-switcher a[hreflang="ar"]').click();
    expect(path()).toBe('/ar/case-studies/lyon-tiers-lieu-numerique/');
    await expect(page.locator('h1').textContent()).resolves.toBe('فضاءات رقمية ثالثة في أحياء ليون');
    await page.locator('.language-switcher a[hreflang="en"]').click();
    expect(path()).toBe('/en/case-studies/lyon-tiers-lieu-numerique/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  });

  it('renders Arabic right to left, with the layout mirrored', async () => {
    const layout = async (locale: string) => {
      await page.goto(`${server.url}/${locale}/case-studies/lyon-tiers-lieu-numerique/`);
      return page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        return {
          direction: getComputedStyle(document.body).direction,
          sideIsRight: box('.fiche-side').left > box('.fiche-main').left,
          brandIsRight: box('.brand').left > box('.header-tools').left,
          bulletIndent: getComputedStyle(document.querySelector('.bullets')!).paddingRight,
        };
      });
    };
    const ar = await layout('ar');
    const fr = await layout('fr');
    expect(ar.direction).toBe('rtl');
    expect(fr.direction).toBe('ltr');
    expect(ar.sideIsRight).toBe(false);
    expect(fr.sideIsRight).toBe(true);
    expect(ar.brandIsRight).toBe(true);
    expect(fr.brandIsRight).toBe(false);
    expect(ar.bulletIndent).not.toBe('0px');
    expect(fr.bulletIndent).toBe('0px');
  });

  it('shows French text left to right inside an Arabic page when a translation is missing', async () => {
    await page.goto(`${server.url}/ar/case-studies/lagos-collecte-des-dechets/`);
    await expect(page.locator('[data-notice="fallback"]').isVisible()).resolves.toBe(true);
    const heading = await page.locator('h1').evaluate((h) => ({ lang: h.closest('[lang]')!.getAttribute('lang'), direction: getComputedStyle(h).direction }));
    expect(heading).toEqual({ lang: 'fr', direction: 'ltr' });
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const url of ['/ar/', '/fr/case-studies/lyon-tiers-lieu-numerique/', '/ar/funding-calls/appel-villes-durables-2026/', '/en/countries/']) {
      await page.goto(`${server.url}${url}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ url, overflow }).toEqual({ url, overflow: 0 });
    }
  });

  it('prints a fiche without the site chrome', async () => {
    await page.goto(`${server.url}/fr/funding-calls/appel-villes-durables-2026/`);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      Object.fromEntries(['.site-header', '.site-footer', '.breadcrumbs', 'h1', '.call-status'].map((s) => [s, getComputedStyle(document.querySelector(s)!).display !== 'none'])),
    );
    expect(shown).toEqual({ '.site-header': false, '.site-footer': false, '.breadcrumbs': false, h1: true, '.call-status': true });
  });
});
