/**
 * The static server shared by `npm start` and the benchmarks, in this process over real HTTP:
 * the types and cache headers the guide needs (Pagefind's files included), its own 404 page,
 * the switch to a new build without a failed request, gzip for the search benchmark, and an
 * error inside one request answered 500 while the server keeps serving.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { freePort } from '../lib/cms';
import { serveStatic, siteServer, type SiteServerOptions } from '../lib/static-server';

/** A GET with exactly these headers (fetch would add and decode its own Accept-Encoding). */
const getRaw = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });

/** A server of `options` on a free port, for one test. */
async function listening(options: SiteServerOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const server = siteServer(options);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('the site server', () => {
  const root = mkdtempSync(join(tmpdir(), 'kb-serve-'));
  const current = join(root, 'current');
  let server: Server;
  let url: string;

  const release = (name: string) => {
    const dir = join(root, name);
    mkdirSync(join(dir, 'fr', 'entry'), { recursive: true });
    mkdirSync(join(dir, '_astro'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), `<html>${name}</html>`);
    writeFileSync(join(dir, 'fr', 'entry', 'index.html'), `<html>${name} entry</html>`);
    writeFileSync(join(dir, '404.html'), `<html>${name} not found</html>`);
    writeFileSync(join(dir, '_astro', 'app.css'), 'body{}');
    writeFileSync(join(dir, 'deadlines.ics'), 'BEGIN:VCALENDAR');
    writeFileSync(join(dir, 'case-studies.csv'), 'title\n');
    writeFileSync(join(dir, '_astro', 'search.js'), `export const name = ${JSON.stringify(name.repeat(500))};`);
    mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
    mkdirSync(join(dir, 'pagefind', 'index'), { recursive: true });
    writeFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), '{}');
    for (const file of ['pagefind.fr_1.pf_meta', 'fragment/fr_1.pf_fragment', 'index/fr_1.pf_index', 'filter/fr_1.pf_filter', 'wasm.fr.pagefind']) {
      mkdirSync(join(dir, 'pagefind', file, '..'), { recursive: true });
      writeFileSync(join(dir, 'pagefind', file), 'gzipped already');
    }
    writeFileSync(join(dir, 'engine.wasm'), Buffer.from([0, 97, 115, 109]));
    return dir;
  };
  const point = (dir: string) => {
    const temporary = `${current}.next`;
    symlinkSync(dir, temporary);
    renameSync(temporary, current);
  };

  beforeAll(async () => {
    point(release('one'));
    const port = await freePort();
    server = await serveStatic(() => realpathSync(current), port);
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('serves pages, assets and the 404 page with their types and cache headers', async () => {
    const page = await fetch(`${url}/fr/entry/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${url}/_astro/app.css`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${url}/deadlines.ics`)).headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const missing = await fetch(`${url}/fr/nothing-here/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<html>one not found</html>');
    expect((await fetch(`${url}/..%2f..%2fetc/passwd`)).status).not.toBe(200);
  });

  it('names every file the guide serves with its type, and says nosniff', async () => {
    const types = {
      '/fr/entry/': 'text/html; charset=utf-8',
      '/_astro/search.js': 'text/javascript; charset=utf-8',
      '/case-studies.csv': 'text/csv; charset=utf-8',
      '/engine.wasm': 'application/wasm',
      '/pagefind/pagefind-entry.json': 'application/json; charset=utf-8',
      '/pagefind/pagefind.fr_1.pf_meta': 'application/octet-stream',
      '/pagefind/fragment/fr_1.pf_fragment': 'application/octet-stream',
      '/pagefind/index/fr_1.pf_index': 'application/octet-stream',
      '/pagefind/filter/fr_1.pf_filter': 'application/octet-stream',
      '/pagefind/wasm.fr.pagefind': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(types)) {
      const response = await fetch(`${url}${path}`);
      expect([path, response.status, response.headers.get('content-type'), response.headers.get('x-content-type-options')]).toEqual([path, 200, type, 'nosniff']);
    }
  });

  it('answers HEAD as GET, without the body', async () => {
    const head = await fetch(`${url}/fr/entry/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
  });

  it('switches to a new build between requests without failing one', async () => {
    const releases = ['two', 'three', 'four', 'five'].map(release);
    const seen = new Set<string>();
    let failures = 0;
    let switching = true;
    const load = (async () => {
      while (switching) {
        const responses = await Promise.all(
          Array.from({ length: 8 }, () => fetch(`${url}/fr/entry/`).then(async (r) => ({ status: r.status, text: await r.text() }))),
        );
        for (const { status, text } of responses) {
          if (status !== 200) failures++;
          seen.add(text);
        }
      }
    })();
    for (const dir of releases) {
      point(dir);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    switching = false;
    await load;
    expect(failures).toBe(0);
    expect(seen.has('<html>five entry</html>')).toBe(true);
    expect([...seen].every((text) => /^<html>\w+ entry<\/html>$/.test(text))).toBe(true);
    expect(await (await fetch(`${url}/`)).text()).toBe('<html>five</html>');
  });
});

describe('the site server, set up otherwise', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-serve-'));
  mkdirSync(join(dir, '_astro'));
  mkdirSync(join(dir, 'pagefind'));
  const script = `export const words = ${JSON.stringify('réseau de chaleur '.repeat(2000))};`;
  writeFileSync(join(dir, '_astro', 'search.js'), script);
  writeFileSync(join(dir, 'pagefind', 'wasm.fr.pagefind'), 'gzipped already');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compresses text with gzip when the request accepts it (the search benchmark\'s host), and nothing else', async () => {
    const server = await listening({ root: () => dir, gzip: true });
    try {
      const zipped = await getRaw(`${server.url}/_astro/search.js`, { 'accept-encoding': 'gzip, br' });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers['content-length']).toBeUndefined();
      expect(zipped.headers.vary).toBe('Accept-Encoding');
      expect(zipped.body.length).toBeLessThan(script.length / 10);
      expect(gunzipSync(zipped.body).toString()).toBe(script);
      const plain = await getRaw(`${server.url}/_astro/search.js`);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(readFileSync(join(dir, '_astro', 'search.js'), 'utf8'));
      const pagefind = await getRaw(`${server.url}/pagefind/wasm.fr.pagefind`, { 'accept-encoding': 'gzip' });
      expect(pagefind.headers['content-encoding']).toBeUndefined();
      expect(pagefind.body.toString()).toBe('gzipped already');
    } finally {
      await server.close();
    }
  });

  it('answers 500 to a request that fails inside the server, logs it, and serves the next one', async () => {
    const logged: string[] = [];
    let fail = true;
    const server = await listening({
      root: () => {
        if (fail) throw new Error('the build folder cannot be read');
        return dir;
      },
      log: (message) => logged.push(message),
    });
    try {
      const failed = await fetch(`${server.url}/_astro/search.js`);
      expect(failed.status).toBe(500);
      expect(failed.headers.get('x-content-type-options')).toBe('nosniff');
      expect(logged.join('\n')).toContain('the build folder cannot be read');
      fail = false;
      expect((await fetch(`${server.url}/_astro/search.js`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers 503 while there is no build to serve', async () => {
    const server = await listening({ root: () => undefined });
    try {
      const response = await fetch(`${server.url}/fr/`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
    } finally {
      await server.close();
    }
  });
});
