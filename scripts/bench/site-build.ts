/**
 * siteBuild: the guide's build (Astro + sitemap + Pagefind index) from 100, 1,000 and 10,000
 * synthetic entries × 3 locales, against a bare Astro project rendering as many minimal pages on
 * the same machine in the same run. Goals (issue 9): ≤ 1.5× the bare build, 30,000 pages ≤ 120 s,
 * peak RSS ≤ 2 GiB, cost linear in entries.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { writeSyntheticSeed } from '../lib/synthetic';
import { runMeasured } from '../lib/process-tree';
import { SITE_BUILD, SITE_DIR, astroCli } from '../lib/paths';
import type { BenchContext } from './context';
import { median, summarize } from './stats';

const ASTRO = astroCli();
/** Render workers, as the site's astro.config.mjs counts them; the bare build gets as many, so the ratio compares like with like. */
const workers = Number(process.env.KB_BUILD_WORKERS) || availableParallelism();
// KB_BENCH_SITE_SIZES=100,300 for a quick try of the benchmark itself.
const SIZES = process.env.KB_BENCH_SITE_SIZES?.split(',').map(Number) ?? [100, 1000, 10_000];
/** Fewer runs for bigger sizes, to keep `npm run bench` under 30 minutes: a 30,000-page build takes minutes. */
const runsFor = (entries: number, runs: number) => (entries <= 100 ? runs : entries <= 1000 ? Math.min(runs, 2) : 1);
const MiB = 2 ** 20;

/** Lines of Astro's output that end a phase, in order; a phase lasts from the previous mark. */
const PHASES: [string, RegExp][] = [
  ['startup', /\[content\] Syncing content/],
  ['contentSync', /\[content\] Synced content/],
  ['bundle', /generating static routes/],
  ['render', /✓ Completed in/],
  ['sitemapAndIndex', /\[pagefind\] indexed/],
];

/**
 * The site's output folder: inside site/ (git-ignored node_modules), because Astro puts its
 * intermediate server build in site/.astro when outDir is elsewhere, which builds running at the
 * same time (tests) would share.
 */
const siteOut = (ctx: BenchContext, entries: number) => join(SITE_DIR, 'node_modules', '.bench', `${basename(dirname(ctx.tmp))}-${entries}`);

const countHtml = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, d) => n + (d.isDirectory() ? countHtml(join(dir, d.name)) : d.name.endsWith('.html') ? 1 : 0), 0);

interface BuildRun {
  seconds: number;
  indexSeconds: number | null;
  pages: number;
  peakRssBytes: number;
  phases: Record<string, number>;
}

