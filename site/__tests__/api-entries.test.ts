import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { apiEntries } from '../src/loaders/api-entries';

interface Call {
  url: string;
  headers: IncomingHttpHeaders;
}

describe('API entries (the CMS public API)', () => {
  let server: Server;
  let base: string;
  const calls: Call[] = [];
  let failWith = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      calls.push({ url: req.url!, headers: req.headers });
      if (failWith) {
        res.writeHead(failWith).end('{}');
        return;
      }
      const url = new URL(req.url!, 'http://x');
      const locale = url.searchParams.get('locale')!;
      const page = Number(url.searchParams.get('page'));
      // Three actors in French (two pages of two), one in the other locales.
      const total = locale === 'fr' ? 3 : 1;
      const pageSize = 2;
      const slugs = ['a', 'b', 'c'].slice(0, total).slice((page - 1) * pageSize, page * pageSize);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: slugs.map((slug) => ({ collection: 'actor', documentId: `doc-${slug}`, locale, slug, name: `${slug}-${locale}` })),
          meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    calls.length = 0;
    failWith = 0;
  });

  it('reads every page of every locale of a collection, with the token', async () => {
    const entries = await apiEntries('actor', { url: base, token: 'secret' });
    expect(entries.map((e) => `${e.locale}/${e.slug}`)).toEqual(['fr/a', 'fr/b', 'fr/c', 'en/a', 'ar/a']);
    // Locales are read side by side: every page once, in whatever order they were asked.
    expect(calls.map((c) => c.url).sort()).toEqual([
      '/api/knowledge-base/actors?locale=ar&page=1&pageSize=100',
      '/api/knowledge-base/actors?locale=en&page=1&pageSize=100',
      '/api/knowledge-base/actors?locale=fr&page=1&pageSize=100',
      '/api/knowledge-base/actors?locale=fr&page=2&pageSize=100',
    ]);
    expect(calls.every((c) => c.headers.authorization === 'Bearer secret')).toBe(true);
  });

  it('sends no authorization header without a token', async () => {
    await apiEntries('actor', { url: base });
    expect(calls[0].url).toBe('/api/knowledge-base/actors?locale=fr&page=1&pageSize=100');
    expect(calls[0].headers.authorization).toBeUndefined();
  });

  it('fails the build with the URL when the API answers an error', async () => {
    failWith = 403;
    await expect(apiEntries('case-study', { url: base })).rejects.toThrow(/403 .*\/api\/knowledge-base\/case-studies\?locale=fr/);
  });
});
