/**
 * searchPayload: full-text search on a synthetic guide of 10,000 entries × 3 locales, in
 * Chromium, served gzip-compressed as a static host would. Measures what the first query
 * downloads after the search page itself (Pagefind's script, WebAssembly, metadata, filters,
 * index chunks and result fragments), the time from the last keystroke of a query to its
 * results in the page, and the index size on disk. Goals (issue 5): ≤ 100 KB for the first
 * query, ≤ 50 ms median from keystroke to results.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { writeSyntheticSeed } from '../lib/synthetic';
import { runMeasured } from '../lib/process-tree';
import { SITE_BUILD, SITE_DIR } from '../lib/paths';
import { siteServer } from '../lib/static-server';
import type { BenchContext } from './context';
import { summarize } from './stats';

// KB_BENCH_SEARCH_ENTRIES=300 for a quick try of the benchmark itself.
const ENTRIES = Number(process.env.KB_BENCH_SEARCH_ENTRIES) || 10_000;
// KB_BENCH_SEARCH_DIST=<folder>: measure a guide already built (no build; its entry count is not known).
const PREBUILT = process.env.KB_BENCH_SEARCH_DIST;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const KB = 1024;
/** What a reader types, each ending with a plain letter so its last key is a real keystroke. */
const QUERIES = ['dechets', 'mobilite', 'eau potable', 'eclairage', 'assainissement', 'cadastre', 'inondations', 'fiscalite locale', 'agriculture urbaine'];

interface Sent {
  url: string;
  size: number;
}

/**
 * A static host: the guide's own server, text compressed with gzip on the fly; Pagefind's own files are gzip already.
 * It counts what it sends (headers and body) per request: the browser does not report the size of a worker's script.
 */
function serveCompressed(dir: string): Promise<{ url: string; server: Server; sent: Sent[] }> {
  const sent: Sent[] = [];
  const server = siteServer({ root: () => dir, gzip: true });
  // Before the server's own listener, so that the count starts before anything is written.
  server.prependListener('request', (request, response) => {
    // One request at a time per connection (HTTP/1.1): what the socket wrote meanwhile is this response.
    const before = request.socket.bytesWritten;
    response.on('finish', () => sent.push({ url: request.url ?? '/', size: request.socket.bytesWritten - before }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server, sent });
    }),
  );
}

/** Builds of site/ share its .astro folder: wait for the lock the site tests take too. */
async function withSiteBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), 'aimf-site-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const diskBytes = (path: string, keep: (name: string) => boolean = () => true): number =>
  readdirSync(path, { withFileTypes: true }).reduce(
    (sum, d) => sum + (d.isDirectory() ? diskBytes(join(path, d.name), keep) : keep(d.name) ? statSync(join(path, d.name)).size : 0),
    0,
  );

interface Visit {
  pageBytes: number;
  startupBytes: number;
  firstQueryBytes: number;
  firstQueryMs: number;
  keystrokeMs: number[];
  results: number;
  /** Bytes of the first query by kind of Pagefind file. */
  breakdown: Record<string, number>;
}

const KINDS: [string, RegExp][] = [
  ['scripts', /\.js$/],
  ['wasm', /\/wasm\.[^/]+\.pagefind$/],
  ['entryAndMeta', /(pagefind-entry\.json|\.pf_meta)$/],
  ['filters', /\.pf_filter$/],
  ['indexChunks', /\.pf_index$/],
  ['fragments', /\.pf_fragment$/],
];

/** One reader, with an empty cache: opens the search page, then types the queries one after the other. */
async function visit(browser: Browser, base: string, bytes: Sent[]): Promise<Visit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Transferred bytes (compressed body and headers) as the server sent them, to the page and to Pagefind's worker alike.
  bytes.length = 0;
  const sum = async (keep: (b: Sent) => boolean) => bytes.filter(keep).reduce((s, b) => s + b.size, 0);

  await page.goto(`${base}/fr/search/`, { waitUntil: 'load' });
  await page.waitForSelector('[data-search][data-ready]');
  const settle = () => page.waitForTimeout(300);
  await settle();
  const pagefind = (b: Sent) => new URL(b.url, base).pathname.startsWith('/pagefind/');
  const pageBytes = await sum((b) => !pagefind(b));
  const startupBytes = await sum(pagefind);

  // The page notes when the last key went down and when the status line (written after the results) changed.
  await page.evaluate(() => {
    const kb = ((window as any).__kb = { key: 0, shown: 0 });
    document.querySelector('#search-q')!.addEventListener('keydown', () => (kb.key = performance.now()), { capture: true });
    new MutationObserver(() => (kb.shown = performance.now())).observe(document.querySelector('[data-search-status]')!, { childList: true, characterData: true, subtree: true });
  });
  const keystrokeMs: number[] = [];
  let firstQueryMs = 0;
  let firstQueryBytes = 0;
  let results = 0;
  const breakdown: Record<string, number> = {};
  for (const [i, query] of QUERIES.entries()) {
    await page.fill('#search-q', query.slice(0, -1));
    await page.waitForFunction((q) => document.querySelector('[data-search-status]')!.textContent!.includes(`« ${q} »`), query.slice(0, -1));
    await settle();
    await page.evaluate(() => ((window as any).__kb.shown = 0));
    await page.keyboard.press(query.at(-1)!);
    await page.waitForFunction((q) => document.querySelector('[data-search-status]')!.textContent!.includes(`« ${q} »`), query);
    const { key, shown } = await page.evaluate(() => (window as any).__kb as { key: number; shown: number });
    keystrokeMs.push(shown - key);
    if (i === 0) {
      await settle();
      firstQueryMs = shown - key;
      firstQueryBytes = await sum(pagefind);
      for (const b of bytes.filter(pagefind)) {
        const kind = KINDS.find(([, test]) => test.test(new URL(b.url, base).pathname))?.[0] ?? 'other';
        breakdown[kind] = (breakdown[kind] ?? 0) + b.size;
      }
      results = await page.locator('.search-result').count();
    }
  }
  await context.close();
  return { pageBytes, startupBytes, firstQueryBytes, firstQueryMs, keystrokeMs, results, breakdown };
}

