// Screenshots of a case study page in fr and ar, desktop and mobile: `node scripts/screenshots.mjs [dist] [slug]`.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dist = resolve(process.argv[2] ?? 'dist');
const slug = process.argv[3];
const out = resolve(process.argv[4] ?? 'docs/screenshots');
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

const server = createServer(async (req, res) => {
  let path = join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(await readFile(path));
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const target = slug ?? (await readFile(join(dist, 'fr/case-studies/index.html'), 'utf8')).match(/href="\/fr\/case-studies\/([a-z0-9-]+)\/"/)[1];
for (const locale of ['fr', 'ar']) {
  for (const [name, width, height] of [['desktop', 1280, 900], ['mobile', 390, 844]]) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    await page.goto(`${base}/${locale}/case-studies/${target}/`);
    await page.screenshot({ path: join(out, `case-study-${locale}-${name}.png`), fullPage: true });
    await page.close();
  }
}
await browser.close();
server.close();
console.log(`screenshots of ${target} in ${out}`);
