/** The fixture guide in real Chromium: moving around, switching language, reading right to left, printing. */
import { buildFixtureSite } from '../__tests__/test-utils/build';
import { browseSite, describeWithBrowser } from '../__tests__/test-utils/browser';

describeWithBrowser('the guide in a browser', () => {
  const site = browseSite(buildFixtureSite, 300_000);

  const path = () => new URL(site.page.url()).pathname;

  it('goes from the front door to an entry and back through the breadcrumbs', async () => {
    await site.page.goto(`${site.url}/`);
    await site.page.getByRole('link', { name: /Entrer dans le guide/ }).click();
    expect(path()).toBe('/fr/');
    await site.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Études de cas' }).click();
    expect(path()).toBe('/fr/case-studies/');
    await site.page.getByRole('link', { name: 'Page 2 sur 2' }).click();
    expect(path()).toBe('/fr/case-studies/page/2/');
    await site.page.getByRole('link', { name: 'Des tiers-lieux numériques dans les quartiers de Lyon' }).click();
    expect(path()).toBe('/fr/case-studies/lyon-tiers-lieu-numerique/');
    await site.page.getByRole('link', { name: 'Ville de Lyon' }).first().click();
    expect(path()).toBe('/fr/actors/ville-de-lyon/');
    await expect(site.page.locator('h1').textContent()).resolves.toBe('Ville de Lyon');
    await site.page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link', { name: 'Accueil' }).click();
    expect(path()).toBe('/fr/');
  });

  it('can be used with the keyboard: the skip link comes first and leads to the content', async () => {
    await site.page.goto(`${site.url}/en/case-studies/`);
    await site.page.keyboard.press('Tab');
    const focused = await site.page.evaluate(() => ({ text: document.activeElement?.textContent, visible: document.activeElement!.getBoundingClientRect().top >= 0 }));
    expect(focused).toEqual({ text: 'Skip to content', visible: true });
    // A visible focus indicator.
    expect(await site.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await site.page.keyboard.press('Enter');
    expect(await site.page.evaluate(() => document.activeElement?.id)).toBe('main');
    await site.page.keyboard.press('Tab');
    expect(await site.page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  it('switches language on the same entry', async () => {
    await site.page.goto(`${site.url}/fr/case-studies/lyon-tiers-lieu-numerique/`);
    await site.page.locator('.language-switcher a[hreflang="ar"]').click();
    expect(path()).toBe('/ar/case-studies/lyon-tiers-lieu-numerique/');
    await expect(site.page.locator('h1').textContent()).resolves.toBe('فضاءات رقمية ثالثة في أحياء ليون');
    await site.page.locator('.language-switcher a[hreflang="en"]').click();
    expect(path()).toBe('/en/case-studies/lyon-tiers-lieu-numerique/');
    await expect(site.page.locator('html').getAttribute('lang')).resolves.toBe('en');
  });

  it('renders Arabic right to left, with the layout mirrored', async () => {
    const layout = async (locale: string) => {
      await site.page.goto(`${site.url}/${locale}/case-studies/lyon-tiers-lieu-numerique/`);
      return site.page.evaluate(() => {
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
    await site.page.goto(`${site.url}/ar/case-studies/lagos-collecte-des-dechets/`);
    await expect(site.page.locator('[data-notice="fallback"]').isVisible()).resolves.toBe(true);
    const heading = await site.page.locator('h1').evaluate((h) => ({ lang: h.closest('[lang]')!.getAttribute('lang'), direction: getComputedStyle(h).direction }));
    expect(heading).toEqual({ lang: 'fr', direction: 'ltr' });
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await site.page.setViewportSize({ width: 360, height: 740 });
    for (const url of ['/ar/', '/fr/case-studies/lyon-tiers-lieu-numerique/', '/ar/funding-calls/appel-villes-durables-2026/', '/en/countries/']) {
      await site.page.goto(`${site.url}${url}`);
      const overflow = await site.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ url, overflow }).toEqual({ url, overflow: 0 });
    }
  });

  it('prints a fiche without the site chrome', async () => {
    await site.page.goto(`${site.url}/fr/funding-calls/appel-villes-durables-2026/`);
    await site.page.emulateMedia({ media: 'print' });
    const shown = await site.page.evaluate(() =>
      Object.fromEntries(['.site-header', '.site-footer', '.breadcrumbs', 'h1', '.call-status'].map((s) => [s, getComputedStyle(document.querySelector(s)!).display !== 'none'])),
    );
    expect(shown).toEqual({ '.site-header': false, '.site-footer': false, '.breadcrumbs': false, h1: true, '.call-status': true });
  });
});