/** Runs one build: the guide's own (`SITE_BUILD`) or a bare project's `astro build`. */
async function build(cwd: string, outDir: string, env: Record<string, string | undefined>, entry = SITE_BUILD): Promise<BuildRun> {
  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  const marks: Record<string, number> = {};
  let next = 0;
  const result = await runMeasured(process.execPath, entry === SITE_BUILD ? [entry, '--outDir', outDir] : [entry, 'build', '--outDir', outDir], {
    cwd,
    env: { ...process.env, KB_API_URL: '', ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    onLine: (line) => {
      if (next < PHASES.length && PHASES[next][1].test(line)) marks[PHASES[next++][0]] = (performance.now() - started) / 1000;
    },
  });
  if (result.code !== 0) throw new Error(`astro build in ${cwd} failed (code ${result.code}):\n${result.output.slice(-3000)}`);
  const indexed = /\[pagefind\] indexed \d+ pages in (\d+) ms/.exec(result.output);
  const phases: Record<string, number> = {};
  let previous = 0;
  for (const [name] of PHASES) {
    if (marks[name] === undefined) continue;
    phases[name] = marks[name] - previous;
    previous = marks[name];
  }
  phases.exit = result.seconds - previous;
  return { seconds: result.seconds, indexSeconds: indexed ? Number(indexed[1]) / 1000 : null, pages: countHtml(outDir), peakRssBytes: result.peakRssBytes, phases };
}

/** A bare Astro project in `dir` with `pages` minimal pages over three locales, using the site's Astro. */
function writeBareProject(dir: string, pages: number) {
  mkdirSync(join(dir, 'src', 'pages', '[locale]'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare-astro-bench', private: true, type: 'module' }));
  writeFileSync(join(dir, 'astro.config.mjs'), `export default { output: 'static', trailingSlash: 'always', build: { format: 'directory', concurrency: ${workers > 1 ? 4 : 1} }, devToolbar: { enabled: false }, cacheDir: './.astro-cache', experimental: { parallelPrerender: ${workers > 1 ? `{ workers: ${workers} }` : 'false'} } };\n`);
  writeFileSync(join(dir, 'src', 'pages', '[locale]', '[slug].astro'), `---
export function getStaticPaths() {
  const locales = ['fr', 'en', 'ar'];
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { locale: locales[i % 3], slug: 'page-' + i }, props: { n: i } }));
}
const { locale } = Astro.params;
const { n } = Astro.props;
---
<html lang={locale}><head><meta charset="utf-8" /><title>Page {n}</title></head><body><h1>Page {n}</h1><p>A minimal page.</p></body></html>
`);
}

export default async function siteBuild(ctx: BenchContext): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {};
  const notes: string[] = [`render workers: ${workers} (site and bare build alike)`, `runs per size: ${SIZES.map((s) => `${s} entries × ${runsFor(s, ctx.runs)}`).join(', ')} (fewer where a build takes minutes)`];
  let largest: { pages: number; seconds: number; peak: number; phases: Record<string, number> } | undefined;
  let peakOverall = 0;
  for (const entries of SIZES) {
    const runs = runsFor(entries, ctx.runs);
    const seedDir = join(ctx.tmp, `seed-${entries}`);
    writeSyntheticSeed(seedDir, { entries, seed: 1 });
    const site: BuildRun[] = [];
    for (let run = 1; run <= runs; run++) {
      ctx.log(`${entries} entries: site build ${run}/${runs}…`);
      // A fresh content-layer cache each run: an editor's publish rebuilds from scratch too.
      const cacheDir = join(ctx.tmp, `astro-cache-${entries}`);
      rmSync(cacheDir, { recursive: true, force: true });
      const result = await build(SITE_DIR, siteOut(ctx, entries), { KB_SEED_DIR: seedDir, KB_CACHE_DIR: cacheDir });
      site.push(result);
      ctx.log(`  ${result.pages} pages in ${result.seconds.toFixed(1)} s (index ${result.indexSeconds ?? '?'} s), peak RSS ${Math.round(result.peakRssBytes / MiB)} MiB`);
    }
    // The largest guide is kept for searchPayload, which searches the same synthetic guide.
    if (entries === Math.max(...SIZES)) renameSync(siteOut(ctx, entries), join(ctx.shared, `site-${entries}`));
    else rmSync(siteOut(ctx, entries), { recursive: true, force: true });
    const pages = site[0].pages;
    // Beside the site, where `astro` resolves (it is installed in site/node_modules, not at the root).
    const bareDir = `${siteOut(ctx, entries)}-bare`;
    writeBareProject(bareDir, pages);
    const bare: BuildRun[] = [];
    for (let run = 1; run <= runs; run++) {
      ctx.log(`${entries} entries: bare Astro build of ${pages} minimal pages ${run}/${runs}…`);
      rmSync(join(bareDir, '.astro-cache'), { recursive: true, force: true });
      const result = await build(bareDir, join(bareDir, 'dist'), {}, ASTRO);
      bare.push(result);
      ctx.log(`  ${result.pages} pages in ${result.seconds.toFixed(1)} s`);
    }
    rmSync(bareDir, { recursive: true, force: true });
    rmSync(seedDir, { recursive: true, force: true });

    const seconds = site.map((r) => r.seconds);
    const indexed = site.every((r) => r.indexSeconds !== null);
    const medianSeconds = median(seconds);
    const peak = Math.max(...site.map((r) => r.peakRssBytes));
    peakOverall = Math.max(peakOverall, peak);
    const phases = Object.fromEntries(Object.keys(site[0].phases).map((name) => [name, summarize(site.map((r) => r.phases[name] ?? 0), 's')]));
    figures[`entries${entries}`] = {
      entries,
      pages,
      buildAndIndex: summarize(seconds, 's'),
      ...(indexed ? { index: summarize(site.map((r) => r.indexSeconds!), 's') } : {}),
      phases,
      pagesPerSecond: summarize(site.map((r) => r.pages / r.seconds), 'pages/s'),
      secondsPer1000Entries: Math.round((medianSeconds / (entries / 1000)) * 100) / 100,
      peakRss: summarize(site.map((r) => r.peakRssBytes / MiB), 'MiB'),
      bareAstro: summarize(bare.map((r) => r.seconds), 's'),
      ratioToBare: Math.round((medianSeconds / median(bare.map((r) => r.seconds))) * 100) / 100,
    };
    if (!indexed) notes.push(`${entries} entries: no "[pagefind] indexed" line in the build output; the time is the Astro build alone`);
    largest = { pages, seconds: medianSeconds, peak, phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, v.median])) };
  }

  const ratios = SIZES.map((s) => (figures[`entries${s}`] as { ratioToBare: number }).ratioToBare);
  const perThousand = SIZES.map((s) => (figures[`entries${s}`] as { secondsPer1000Entries: number }).secondsPer1000Entries);
  const growth = perThousand.at(-1)! / (perThousand.at(-2) ?? perThousand.at(-1)!);
  const thirtyThousand = Math.round((largest!.seconds * (30_000 / largest!.pages)) * 10) / 10;
  const [slowest] = Object.entries(largest!.phases).sort(([, a], [, b]) => b - a);
  figures.goals = {
    ratioToBare: { value: Math.max(...ratios), goal: '≤ 1.5', met: Math.max(...ratios) <= 1.5 },
    secondsFor30000Pages: { value: thirtyThousand, goal: '≤ 120 s', met: thirtyThousand <= 120, how: `scaled from ${largest!.pages} pages` },
    peakRssMiB: { value: Math.round(peakOverall / MiB), goal: '≤ 2048 MiB', met: peakOverall <= 2 * 2 ** 30 },
    // Linear cost: seconds per 1,000 entries about the same at 1,000 and 10,000 (startup dominates at 100).
    linearity: { value: Math.round((growth) * 100) / 100, goal: `s per 1,000 entries at ${SIZES.at(-1)} ÷ at ${SIZES.at(-2)} ≤ 1.2`, met: growth <= 1.2 },
  };
  figures[`slowestPhaseAt${SIZES.at(-1)}`] = `${slowest[0]} (${slowest[1].toFixed(1)} s of ${largest!.seconds.toFixed(1)} s)`;
  figures.notes = notes;
  return figures;
}
