/**
 * pageWeight: what a reader downloads (gzip) for the heaviest page of each template of the guide
 * built from the real seed: the HTML with its stylesheets and scripts, images left out. Goals
 * (issue 9): ≤ 30 KB per page, no JavaScript on content pages.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runMeasured } from '../lib/process-tree';
import { SITE_BUILD, SITE_DIR } from '../lib/paths';
import type { BenchContext } from './context';

const GOAL_BYTES = 30 * 1024;
/** Pages whose template needs client JavaScript by design: the search page runs Pagefind, the contribution page is a form app. */
const SCRIPTED_TEMPLATES = new Set(['search', 'contribute']);

const gzipBytes = (content: string | Buffer) => gzipSync(content, { level: 6 }).length;

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? (d.name === 'pagefind' ? [] : htmlFiles(join(dir, d.name))) : d.name.endsWith('.html') ? [join(dir, d.name)] : []);

/** The page's template, from its path: `fr/case-studies/some-slug/index.html` → `entry: case-studies`. */
export function templateOf(path: string): string {
  const parts = path.split(sep).filter((p) => p !== 'index.html');
  if (parts.length === 1 && parts[0] === '404.html') return '404';
  if (parts.length === 0) return 'language choice';
  const [, section, item, extra] = parts;
  if (!section) return 'home';
  if (section === 'about' || section === 'search') return section;
  if (section === 'contribute' || section === 'contribuer') return 'contribute';
  if (section === 'themes' || section === 'countries') return item ? section.replace(/s$/, '').replace(/ie$/, 'y') : `${section} index`;
  // Lists are paginated: /fr/actors/, /fr/actors/2/.
  if (!item || /^\d+$/.test(item) || extra) return `list: ${section}`;
  return `entry: ${section}`;
}

/** Executable scripts: JSON data blocks are not code the browser runs. */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const isCode = (attributes: string) => !/type=["']?(application\/(ld\+)?json|text\/template)/i.test(attributes);

export default async function pageWeight(ctx: BenchContext): Promise<Record<string, unknown>> {
  // Inside site/: elsewhere Astro would put its intermediate build in site/.astro, shared with other builds.
  const out = join(SITE_DIR, 'node_modules', '.bench', `${basename(dirname(ctx.tmp))}-page-weight`);
  ctx.log('building the guide from seed/…');
  const built = await runMeasured(process.execPath, [SITE_BUILD, '--outDir', out], {
    cwd: SITE_DIR,
    env: { ...process.env, KB_API_URL: '', KB_SEED_DIR: '', KB_CACHE_DIR: join(ctx.tmp, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (built.code !== 0) throw new Error(`astro build failed:\n${built.output.slice(-3000)}`);

  const assetBytes = new Map<string, number>();
  const asset = (href: string) => {
    if (!assetBytes.has(href)) {
      const file = join(out, href.split(/[?#]/)[0]);
      assetBytes.set(href, existsSync(file) ? gzipBytes(readFileSync(file)) : 0);
    }
    return assetBytes.get(href)!;
  };

  const heaviest = new Map<string, { page: string; total: number; html: number; css: number; js: number }>();
  const pages = htmlFiles(out);
  ctx.log(`measuring ${pages.length} pages…`);
  let contentPagesWithJs = 0;
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    const template = templateOf(relative(out, file));
    const css = [...html.matchAll(/<link\b[^>]*rel=["']?stylesheet["']?[^>]*>/gi)]
      .map((m) => /href=["']?([^"' >]+)/i.exec(m[0])?.[1])
      .filter((href): href is string => !!href && href.startsWith('/'))
      .reduce((sum, href) => sum + asset(href), 0);
    let js = 0;
    for (const [, attributes, body] of html.matchAll(SCRIPT)) {
      if (!isCode(attributes)) continue;
      const src = /src=["']?([^"' >]+)/i.exec(attributes)?.[1];
      js += src ? (src.startsWith('/') ? asset(src) : 0) : body.trim() ? gzipBytes(body) : 0;
    }
    if (js > 0 && !SCRIPTED_TEMPLATES.has(template)) contentPagesWithJs++;
    const size = { page: `/${relative(out, file).replace(/index\.html$/, '')}`, html: gzipBytes(html), css, js, total: 0 };
    size.total = size.html + css + js;
    if (size.total > (heaviest.get(template)?.total ?? -1)) heaviest.set(template, size);
  }
  rmSync(out, { recursive: true, force: true });

  const templates = Object.fromEntries([...heaviest.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([template, s]) => [
    template,
    { page: s.page, totalKB: Math.round((s.total / 1024) * 10) / 10, htmlKB: Math.round((s.html / 1024) * 10) / 10, cssKB: Math.round((s.css / 1024) * 10) / 10, jsKB: Math.round((s.js / 1024) * 10) / 10 },
  ]));
  const [worst] = [...heaviest.entries()].sort(([, a], [, b]) => b.total - a.total);
  return {
    pages: pages.length,
    compression: 'gzip -6, images excluded',
    heaviestPerTemplate: templates,
    goals: {
      heaviestPageKB: { value: Math.round((worst[1].total / 1024) * 10) / 10, page: worst[1].page, goal: '≤ 30 KB', met: worst[1].total <= GOAL_BYTES },
      contentPagesWithJs: { value: contentPagesWithJs, goal: '0 (search and contribute, which need it, excepted)', met: contentPagesWithJs === 0 },
    },
  };
}
