/**
 * The contribution page in real Chromium against a real CMS: a member city's contributor
 * follows the invitation e-mail's link to the set-password page, fills the form with the
 * keyboard, attaches a file and submits (cross-origin, as from the real site); bad input
 * shows the server's field-level error beside its field; the editors' comment reaches
 * "my submissions", where the contributor edits and resubmits; changes to the city's fiche are proposed; too many submissions show the wait in words; Arabic is right to left;
 * axe finds nothing in French and Arabic. The site is built with the CMS as its API.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TestCms } from '../../cms/tests/harness';
import { SmtpSink } from '../../cms/tests/smtp-sink';
import { PNG, tokenOf } from '../../cms/tests/contributors';
import { freePort } from '../../scripts/lib/cms';
import { buildSite, FIXTURE_NOW, REPO_DIR } from '../__tests__/test-utils/build';
import { describeWithBrowser, launchBrowser, axeViolations, tabTo as tabToIn, textOf as textIn } from '../__tests__/test-utils/browser';
import { serve, type StaticServer } from '../__tests__/test-utils/server';

// The CMS's fixture content, which the importer takes and the site builds from: both know the same actors and themes.
const SEED = join(REPO_DIR, 'cms', 'tests', 'fixtures', 'seed');
const EMAIL = 'mairie@fixtureville.example';
const PASSWORD = 'Fixture-Passw0rd-2026';
const PER_USER = 6;

describeWithBrowser('the contribution page, in Chromium against a real CMS', () => {
  const cms = new TestCms('sqlite');
  const smtp = new SmtpSink();
  let site: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Requests the page made to the CMS's contribution API. */
  const posts: string[] = [];
  /** The revision an editor's decision carries: the one the editor's view shows now. */
  const revisionOf = async (id: string) => (((await (await cms.admin(`/knowledge-base/moderation/submissions/${id}`)).json()) as any).data.revision as number);
  /** Proposed changes to the organisation's fiche the page sent. */
  const proposals: string[] = [];

  beforeAll(async () => {
    await smtp.start();
    const port = await freePort();
    // The site is built against the CMS that will listen on `port`, as `npm start` builds it.
    const built = await buildSite('contribute', { KB_SEED_DIR: SEED, KB_NOW: FIXTURE_NOW, KB_PUBLIC_API_URL: `http://127.0.0.1:${port}` });
    site = await serve(built.dist);
    Object.assign(cms.env, {
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'guide@aimf.example',
      KB_SITE_URL: site.url, KB_SITE_ORIGINS: site.url, KB_EDITOR_EMAILS: 'moderation@aimf.example',
      KB_SUBMISSIONS_PER_USER: String(PER_USER), KB_SUBMISSIONS_PER_IP: '1000',
    });
    await cms.seed(SEED);
    await cms.start({ port });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/contribution/submissions')) posts.push(r.url());
      if (r.method() === 'POST' && r.url().includes('/contribution/actor-updates')) proposals.push(r.postData() ?? '');
    });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await cms.dispose();
    await smtp.stop();
  });

  const tabTo = (selector: string, max = 80) => tabToIn(page, selector, max);
  const typeInto = async (selector: string, text: string) => {
    await tabTo(selector);
    await page.keyboard.type(text);
  };
  const textOf = (selector: string) => textIn(page, selector);
  const axe = () => axeViolations(page);

  it('is linked from the home page and the footer, and says it needs JavaScript when it is off', async () => {
    await page.goto(`${site.url}/fr/`);
    await expect(page.locator('main a[href="/fr/contribuer/"]').count()).resolves.toBe(1);
    await expect(page.locator('footer a[href="/fr/contribuer/"]').count()).resolves.toBe(1);
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${site.url}/en/contribute/`);
    await expect(plain.locator('.contribute-noscript').isVisible()).resolves.toBe(true);
    await expect(plain.locator('.contribute-noscript').textContent()).resolves.toMatch(/^This form needs JavaScript\./);
    await expect(plain.locator('#login-form').isVisible()).resolves.toBe(false);
    await noJs.close();
  });

  it('lets only the site’s origin call the CMS from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(`${cms.url}/api/knowledge-base/contribution/submissions`, {
        method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight(site.url);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(site.url);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await preflight('http://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('takes the invitation link to the set-password page, then signs in', async () => {
    const invited = await cms.admin('/knowledge-base/moderation/invitations', {
      method: 'POST', body: JSON.stringify({ email: EMAIL, organisation: 'ville-fixture', locale: 'fr' }),
    });
    expect(invited.status).toBe(201);
    const mail = await smtp.waitFor((m) => m.to.includes(EMAIL) && Boolean(tokenOf(m.text)));
    const link = mail.text.match(/https?:\/\/\S+invitation=[A-Za-z0-9_-]+/)![0];
    expect(link.startsWith(`${site.url}/fr/contribuer/?invitation=`)).toBe(true);

    await page.goto(link);
    await expect(page.locator('#invitation-title').isVisible()).resolves.toBe(true);
    await typeInto('#i-password', 'short1');
    await typeInto('#i-confirm', 'short1');
    await page.keyboard.press('Enter');
    // Checked in the browser first: nothing sent, the hint beside the field.
    await expect(page.locator('#i-password-error').textContent()).resolves.toBe('Au moins 10 caractères, dont une lettre et un chiffre.');
    await expect(page.locator('#i-password').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.fill('#i-password', '');
    await page.fill('#i-confirm', '');
    await page.focus('#i-password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-view="contribute"]:not([hidden])');
    await expect(textOf('[data-status]')).resolves.toBe('Votre mot de passe est enregistré et vous êtes connecté.');
    await expect(textOf('[data-signed-in]')).resolves.toBe(`Connecté : ${EMAIL}, pour Ville fixture.`);
    expect(new URL(page.url()).search).toBe('');
    await page.locator('[data-mine-status]', { hasText: "Votre organisation n'a encore rien envoyé." }).waitFor();

    // The link is spent; signing out and in again works with the new password.
    await page.click('[data-logout]');
    await expect(page.locator('#login-form').isVisible()).resolves.toBe(true);
    await page.keyboard.type(EMAIL);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Wrong-passw0rd');
    await page.keyboard.press('Enter');
    await expect(textOf('#l-password-error')).resolves.toBe('Adresse e-mail ou mot de passe incorrect.');
    await page.fill('#l-password', PASSWORD);
    await page.press('#l-password', 'Enter');
    await page.waitForSelector('[data-view="contribute"]:not([hidden])');
  });

  it('sends a case study filled with the keyboard, with a file, and shows the similar entries', async () => {
    await page.reload();
    // The JWT lives in sessionStorage: a reload keeps the contributor signed in.
    await page.waitForSelector('[data-view="contribute"]:not([hidden])');
    await page.focus('#c-locale');
    await typeInto('#c-title', 'Collecte des déchets à Fixtureville, deuxième phase');
    await typeInto('#c-summary', 'Six nouveaux points de collecte gérés avec les habitants.');
    await typeInto('#c-body', 'Le programme <script>alert(1)</script> a commencé en 2024.');
    await typeInto('#c-yearStart', '2024');
    await tabTo('#c-stage');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // pilot
    await tabTo('input[name="themes"][value="services-urbains"]');
    await page.keyboard.press('Space');
    await tabTo('input[name="sdgs"][value="11"]');
    await page.keyboard.press('Space');
    await typeInto('#c-partner-0', 'Fonds fixture');
    // The guide's actors are suggested from a file fetched when a partner field is first used, not carried by the page.
    await page.waitForFunction(() => [...document.querySelectorAll('#c-actors option')].map((o) => (o as HTMLOptionElement).value).join('|') === 'Fonds fixture|Ville fixture');
    expect(await (await fetch(`${site.url}/fr/contribuer/`)).text()).not.toContain('Fonds fixture');
    await tabTo('[data-add-row="partners"]');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Association des habitants');
    await typeInto('#c-result-0-indicator', 'points de collecte ouverts');
    await typeInto('#c-result-0-value', '6');
    await typeInto('#c-lessons', 'Associer les habitants dès le début.');
    await typeInto('#c-link-0-label', 'Présentation');
    await typeInto('#c-link-0-url', 'https://example.org/collecte');
    await page.setInputFiles('#c-files', { name: 'atelier.png', mimeType: 'image/png', buffer: PNG });
    await tabTo('[data-submit]');
    await page.keyboard.press('Enter');

    await page.waitForSelector('#contribute-success:not([hidden])');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('contribute-success');
    await expect(textOf('[data-success-text]')).resolves.toBe(
      '« Collecte des déchets à Fixtureville, deuxième phase » attend la relecture des éditeurs. Vous recevrez un e-mail à chaque étape.',
    );
    // Same city, similar title: the published case study is offered as a link to its page.
    const similar = page.locator('[data-duplicate-list] a');
    await expect(similar.allTextContents()).resolves.toEqual(['Collecte des déchets à Fixtureville']);
    await expect(similar.getAttribute('href')).resolves.toBe('/fr/case-studies/collecte-fixture/');
    await expect(page.locator('#c-title').inputValue()).resolves.toBe('');

    // What the CMS stored is what was typed, partners resolved against the guide's actors.
    const queue = (await (await cms.admin('/knowledge-base/moderation/submissions')).json()) as any;
    const stored = (await (await cms.admin(`/knowledge-base/moderation/submissions/${queue.data[0].id}`)).json()) as any;
    expect(stored.data.content).toMatchObject({
      title: 'Collecte des déchets à Fixtureville, deuxième phase', city: 'Fixtureville', yearStart: 2024, stage: 'pilot',
      themes: ['services-urbains'], sdgs: [11], lessons: ['Associer les habitants dès le début.'],
      results: [{ indicator: 'points de collecte ouverts', value: 6 }], links: [{ label: 'Présentation', url: 'https://example.org/collecte' }],
      partners: [{ actor: 'fonds-fixture' }, { name: 'Association des habitants' }],
    });
    expect(stored.data.attachments.map((f: { mime: string }) => f.mime)).toEqual(['image/png']);

    const mine = page.locator('[data-mine] li');
    await expect(mine.count()).resolves.toBe(1);
    await expect(mine.locator('.submission-status').textContent()).resolves.toBe('Statut : Envoyée, en attente de relecture');
  });

  it('shows the server’s field-level error beside its field, and the browser’s before sending', async () => {
    const before = posts.length;
    await page.click('[data-submit]');
    // Required fields are checked in the browser: nothing is sent.
    await expect(page.locator('#c-title-error').textContent()).resolves.toBe('Ce champ est obligatoire.');
    await expect(page.locator('[data-summary] a').first().textContent()).resolves.toBe('Titre : Ce champ est obligatoire.');
    await expect(page.evaluate(() => document.activeElement?.matches('[data-summary]'))).resolves.toBe(true);
    await page.locator('[data-summary] a').first().click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('c-title');
    expect(posts.length).toBe(before);

    // A "PNG" that is not one: only the server can tell, by its content.
    await page.fill('#c-title', 'Un autre projet');
    await page.fill('#c-summary', 'Résumé.');
    await page.setInputFiles('#c-files', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
    await page.click('[data-submit]');
    await page.waitForSelector('#c-files[aria-invalid="true"]');
    expect(posts.length).toBe(before + 1);
    const message = await textOf('#c-files-error');
    expect(message).toMatch(/^photo\.png : /);
    expect(message).not.toMatch(/[{}]/);
    await expect(page.locator('#c-files').getAttribute('aria-describedby')).resolves.toContain('c-files-error');
    await expect(page.locator('[data-summary] a').first().getAttribute('href')).resolves.toBe('#c-files');
    await expect(page.locator('#contribute-success').isHidden()).resolves.toBe(true);
    await expect(page.locator('[data-mine] li').count()).resolves.toBe(1);

    // The honeypot, filled as a robot would: the page sends nothing.
    await page.setInputFiles('#c-files', []);
    await page.evaluate(() => ((document.getElementById('c-leave-empty') as HTMLInputElement).value = 'http://spam.example'));
    await page.click('[data-submit]');
    await expect(page.locator('[data-summary] li').allTextContents()).resolves.toEqual(["Rien n'a été envoyé : le champ « Ne remplissez pas ce champ » était rempli."]);
    expect(posts.length).toBe(before + 1);
    await page.evaluate(() => ((document.getElementById('c-leave-empty') as HTMLInputElement).value = ''));
  });

  it('lists the editors’ request for changes under "my submissions"', async () => {
    const queue = (await (await cms.admin('/knowledge-base/moderation/submissions')).json()) as any;
    const asked = await cms.admin(`/knowledge-base/moderation/submissions/${queue.data[0].id}/request-changes`, {
      method: 'POST', body: JSON.stringify({ comment: 'Précisez le budget <b>annuel</b>.', revision: await revisionOf(queue.data[0].id) }),
    });
    expect(asked.status).toBe(200);
    await page.reload();
    const item = page.locator('[data-mine] li').first();
    await item.locator('.editor-comment').waitFor();
    await expect(item.locator('.submission-status').textContent()).resolves.toBe('Statut : Modifications demandées');
    // Shown as text, never as markup.
    await expect(item.locator('.editor-comment').textContent()).resolves.toBe('Message des éditeurs : Précisez le budget <b>annuel</b>.');
  });

  it('edits the submission the editors sent back, in the same form, and resubmits it', async () => {
    const item = page.locator('[data-mine] li').first();
    const edit = item.locator('[data-edit]');
    await expect(edit.textContent()).resolves.toBe('Modifier et renvoyer');

    // Cancelling leaves the form as it was and gives the focus back.
    await edit.click();
    await page.locator('#form-title', { hasText: 'Modifier' }).waitFor();
    await expect(page.locator('#c-title').inputValue()).resolves.toBe('Collecte des déchets à Fixtureville, deuxième phase');
    await page.click('[data-cancel-edit]');
    await expect(page.locator('#c-title').inputValue()).resolves.toBe('');
    await expect(page.locator('#form-title').textContent()).resolves.toBe('Proposer une étude de cas');
    await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-edit'))).resolves.toBe(true);

    await page.keyboard.press('Enter');
    await page.locator('#form-title', { hasText: 'Modifier' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('form-title');
    await expect(page.locator('#form-title').textContent()).resolves.toBe('Modifier « Collecte des déchets à Fixtureville, deuxième phase »');
    await expect(page.locator('[data-form-intro]').textContent()).resolves.toContain('Les fichiers ajoutés s\'ajoutent aux 1 déjà joints.');
    // The form holds what was sent, partners by their names; the language cannot change.
    const values = await page.evaluate(() => {
      const v = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
      const checked = (name: string) => [...document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
      return {
        summary: v('c-summary'), city: v('c-city'), yearStart: v('c-yearStart'), stage: v('c-stage'), themes: checked('themes'), sdgs: checked('sdgs'),
        partners: [v('c-partner-0'), v('c-partner-1')], secondPartnerShown: !document.querySelector<HTMLElement>('[data-rows="partners"] > [data-row="1"]')!.hidden,
        result: [v('c-result-0-indicator'), v('c-result-0-value')], lessons: v('c-lessons'), link: [v('c-link-0-label'), v('c-link-0-url')],
        locale: v('c-locale'), localeLocked: (document.getElementById('c-locale') as HTMLSelectElement).disabled,
      };
    });
    expect(values).toEqual({
      summary: 'Six nouveaux points de collecte gérés avec les habitants.', city: 'Fixtureville', yearStart: '2024', stage: 'pilot',
      themes: ['services-urbains'], sdgs: ['11'], partners: ['Fonds fixture', 'Association des habitants'], secondPartnerShown: true,
      result: ['points de collecte ouverts', '6'], lessons: 'Associer les habitants dès le début.', link: ['Présentation', 'https://example.org/collecte'],
      locale: 'fr', localeLocked: true,
    });

    // What the editors asked for; a field emptied is cleared; a file is added to the one already there.
    await page.fill('#c-summary', 'Budget annuel : 40 000 €. Six nouveaux points de collecte gérés avec les habitants.');
    await page.fill('#c-city', '');
    await page.fill('#c-partner-1', '');
    await page.setInputFiles('#c-files', { name: 'plan.png', mimeType: 'image/png', buffer: PNG });
    await expect(page.locator('[data-submit]').textContent()).resolves.toBe('Envoyer les modifications');
    await page.click('[data-submit]');

    await page.waitForSelector('#contribute-success:not([hidden])');
    await expect(textOf('[data-success-text]')).resolves.toBe(
      '« Collecte des déchets à Fixtureville, deuxième phase » est mise à jour et attend la relecture des éditeurs.',
    );
    await expect(page.locator('#form-title').textContent()).resolves.toBe('Proposer une étude de cas');
    await expect(page.locator('#c-locale').isDisabled()).resolves.toBe(false);
    await expect(page.locator('[data-cancel-edit]').isHidden()).resolves.toBe(true);
    await page.waitForFunction(() => document.querySelector('[data-mine] li .submission-status')?.textContent?.includes('Renvoyée'));
    await expect(item.locator('.submission-status').textContent()).resolves.toBe('Statut : Renvoyée après modifications');
    // Back with the editors: no longer editable.
    await expect(item.locator('[data-edit]').count()).resolves.toBe(0);

    const queue = (await (await cms.admin('/knowledge-base/moderation/submissions')).json()) as any;
    const stored = (await (await cms.admin(`/knowledge-base/moderation/submissions/${queue.data[0].id}`)).json()) as any;
    expect(stored.data.status).toBe('resubmitted');
    expect(stored.data.content).toMatchObject({
      title: 'Collecte des déchets à Fixtureville, deuxième phase', summary: 'Budget annuel : 40 000 €. Six nouveaux points de collecte gérés avec les habitants.',
      city: null, yearStart: 2024, stage: 'pilot', themes: ['services-urbains'], sdgs: [11], partners: [{ actor: 'fonds-fixture' }],
      results: [{ indicator: 'points de collecte ouverts', value: 6 }], links: [{ label: 'Présentation', url: 'https://example.org/collecte' }],
    });
    expect(stored.data.attachments.map((f: { name: string }) => f.name)).toEqual(['atelier.png', 'plan.png']);

    // Accepted: "my submissions" links to its page in the guide.
    expect((await cms.admin(`/knowledge-base/moderation/submissions/${queue.data[0].id}/accept`, { method: 'POST', body: JSON.stringify({ revision: stored.data.revision }) })).status).toBe(200);
    await page.reload();
    const link = page.locator('[data-mine] li', { hasText: 'deuxième phase' }).locator('a.published-link');
    await link.waitFor();
    await expect(link.textContent()).resolves.toBe('Voir sa page dans le guide');
    await expect(link.getAttribute('href')).resolves.toBe(`/fr/case-studies/${stored.data.content.slug}/`);
  });

  it('proposes changes to the organisation’s fiche, starting from the published one in the chosen language', async () => {
    const description = page.locator('#a-description');
    await page.waitForFunction(() => (document.getElementById('a-description') as HTMLTextAreaElement).value !== '');
    await expect(description.inputValue()).resolves.toBe('Une ville de test.');
    await expect(page.locator('#a-city').inputValue()).resolves.toBe('Fixtureville');

    // Nothing changed: nothing sent.
    await page.click('[data-fiche-submit]');
    await expect(page.locator('#fiche-form [data-summary] li').allTextContents()).resolves.toEqual(["Vous n'avez rien changé à la fiche."]);
    expect(proposals).toEqual([]);

    // A link the browser takes but the server refuses: its message beside the field.
    await page.fill('#a-website', 'javascript:alert(1)');
    await page.click('[data-fiche-submit]');
    await page.waitForSelector('#a-website[aria-invalid="true"]');
    expect(proposals).toHaveLength(1);
    expect(await textOf('#a-website-error')).not.toMatch(/[{}]|error\./);

    // Another language shows that version of the fiche.
    await page.selectOption('#a-locale', 'ar');
    await page.waitForFunction(() => (document.getElementById('a-description') as HTMLTextAreaElement).value === 'مدينة للاختبار.');
    await expect(page.locator('#a-website').inputValue()).resolves.toBe('');

    await page.selectOption('#a-locale', 'fr');
    await page.waitForFunction(() => (document.getElementById('a-description') as HTMLTextAreaElement).value === 'Une ville de test.');
    await page.fill('#a-interests', 'Partager nos méthodes de collecte avec les villes du réseau.');
    await page.click('[data-fiche-submit]');
    await page.waitForSelector('#contribute-success:not([hidden])');
    await expect(textOf('[data-success-text]')).resolves.toBe(
      'Vos modifications de la fiche « Ville fixture » attendent la relecture des éditeurs. Vous recevrez un e-mail à chaque étape.',
    );
    // Only what changed was sent, and the form shows the published fiche again.
    expect(JSON.parse(proposals[1])).toEqual({ data: { locale: 'fr', interests: 'Partager nos méthodes de collecte avec les villes du réseau.' } });
    await page.waitForFunction(() => (document.getElementById('a-interests') as HTMLTextAreaElement).value === '');
    const item = page.locator('[data-mine] li', { hasText: 'fiche' });
    await item.waitFor();
    await expect(item.locator('.submission-status').textContent()).resolves.toBe('Statut : Envoyée, en attente de relecture');

    const queue = (await (await cms.admin('/knowledge-base/moderation/submissions?status=submitted')).json()) as any;
    const proposal = queue.data.find((s: { kind: string }) => s.kind === 'actor-update');
    const stored = (await (await cms.admin(`/knowledge-base/moderation/submissions/${proposal.id}`)).json()) as any;
    expect(stored.data).toMatchObject({ kind: 'actor-update', locale: 'fr', content: { interests: 'Partager nos méthodes de collecte avec les villes du réseau.' } });
    expect(Object.keys(stored.data.content)).toEqual(['interests']);
  });

  it('edits a fiche proposal the editors sent back, over the published fiche, and resubmits it', async () => {
    const queue = (await (await cms.admin('/knowledge-base/moderation/submissions?status=submitted')).json()) as any;
    const proposal = queue.data.find((s: { kind: string }) => s.kind === 'actor-update');
    const asked = await cms.admin(`/knowledge-base/moderation/submissions/${proposal.id}/request-changes`, {
      method: 'POST', body: JSON.stringify({ comment: 'Ajoutez un contact.', revision: await revisionOf(proposal.id) }),
    });
    expect(asked.status).toBe(200);
    await page.reload();
    const item = page.locator('[data-mine] li', { hasText: 'Modification de la fiche' });
    await item.locator('.editor-comment').waitFor();
    await item.locator('[data-edit]').click();
    await page.waitForFunction(() => (document.getElementById('a-interests') as HTMLTextAreaElement).value.startsWith('Partager'));
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('fiche-title');
    await expect(page.locator('#a-description').inputValue()).resolves.toBe('Une ville de test.');
    await expect(page.locator('#a-locale').isDisabled()).resolves.toBe(true);

    await page.fill('#a-publicContact', 'innovation@fixtureville.example');
    await expect(page.locator('[data-fiche-submit]').textContent()).resolves.toBe('Envoyer les modifications');
    await page.click('[data-fiche-submit]');
    await page.waitForSelector('#contribute-success:not([hidden])');
    await page.waitForFunction(() => (document.getElementById('a-interests') as HTMLTextAreaElement).value === '');
    await expect(page.locator('#a-locale').isDisabled()).resolves.toBe(false);
    // "My submissions" is read again after the answer.
    await item.locator('.submission-status', { hasText: 'Renvoyée' }).waitFor();
    await expect(item.locator('.submission-status').textContent()).resolves.toBe('Statut : Renvoyée après modifications');
    await expect(item.locator('[data-edit]').count()).resolves.toBe(0);

    const stored = (await (await cms.admin(`/knowledge-base/moderation/submissions/${proposal.id}`)).json()) as any;
    expect(stored.data).toMatchObject({ status: 'resubmitted', locale: 'fr' });
    expect(stored.data.content).toEqual({ interests: 'Partager nos méthodes de collecte avec les villes du réseau.', publicContact: 'innovation@fixtureville.example' });
  });

  it('says in words when the contributor may send again after too many submissions', async () => {
    let status = '';
    for (let i = 0; i < PER_USER && !status.includes('réessayer'); i++) {
      await page.fill('#c-title', `Projet ${i}`);
      await page.fill('#c-summary', 'Résumé.');
      await page.click('[data-submit]');
      await page.waitForFunction(() => !document.querySelector('[data-submit]')!.hasAttribute('disabled'));
      status = (await page.locator('#submission-form [data-summary]').textContent()) ?? '';
    }
    expect(status).toMatch(/Trop d'envois en peu de temps : vous pourrez réessayer dans (\d+ minutes|1 heure)\./);
  });

  it('is right to left in Arabic, with its own words, and fits a phone screen', async () => {
    await page.goto(`${site.url}/ar/contribute/`);
    await page.waitForSelector('[data-view="contribute"]:not([hidden])');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toBe('ساهموا: شاركوا مبادرة مدينتكم');
    await expect(page.locator('#c-locale').inputValue()).resolves.toBe('ar');
    const layout = await page.evaluate(() => {
      const text = document.createRange();
      text.selectNodeContents(document.querySelector('label[for="c-title"]')!);
      const label = text.getBoundingClientRect();
      const main = document.querySelector('main .wrap')!.getBoundingClientRect();
      return {
        direction: getComputedStyle(document.querySelector('#submission-form')!).direction,
        // Labels start at the right edge of the column in Arabic.
        labelOnTheRight: main.right - label.right < label.left - main.left,
        overflows: document.documentElement.scrollWidth > window.innerWidth,
      };
    });
    expect(layout).toEqual({ direction: 'rtl', labelOnTheRight: true, overflows: false });
    // One row each of partners, results and links until the contributor adds more.
    await expect(page.locator('[data-rows] > [data-row]:visible').count()).resolves.toBe(3);
    await expect(page.locator('[data-mine] .submission-status').first().textContent()).resolves.toMatch(/^الحالة: /);
  });

  it.each(['fr', 'ar'])('has no axe violation in %s, signed in, with errors shown, and signed out', async (locale) => {
    await page.goto(`${site.url}/${locale}/${locale === 'fr' ? 'contribuer' : 'contribute'}/`);
    await page.waitForSelector('[data-view]:not([hidden])');
    if (await page.locator('#login-form').isVisible()) {
      await page.fill('#l-email', EMAIL);
      await page.fill('#l-password', PASSWORD);
      await page.press('#l-password', 'Enter');
    }
    await page.waitForSelector('[data-view="contribute"]:not([hidden])');
    await page.locator('[data-mine] li').first().waitFor();
    await expect(axe()).resolves.toEqual([]);
    await page.fill('#c-title', '');
    await page.click('[data-submit]');
    await page.waitForSelector('[data-summary]:not([hidden])');
    await expect(axe()).resolves.toEqual([]);
    await page.click('[data-logout]');
    await expect(page.locator('#login-form').isVisible()).resolves.toBe(true);
    await expect(axe()).resolves.toEqual([]);
  });
});
