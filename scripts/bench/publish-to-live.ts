/**
 * publishToLive: from an editor's publish call returning to the page being served and found by
 * search, through the plugin's own rebuild (debounce included), on the real seed and on a
 * 1,000-entry synthetic guide. Also the build's phases, so the slowest shows.
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { TestCms } from '../../cms/tests/harness';
import { launchBrowser } from '../../site/__tests__/test-utils/browser';
import { freePort } from '../lib/cms';
import { searchSite, until } from '../lib/live-site';
import { SEED_DIR } from '../lib/paths';
import { serveStatic } from '../lib/static-server';
import { writeSyntheticSeed } from '../lib/synthetic';
import type { BenchContext } from './context';
import { summarize } from './stats';

const CASE_STUDY = 'plugin::knowledge-base.case-study';
type Build = { status: string; durationMs: number; phases: { fetch: number; render: number; index: number } | null };

async function measure(ctx: BenchContext, label: string, seedDir: string, runs: number, browser: Browser) {
  const work = join(ctx.tmp, `live-${label}`);
  mkdirSync(work, { recursive: true });
  const current = join(work, 'current');
  const cms = new TestCms('sqlite');
  Object.assign(cms.env, {
    KB_SITE_BUILDS: 'true',
    KB_SITE_RELEASES: join(work, 'releases'),
    KB_SITE_CURRENT: current,
    KB_CACHE_DIR: join(work, 'astro-cache'),
    KB_SITE_REBUILD_CRON: '',
  });
  let server: Server | undefined;
  try {
    ctx.log(`${label}: importing ${seedDir}…`);
    await cms.seed(seedDir);
    await cms.start();
    const history = async () =>
      ((await (await cms.admin('/knowledge-base/site-builds')).json()) as { data: Build[]; meta: { state: string } });
    const settled = () =>
      until('builds to settle', async () => {
        const { data, meta } = await history();
        return meta.state === 'idle' && data.length && data[0].status !== 'running' ? data : undefined;
      }, { timeoutMs: 600_000, everyMs: 500 });
    ctx.log(`${label}: first build…`);
    const first = await settled();
    if (first[0].status !== 'succeeded') throw new Error(`the first build failed`);
    const port = await freePort();
    server = await serveStatic(() => (existsSync(current) ? realpathSync(current) : work), port);
    const site = `http://127.0.0.1:${port}`;

    const listed = (await (await cms.admin(`/content-manager/collection-types/${CASE_STUDY}?locale=fr&pageSize=${runs}`)).json()) as {
      results: { documentId: string; slug: string; title: string }[];
    };
    const seconds: number[] = [];
    const builds: Build[] = [];
    for (let run = 0; run < runs; run++) {
      const entry = listed.results[run % listed.results.length];
      const word = `Benchlive${label.replace(/\W/g, '')}${run}x${Date.now().toString(36)}`;
      const put = await cms.admin(`/content-manager/collection-types/${CASE_STUDY}/${entry.documentId}?locale=fr`, {
        method: 'PUT',
        body: JSON.stringify({ title: `${entry.title.slice(0, 150)} ${word}` }),
      });
      if (!put.ok) throw new Error(`update failed: ${put.status} ${await put.text()}`);
      const published = await cms.admin(`/content-manager/collection-types/${CASE_STUDY}/${entry.documentId}/actions/publish?locale=fr`, { method: 'POST', body: '{}' });
      if (!published.ok) throw new Error(`publish failed: ${published.status}`);
      const start = Date.now();
      const path = `/fr/case-studies/${entry.slug}/`;
      await until('the page to show the change', async () => ((await (await fetch(`${site}${path}`)).text()).includes(word) ? true : undefined), { timeoutMs: 600_000, everyMs: 100 });
      await until('search to find it', async () => ((await searchSite(browser, site, word)).includes(path) ? true : undefined), { timeoutMs: 120_000, everyMs: 100 });
      seconds.push((Date.now() - start) / 1000);
      builds.push((await settled())[0]);
      ctx.log(`${label}: run ${run + 1}/${runs}: live and searchable after ${seconds.at(-1)!.toFixed(1)} s`);
    }
    const phase = (name: 'fetch' | 'render' | 'index') => summarize(builds.map((b) => (b.phases?.[name] ?? 0) / 1000), 's');
    const phases = { fetch: phase('fetch'), render: phase('render'), index: phase('index') };
    const slowest = (Object.keys(phases) as (keyof typeof phases)[]).sort((a, b) => phases[b].median - phases[a].median)[0];
    return {
      publishToLive: summarize(seconds, 's'),
      build: summarize(builds.map((b) => b.durationMs / 1000), 's'),
      phases,
      slowestPhase: slowest,
      debounceMs: 500, // the plugin's default (cms/config/plugins.ts)
    };
  } finally {
    server?.close();
    await cms.dispose();
  }
}

export default async function publishToLive(ctx: BenchContext) {
  const browser = await launchBrowser();
  try {
    const seeded = await measure(ctx, 'seed', SEED_DIR, Math.max(3, ctx.runs), browser);
    const syntheticDir = join(ctx.tmp, 'synthetic-1000');
    writeSyntheticSeed(syntheticDir, { entries: 1000, seed: 1 });
    const synthetic1000 = await measure(ctx, 'synthetic-1000', syntheticDir, 3, browser);
    return { goal: 'median ≤ 10 s on the seeded site (issue 15)', met: seeded.publishToLive.median <= 10, seeded, synthetic1000 };
  } finally {
    await browser.close();
  }
}
