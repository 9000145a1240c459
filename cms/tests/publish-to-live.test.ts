/**
 * Publish to live: the plugin rebuilds the site when an editor publishes, serves the new
 * build atomically, keeps the old one when a build fails, and gathers bursts into few builds.
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort } from '../../scripts/lib/cms';
import { searchSite, until } from '../../scripts/lib/live-site';
import { serveStatic } from '../../scripts/lib/static-server';
import { describeWithBrowser, launchBrowser } from '../../site/__tests__/test-utils/browser';
import { testDatabases } from './databases';
import { TestCms, api } from './harness';

const FIXTURES = join(__dirname, 'fixtures', 'seed');
const CASE_STUDY = 'plugin::knowledge-base.case-study';

type Build = { id: number; status: string; reasons: string[]; phases: Record<string, number> | null; logTail: string | null };

describeWithBrowser('publish to live', () => {
  describe.each(testDatabases())('on %s', (database) => {
    const work = mkdtempSync(join(tmpdir(), 'kb-live-'));
    const current = join(work, 'current');
    const cms = new TestCms(database);
    Object.assign(cms.env, {
      KB_SITE_BUILDS: 'true',
      KB_SITE_RELEASES: join(work, 'releases'),
      KB_SITE_CURRENT: current,
      KB_SITE_BUILD_DEBOUNCE_MS: '1500',
      KB_CACHE_DIR: join(work, 'astro-cache'),
      KB_SITE_REBUILD_CRON: '',
    });
    let server: Server;
    let site: string;
    let browser: Browser;

    const builds = async () => {
      const body = (await (await cms.admin('/knowledge-base/site-builds')).json()) as { data: Build[]; meta: { state: string } };
      return body;
    };
    // Waits until no build waits or runs, and returns the history, newest first.
    const settled = () =>
      until('the site builds to settle', async () => {
        const { data, meta } = await builds();
        return meta.state === 'idle' && data.length && data[0].status !== 'running' ? data : undefined;
      });
    const page = async (path: string) => {
      const response = await fetch(`${site}${path}`);
      return { status: response.status, text: await response.text() };
    };
    const search = (term: string) => searchSite(browser, site, term);

    beforeAll(async () => {
      await cms.seed(FIXTURES);
      await cms.start();
      browser = await launchBrowser();
      const port = await freePort();
      server = await serveStatic(() => (existsSync(current) ? realpathSync(current) : work), port);
      site = `http://127.0.0.1:${port}`;
    });
    afterAll(async () => {
      await browser?.close();
      server?.close();
      await cms.dispose();
      rmSync(work, { recursive: true, force: true });
    });

    it('builds the site once at start, with a read-only token, and serves it', async () => {
      const history = await settled();
      expect(history[0]).toMatchObject({ status: 'succeeded', reasons: ['first build'] });
      expect(Object.keys(history[0].phases ?? {}).sort()).toEqual(['fetch', 'index', 'render']);
      expect((await page('/fr/')).status).toBe(200);
      // the token the builder made for itself can read, and only read
      const tokens = (await (await cms.admin('/admin/api-tokens')).json()) as { data: { name: string; type: string }[] };
      expect(tokens.data.find((t) => t.name === 'Knowledge base site builder')?.type).toBe('read-only');
    });

    it('publishes a new case study through the API and serves its page, found by search', async () => {
      const word = `Zorvillelive${database}`;
      const created = await cms.admin(`/content-manager/collection-types/${CASE_STUDY}?locale=fr`, {
        method: 'POST',
        body: JSON.stringify({
          title: `Compostage collectif à ${word}`,
          slug: `compostage-${word.toLowerCase()}`,
          summary: `Les habitants de ${word} compostent ensemble les déchets verts du quartier.`,
          sources: [{ document: '000', section: 'test' }],
          translationOrigin: 'original',
        }),
      });
      expect(created.status).toBe(201);
      const { data } = (await created.json()) as { data: { documentId: string } };
      const published = await cms.admin(`/content-manager/collection-types/${CASE_STUDY}/${data.documentId}/actions/publish?locale=fr`, {
        method: 'POST',
        body: '{}',
      });
      expect(published.status).toBe(200);
      const publishedAt = Date.now();

      const path = `/fr/case-studies/compostage-${word.toLowerCase()}/`;
      await until('the new page to be served', async () => ((await page(path)).status === 200 ? true : undefined));
      expect((await page(path)).text).toContain(`Compostage collectif à ${word}`);
      const urls = await until('search to find it', async () => {
        const found = await search(word);
        return found.length ? found : undefined;
      });
      expect(urls[0]).toBe(path);
      expect(Date.now() - publishedAt).toBeLessThan(240_000);
      // and it is what the public API says, too
      expect((await api(cms, `/case-studies/compostage-${word.toLowerCase()}?locale=fr`)).status).toBe(200);
    });

    it('gathers a burst of 20 publishes into at most two builds', async () => {
      const before = (await settled()).length;
      const listed = (await (await cms.admin(`/content-manager/collection-types/${CASE_STUDY}?locale=fr`)).json()) as {
        results: { documentId: string }[];
      };
      const documents = listed.results.map((d) => d.documentId);
      expect(documents.length).toBeGreaterThan(0);
      for (let i = 0; i < 20; i++) {
        const id = documents[i % documents.length];
        const response = await cms.admin(`/content-manager/collection-types/${CASE_STUDY}/${id}/actions/publish?locale=fr`, { method: 'POST', body: '{}' });
        expect(response.status).toBe(200);
      }
      const after = await settled();
      const added = after.length - before;
      expect(added).toBeGreaterThanOrEqual(1);
      expect(added).toBeLessThanOrEqual(2);
      expect(after.slice(0, added).every((b) => b.status === 'succeeded')).toBe(true);
    });

    it('keeps the previous site online when a build fails', async () => {
      const served = realpathSync(current);
      const before = await page('/fr/');
      await cms.stop();
      // A setting the site's loader refuses: a real failing build (the CMS itself starts, it does not read it).
      cms.env.KB_API_DEADLINE_MS = 'soon';
      await cms.start();
      const history = await settled();
      expect(history[0].status).toBe('failed');
      expect(history[0].logTail).toMatch(/KB_API_DEADLINE_MS must be a whole number/);
      expect(realpathSync(current)).toBe(served);
      const after = await page('/fr/');
      expect(after.status).toBe(200);
      expect(after.text).toBe(before.text);
      expect(readFileSync(join(current, 'index.html'), 'utf8')).toContain('<html');
      delete cms.env.KB_API_DEADLINE_MS;
    });

    it('keeps the previous site online when the CMS does not answer the build in time', async () => {
      const served = realpathSync(current);
      const before = await page('/fr/');
      await cms.stop();
      // No answer of the CMS comes within 1 ms: the build's loader gives up on it, as on one that hangs.
      cms.env.KB_API_TIMEOUT_MS = '1';
      await cms.start();
      const history = await settled();
      expect(history[0].status).toBe('failed');
      expect(history[0].logTail).toMatch(/^Knowledge-base API: no complete answer within 0\.001 s \(KB_API_TIMEOUT_MS\), at http:\/\/127\.0\.0\.1:\d+\/api\/knowledge-base\/[a-z-]+\?locale=/m);
      expect(realpathSync(current)).toBe(served);
      const after = await page('/fr/');
      expect(after.status).toBe(200);
      expect(after.text).toBe(before.text);
      delete cms.env.KB_API_TIMEOUT_MS;
    });
  });
});
