import { mkdirSync, mkdtempSync, realpathSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../lib/cms';
import { serveStatic } from '../lib/static-server';

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
  afterAll(() => server.close());

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
