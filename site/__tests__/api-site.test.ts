/**
 * The guide built from the CMS public API gives the same pages as from the seed: a fake
 * API serves the fixture's public entries (as the plugin would) while the site builds.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { KB_TYPES } from '@aimf/strapi-plugin-knowledge-base/shared';
import { seedEntries } from '../src/loaders/seed-entries';
import { buildFixtureSite, buildSite, FIXTURE_NOW, FIXTURE_SEED } from './test-utils/build';
import { htmlFiles } from './test-utils/dist';

const TOKEN = 'read-only-test-token';

describe('site built from the CMS API', () => {
  let server: Server;
  let requests = 0;
  let unauthorised = 0;

  beforeAll(async () => {
    const entries = seedEntries(FIXTURE_SEED, { now: new Date(FIXTURE_NOW), warn: () => undefined });
    server = createServer((req, res) => {
      requests++;
      const url = new URL(req.url!, 'http://x');
      const type = Object.entries(KB_TYPES).find(([, t]) => url.pathname === `/api/knowledge-base/${t.path}`)?.[0];
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        unauthorised++;
        res.writeHead(401).end();
        return;
      }
      if (!type) {
        res.writeHead(404).end();
        return;
      }
      const page = Number(url.searchParams.get('page'));
      // Smaller pages than asked for, so the loader has to follow the pagination.
      const pageSize = Math.min(2, Number(url.searchParams.get('pageSize')));
      const matching = entries.filter((e) => e.collection === type && e.locale === url.searchParams.get('locale'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: matching.slice((page - 1) * pageSize, page * pageSize),
          meta: { pagination: { page, pageSize, pageCount: Math.ceil(matching.length / pageSize), total: matching.length } },
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('builds exactly the pages of the seed build', async () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const [fromSeed, fromApi] = [
      await buildFixtureSite(),
      await buildSite('api', { KB_API_URL: `http://127.0.0.1:${port}`, KB_API_TOKEN: TOKEN, KB_NOW: FIXTURE_NOW, KB_PAGE_SIZE: '2' }),
    ];
    expect(requests).toBeGreaterThan(15);
    expect(unauthorised).toBe(0);
    const rel = (dist: string) => htmlFiles(dist).map((f) => f.slice(dist.length));
    expect(rel(fromApi.dist)).toEqual(rel(fromSeed.dist));
    // Only what points readers to the CMS (the alert form, the live API link, the contribution form's API address, the CSP's CMS origin) differs.
    const withoutCms = (html: string) =>
      html.replace(/<(form|li|script)\b[^>]*\bdata-cms\b[\s\S]*?<\/\1>/g, '').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    const differing = rel(fromSeed.dist).filter((f) => withoutCms(readFileSync(fromSeed.dist + f, 'utf8')) !== withoutCms(readFileSync(fromApi.dist + f, 'utf8')));
    expect(differing).toEqual([]);
    expect(readFileSync(`${fromApi.dist}/fr/funding/index.html`, 'utf8')).toContain(`action="http://127.0.0.1:${port}/api/knowledge-base/alerts"`);
    expect(readFileSync(`${fromSeed.dist}/fr/funding/index.html`, 'utf8')).not.toContain('data-cms');
    expect(readFileSync(`${fromApi.dist}/_headers`, 'utf8')).toContain(`connect-src 'self' http://127.0.0.1:${port}; form-action 'self' http://127.0.0.1:${port};`);
  }, 300_000);
});