export default async function searchPayload(ctx: BenchContext): Promise<Record<string, unknown>> {
  const seedDir = join(ctx.tmp, 'seed');
  // The same synthetic guide (seed 1), when siteBuild built it earlier in this run.
  const fromSiteBuild = join(ctx.shared, `site-${ENTRIES}`);
  const reused = !PREBUILT && existsSync(join(fromSiteBuild, 'pagefind', 'pagefind-entry.json'));
  const out = PREBUILT ?? (reused ? fromSiteBuild : join(ctx.tmp, 'dist'));
  let built: { code: number | null; output: string } = { code: 0, output: '' };
  if (reused) ctx.log(`searching the ${ENTRIES}-entry guide siteBuild built in this run`);
  else if (!PREBUILT) {
    ctx.log(`writing ${ENTRIES} synthetic entries × 3 locales…`);
    writeSyntheticSeed(seedDir, { entries: ENTRIES, seed: 1 });
    ctx.log('building the synthetic guide and its index…');
    built = await withSiteBuildLock(() =>
      runMeasured(process.execPath, [SITE_BUILD, '--outDir', out], {
        cwd: SITE_DIR,
        env: { ...process.env, KB_API_URL: '', KB_SEED_DIR: seedDir, KB_CACHE_DIR: join(ctx.tmp, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1' },
      }),
    );
    if (built.code !== 0) throw new Error(`astro build failed:\n${built.output.slice(-3000)}`);
  }
  const indexLine = /\[pagefind\] indexed (\d+) pages in (\d+) ms/.exec(built.output);
  const bundle = join(out, 'pagefind');
  const languages = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')).languages as Record<string, { page_count: number }>;
  // Pagefind also writes its ready-made UIs, which this guide does not load.
  const unused = (name: string) => /^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(name) || name === 'wasm.unknown.pagefind';
  const indexBytes = { total: diskBytes(bundle), used: diskBytes(bundle, (n) => !unused(n)), fr: diskBytes(bundle, (n) => n.startsWith('fr_') || n.includes('.fr.') || n.includes('.fr_')) };

  const { url, server, sent } = await serveCompressed(out);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const visits: Visit[] = [];
  try {
    for (let run = 1; run <= ctx.runs; run++) {
      ctx.log(`search visit ${run}/${ctx.runs}…`);
      const v = await visit(browser, url, sent);
      ctx.log(`  first query ${(v.firstQueryBytes / KB).toFixed(1)} KB, keystroke→results median of ${v.keystrokeMs.length} queries ${summarize(v.keystrokeMs, 'ms').median} ms`);
      visits.push(v);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const firstQueryKB = summarize(visits.map((v) => v.firstQueryBytes / KB), 'KB');
  const keystroke = summarize(visits.flatMap((v) => v.keystrokeMs), 'ms');
  return {
    entries: PREBUILT ? null : ENTRIES,
    guide: PREBUILT ? `prebuilt: ${PREBUILT}` : reused ? 'built by siteBuild in this run' : 'built here',
    pagesIndexed: Object.values(languages).reduce((sum, { page_count }) => sum + page_count, 0),
    frenchPagesIndexed: languages.fr?.page_count ?? null,
    indexSeconds: indexLine ? Number(indexLine[2]) / 1000 : null,
    searchPageKB: summarize(visits.map((v) => v.pageBytes / KB), 'KB'),
    searchStartupKB: summarize(visits.map((v) => v.startupBytes / KB), 'KB'),
    firstQueryKB,
    firstQueryResults: visits[0].results,
    firstQueryBreakdownKB: Object.fromEntries(Object.entries(visits[0].breakdown).map(([kind, b]) => [kind, Math.round((b / KB) * 10) / 10])),
    firstKeystrokeToResults: summarize(visits.map((v) => v.firstQueryMs), 'ms'),
    keystrokeToResults: keystroke,
    indexOnDisk: {
      totalMB: Math.round((indexBytes.total / KB / KB) * 100) / 100,
      usedMB: Math.round((indexBytes.used / KB / KB) * 100) / 100,
      frenchMB: Math.round((indexBytes.fr / KB / KB) * 100) / 100,
    },
    goals: {
      firstQueryKB: { value: firstQueryKB.median, goal: '≤ 100 KB after the page itself', met: firstQueryKB.median <= 100 },
      keystrokeToResultsMs: { value: keystroke.median, goal: '≤ 50 ms median', met: keystroke.median <= 50 },
    },
    notes: [
      `transferred bytes (gzip, headers included) of everything under /pagefind/ from opening /fr/search/ to the first query's results ("${QUERIES[0]}"); the page's own HTML, CSS and script are searchPageKB`,
      `keystroke→results: the last key of each of ${QUERIES.length} queries to the results written in the page, ${ctx.runs} visit(s) with an empty cache`,
    ],
  };
}
