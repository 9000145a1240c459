/**
 * The editors' Moderation page in real Chromium, on a real CMS with its admin panel built:
 * sign in, the queue, a case study beside the published entry it looks like, a request for
 * changes refused without a message and sent with one, a fiche proposal beside the fiche as
 * published, accepted, and the resubmission showing what changed since, accepted; attachments
 * carrying script opened and downloaded with nothing run, and an accept on a revision the
 * contributor changed meanwhile refused. What each click did is checked through the API and the e-mails.
 * The page does not depend on the database: SQLite only.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildCms } from '../../scripts/lib/cms';
import { CMS_DIR } from '../../scripts/lib/paths';
import { describeWithBrowser, launchBrowser } from '../../site/__tests__/test-utils/browser';
import { ADMIN, TestCms } from './harness';
import { SmtpSink } from './smtp-sink';
import { PDF, PNG, caseStudy, kb, multipart, onboard } from './contributors';
import { translate } from '../../plugins/knowledge-base/server/src/translations';

const FIXTURES = join(__dirname, 'fixtures', 'seed');
const CONTRIBUTOR = 'mairie@fixtureville.example';
const TITLE = 'Collecte des déchets à Fixtureville, deuxième phase';

describeWithBrowser('the Moderation admin page, in Chromium', () => {
  const cms = new TestCms('sqlite');
  const smtp = new SmtpSink();
  let browser: Browser;
  let page: Page;
  let jwt = '';
  const submissions = async (status: string) =>
    ((await (await cms.admin(`/knowledge-base/moderation/submissions?status=${status}`)).json()) as any).data as { id: string; kind: string; status: string; title: string }[];

  beforeAll(async () => {
    // The admin panel is built only for this suite (about a minute), then reused while its sources stay the same.
    buildCms({ admin: true });
    await smtp.start();
    Object.assign(cms.env, {
      SERVE_ADMIN_PANEL: 'true',
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'guide@aimf.example',
      KB_SITE_URL: 'https://guide.example', KB_EDITOR_EMAILS: 'moderation@aimf.example',
    });
    await cms.seed(FIXTURES);
    await cms.start();
    jwt = await onboard(cms, smtp, CONTRIBUTOR, 'ville-fixture', 'fr');
    // Same city and a title close to the published "Collecte des déchets à Fixtureville": a look-alike.
    const created = await kb(cms, '/contribution/submissions', { method: 'POST', jwt, body: JSON.stringify({ data: caseStudy({ title: TITLE, partners: [] }) }) });
    expect(created.status).toBe(201);
    const proposed = await kb(cms, '/contribution/actor-updates', {
      method: 'POST', jwt, body: JSON.stringify({ data: { locale: 'fr', description: 'Une ville qui trie ses déchets avec ses habitants.' } }),
    });
    expect(proposed.status).toBe(201);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' })).newPage();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await cms.dispose();
    await smtp.stop();
  });

  it('signs the editor in and shows the queue of what waits, with the look-alike counted', async () => {
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.fill('input[name="email"]', ADMIN.email);
    await page.fill('input[name="password"]', ADMIN.password);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
    await page.goto(`${cms.url}/admin/plugins/knowledge-base/moderation`);
    await page.getByRole('heading', { name: 'Moderation', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('1 look-alike(s)');
    await expect(row.textContent()).resolves.toContain('Ville fixture');
    await expect(page.getByRole('row', { name: /Ville fixture/ }).count()).resolves.toBe(2);
  });

  it('opens a case study beside the published entry it looks like, and requests changes only with a message', async () => {
    await page.getByRole('button', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 2 }).waitFor();
    // The detail opens below the queue and takes the focus.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('kb-moderation-detail');
    const detail = page.locator('h2', { hasText: TITLE }).locator('..');
    await expect(detail.textContent()).resolves.toContain('Case study · fr · submitted');
    await expect(detail.locator('li', { hasText: 'Collecte des déchets à Fixtureville (fr, published)' }).textContent()).resolves.toContain('same city, similar title');
    // Lists read as lines, not JSON.
    await expect(detail.locator('dt', { hasText: 'Results' }).locator('xpath=following-sibling::dd[1]').textContent()).resolves.toBe('composteurs installés: 14 composteurs (2023)');
    await expect(detail.locator('dt', { hasText: 'Links' }).locator('xpath=following-sibling::dd[1]').textContent()).resolves.toBe('Présentation — https://example.org/compost');
    await expect(detail.locator('dt', { hasText: 'SDGs' }).locator('xpath=following-sibling::dd[1]').textContent()).resolves.toBe('11, 12');

    // No message: the server's field-level refusal is shown, nothing changes.
    await page.getByRole('button', { name: 'Request changes' }).click();
    const notice = page.getByRole('status').filter({ hasText: /./ });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toBe(translate('en', 'error.required'));
    expect((await submissions('submitted')).find((s) => s.title === TITLE)).toBeDefined();

    await page.getByLabel('Message to the contributor').fill('Précisez le budget annuel.');
    await page.getByRole('button', { name: 'Request changes' }).click();
    await page.getByText('Changes requested; the contributor has been told.').waitFor();
    expect((await submissions('changes-requested')).map((s) => s.title)).toEqual([TITLE]);
    const mail = await smtp.waitFor((m) => m.to.includes(CONTRIBUTOR) && m.text.includes('Précisez le budget annuel.'));
    expect(mail.subject).toContain(TITLE);
    // The default filter shows what waits for an editor: the case study has left it.
    await expect(page.getByRole('row', { name: new RegExp(TITLE) }).count()).resolves.toBe(0);
  });

  it('shows a fiche proposal beside the fiche as published, and accepting it publishes the change', async () => {
    await page.getByRole('button', { name: 'Ville fixture' }).click();
    await page.getByRole('heading', { name: 'Ville fixture', level: 2 }).waitFor();
    await expect(page.getByText('Published now: Une ville de test.').count()).resolves.toBe(1);
    await expect(page.getByText('Proposed: Une ville qui trie ses déchets avec ses habitants.').count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Accept and publish' }).click();
    await page.getByText('Accepted and published.').waitFor();
    const fiche = await kb(cms, '/actors/ville-fixture?locale=fr');
    expect(fiche.body.data.description).toBe('Une ville qui trie ses déchets avec ses habitants.');
    expect((await submissions('accepted')).map((s) => s.kind)).toEqual(['actor-update']);
    await page.getByText('Nothing to moderate with these filters.').waitFor();
  });

  it('shows what a resubmission changed since the request for changes, then accepts it', async () => {
    const [asked] = await submissions('changes-requested');
    const resubmitted = await kb(cms, `/contribution/submissions/${asked.id}`, {
      method: 'PUT', jwt, body: JSON.stringify({ data: { summary: 'Budget annuel : 40 000 €. Des composteurs de quartier.' } }),
    });
    expect(resubmitted.status).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: TITLE }).click();
    // Fields are named in the editor's language (here English).
    await page.getByText('Changed since you asked for changes: Summary').waitFor();
    await expect(page.locator('dt', { hasText: 'Summary' }).textContent()).resolves.toContain('changed');
    await expect(page.locator('dt', { hasText: 'Title' }).textContent()).resolves.not.toContain('changed');

    await page.getByRole('button', { name: 'Accept and publish' }).click();
    await page.getByText('Accepted and published.').waitFor();
    const slug = (await (await cms.admin(`/knowledge-base/moderation/submissions/${asked.id}`)).json() as any).data.content.slug;
    await expect(kb(cms, `/case-studies/${slug}?locale=fr`).then((r) => r.body.data.summary)).resolves.toBe('Budget annuel : 40 000 €. Des composteurs de quartier.');
  });

  it('opens a contributor’s files, script-laden ones too, and nothing in them runs', async () => {
    // A real PNG and a real PDF, each with a script appended: both pass the checks, and must never run.
    const payload = "<html><script>alert(1);fetch('/steal?'+document.cookie)</script></html>";
    const title = 'Pièces jointes piégées';
    const created = await kb(cms, '/contribution/submissions', {
      method: 'POST', jwt,
      body: multipart(caseStudy({ title, partners: [] }), [{ name: 'photo.png', content: Buffer.concat([PNG, Buffer.from(payload)]) }, { name: 'rapport.pdf', content: Buffer.concat([PDF, Buffer.from(payload)]) }]),
    });
    expect(created.status).toBe(201);
    // What an upload did before: an HTML page and a script under /uploads, on the admin's origin.
    const probe = join(CMS_DIR, 'public', 'uploads', `kb-probe-${Date.now()}`);
    writeFileSync(`${probe}.js`, "fetch('/steal?js')");
    writeFileSync(`${probe}.html`, `<script>fetch('/steal?html')</script><script src="/uploads/${probe.split('/').pop()}.js"></script>`);
    const ran: string[] = [];
    page.context().on('request', (request) => request.url().includes('/steal') && ran.push(request.url()));
    page.on('dialog', (dialog) => {
      ran.push(`dialog: ${dialog.message()}`);
      return dialog.dismiss();
    });
    try {
      await page.reload();
      await page.getByRole('button', { name: title }).click();
      await page.getByRole('heading', { name: title, level: 2 }).waitFor();
      // The image is shown from the bytes fetched with the editor's credentials.
      const preview = page.getByRole('img', { name: 'photo.png' });
      await preview.waitFor();
      await expect(preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).resolves.toBe(1);
      for (const name of ['photo.png', 'rapport.pdf']) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${name}` }).click()]);
        expect(download.suggestedFilename()).toBe(name);
      }
      // Opened on their own: the old route to an admin takeover.
      const other = await page.context().newPage();
      for (const path of [`/uploads/${probe.split('/').pop()}.html`, `/uploads/${probe.split('/').pop()}.js`]) {
        const headers = (await other.request.get(`${cms.url}${path}`)).headers();
        expect([headers['content-disposition'], headers['x-content-type-options']]).toEqual(['attachment', 'nosniff']);
        expect(headers['content-security-policy']).toMatch(/sandbox/);
        // A download, not a page: navigating there runs nothing.
        await other.goto(`${cms.url}${path}`).catch(() => undefined);
      }
      await other.goto(`${cms.url}/admin/plugins/knowledge-base/moderation`);
      await other.evaluate((src) => new Promise((resolve) => {
        const script = Object.assign(document.createElement('script'), { src, onload: resolve, onerror: resolve });
        document.head.append(script);
      }), `/uploads/${probe.split('/').pop()}.js`);
      await other.waitForTimeout(500);
      await other.close();
      expect(ran).toEqual([]);
    } finally {
      rmSync(`${probe}.js`, { force: true });
      rmSync(`${probe}.html`, { force: true });
    }
  });

  it('refuses to accept what the contributor changed since the page showed it, then shows the new revision', async () => {
    const title = 'Titre modifié pendant la lecture';
    const created = await kb(cms, '/contribution/submissions', { method: 'POST', jwt, body: JSON.stringify({ data: caseStudy({ title, partners: [] }) }) });
    expect(created.status).toBe(201);
    await page.reload();
    await page.getByRole('button', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 2 }).waitFor();
    const edit = await kb(cms, `/contribution/submissions/${created.body.data.id}`, { method: 'PUT', jwt, body: JSON.stringify({ data: { summary: 'Résumé changé pendant la lecture.' } }) });
    expect(edit.status).toBe(200);
    await page.getByRole('button', { name: 'Accept and publish' }).click();
    await page.getByText(translate('en', 'error.staleSubmission')).waitFor();
    await page.getByText('Résumé changé pendant la lecture.').waitFor();
    expect((await kb(cms, `/case-studies/${created.body.data.content.slug}?locale=fr`)).status).toBe(404);
    await page.getByRole('button', { name: 'Accept and publish' }).click();
    await page.getByText('Accepted and published.').waitFor();
    await expect(kb(cms, `/case-studies/${created.body.data.content.slug}?locale=fr`).then((r) => r.body.data.summary)).resolves.toBe('Résumé changé pendant la lecture.');
  });
});
