/**
 * apiLatency: the plugin's public list and by-slug endpoints with 10,000 synthetic entries, 32
 * concurrent clients (autocannon), on SQLite and PostgreSQL, against Strapi's own REST API for the
 * same content type on the same data, same page size and same relations populated. The plugin is
 * measured twice: with its answer cache off, like with like against the core API, and as it serves
 * by default, answering from memory between publishes. Goals (issue 9): p95 ≤ 50 ms; plugin ÷ core ≤ 1.0.
 */
import { buildCms, startCms } from '../lib/cms';
import type { Database } from '../lib/database-env';
import { importedDatabase } from '../lib/imported-database';
import type { BenchContext } from './context';
import { median, summarize } from './stats';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  then: Promise<AutocannonResult>['then'];
};
interface AutocannonResult {
  requests: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const ENTRIES = Number(process.env.KB_BENCH_API_ENTRIES ?? 10_000);
const CONNECTIONS = 32;
const DURATION_S = 6;
const PAGE_SIZE = 25;
const LOCALE = 'fr';

/** What the plugin populates on a case study (services/entries.ts), asked of the core API in its own syntax. */
const CORE_POPULATE = [
  'populate[themes][fields][0]=slug', 'populate[themes][fields][1]=name',
  'populate[actors][fields][0]=slug', 'populate[actors][fields][1]=name', 'populate[actors][fields][2]=type',
  'populate[goodPractices][fields][0]=slug', 'populate[goodPractices][fields][1]=title',
  ...['slug', 'title', 'openingDate', 'deadline', 'timezone', 'recurrence', 'referenceYear'].map((f, i) => `populate[fundingCalls][fields][${i}]=${f}`),
  ...['url', 'alternativeText', 'width', 'height', 'mime', 'formats'].map((f, i) => `populate[cover][fields][${i}]=${f}`),
].join('&');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** One autocannon run over a rotating list of paths; percentiles computed from every response time. */
async function load(base: string, paths: string[]) {
  let next = 0;
  const times: number[] = [];
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`${base}${paths[0]}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rps: result.requests.average };
}

async function getJson(url: string) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${(await response.text()).slice(0, 500)}`);
  return response.json() as Promise<any>;
}

type Samples = Record<string, { p50: number[]; p95: number[]; p99: number[]; rps: number[] }>;

/** `ctx.runs` rounds over the endpoints, after a short warm-up (the first requests compile queries and fill caches). */
async function rounds(ctx: BenchContext, label: string, base: string, endpoints: Record<string, string[]>, samples: Samples) {
  for (const paths of Object.values(endpoints)) await Promise.all(paths.slice(0, 8).map((p) => getJson(`${base}${p}`)));
  for (let run = 1; run <= ctx.runs; run++) {
    for (const [name, paths] of Object.entries(endpoints)) {
      const result = await load(base, paths);
      samples[name] ??= { p50: [], p95: [], p99: [], rps: [] };
      for (const key of ['p50', 'p95', 'p99', 'rps'] as const) samples[name][key].push(result[key]);
      ctx.log(`${label} ${name} ${run}/${ctx.runs}: p50 ${Math.round(result.p50)} ms, p95 ${Math.round(result.p95)} ms, p99 ${Math.round(result.p99)} ms, ${Math.round(result.rps)} req/s`);
    }
  }
}

async function measure(ctx: BenchContext, database: Database) {
  const db = await importedDatabase(database, { entries: ENTRIES, tmp: ctx.tmp, log: ctx.log });
  buildCms({ admin: false });
  const plugin = `/api/knowledge-base/case-studies`;
  const core = `/api/bench-core/case-studies`;
  const samples: Samples = {};
  let endpoints: Record<string, string[]>;

  ctx.log(`${database}: starting Strapi on ${ENTRIES} entries, the plugin's answer cache off…`);
  let cms = await startCms({ ...db.env, KB_BENCH_CORE_REST: 'true', KB_API_CACHE_TTL: '0' });
  try {
    const first = await getJson(`${cms.url}${plugin}?locale=${LOCALE}&pageSize=${PAGE_SIZE}&sort=title:asc`);
    const pages = Math.min(first.meta.pagination.pageCount, 40);
    const slugs: string[] = [];
    for (let page = 1; page <= Math.min(pages, 8); page++) {
      const list = await getJson(`${cms.url}${plugin}?locale=${LOCALE}&pageSize=${PAGE_SIZE}&sort=title:asc&page=${page}`);
      slugs.push(...list.data.map((e: { slug: string }) => e.slug));
    }
    // Same answer from both APIs before timing them: like is compared with like.
    const coreFirst = await getJson(`${cms.url}${core}?locale=${LOCALE}&pagination[pageSize]=${PAGE_SIZE}&sort=title:asc&${CORE_POPULATE}`);
    const pluginSlugs = first.data.map((e: { slug: string }) => e.slug);
    const coreSlugs = coreFirst.data.map((e: { slug: string }) => e.slug);
    if (JSON.stringify(pluginSlugs) !== JSON.stringify(coreSlugs)) throw new Error(`the plugin and the core API list different case studies:\n${pluginSlugs.slice(0, 3)}\n${coreSlugs.slice(0, 3)}`);
    if (!coreFirst.data[0]?.themes) throw new Error('the core API did not populate themes: not the same response');

    endpoints = {
      pluginList: Array.from({ length: pages }, (_, i) => `${plugin}?locale=${LOCALE}&pageSize=${PAGE_SIZE}&sort=title:asc&page=${i + 1}`),
      coreList: Array.from({ length: pages }, (_, i) => `${core}?locale=${LOCALE}&pagination[pageSize]=${PAGE_SIZE}&pagination[page]=${i + 1}&sort=title:asc&${CORE_POPULATE}`),
      pluginBySlug: slugs.map((slug) => `${plugin}/${slug}?locale=${LOCALE}`),
      coreBySlug: slugs.map((slug) => `${core}?locale=${LOCALE}&filters[slug][$eq]=${slug}&${CORE_POPULATE}`),
    };
    await rounds(ctx, database, cms.url, endpoints, samples);
  } finally {
    await cms.stop();
  }

  ctx.log(`${database}: restarting Strapi with the answer cache on (the default)…`);
  cms = await startCms({ ...db.env, KB_BENCH_CORE_REST: 'true' });
  try {
    await rounds(ctx, `${database} cached`, cms.url, { pluginListCached: endpoints.pluginList, pluginBySlugCached: endpoints.pluginBySlug }, samples);
  } finally {
    await cms.stop();
  }

  const figures: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(samples)) {
    figures[name] = { p50: summarize(s.p50, 'ms'), p95: summarize(s.p95, 'ms'), p99: summarize(s.p99, 'ms'), requestsPerSecond: summarize(s.rps, 'req/s') };
  }
  const ratio = (a: string, b: string) => Math.round((median(samples[a].p95) / median(samples[b].p95)) * 100) / 100;
  figures.p95PluginToCore = { list: ratio('pluginList', 'coreList'), bySlug: ratio('pluginBySlug', 'coreBySlug') };
  if (db.imported) figures.importSeconds = db.importSeconds;
  return {
    figures,
    p95s: [median(samples.pluginList.p95), median(samples.pluginBySlug.p95)],
    cachedP95s: [median(samples.pluginListCached.p95), median(samples.pluginBySlugCached.p95)],
    ratios: Object.values(figures.p95PluginToCore as Record<string, number>),
  };
}

export default async function apiLatency(ctx: BenchContext): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {
    entries: ENTRIES,
    setup: `${CONNECTIONS} connections, ${DURATION_S} s per endpoint and run, page size ${PAGE_SIZE}, locale ${LOCALE}, case studies; autocannon runs on the same 2-core machine as Strapi and the database`,
    variants: 'plugin*, core*: the answer cache off (KB_API_CACHE_TTL=0), like with like; plugin*Cached: the default, answers kept in memory between publishes (60 s at most)',
  };
  const p95s: number[] = [];
  const cachedP95s: number[] = [];
  const ratios: number[] = [];
  for (const database of ['sqlite', 'postgres'] as const) {
    try {
      const measured = await measure(ctx, database);
      result[database] = measured.figures;
      p95s.push(...measured.p95s);
      cachedP95s.push(...measured.cachedP95s);
      ratios.push(...measured.ratios);
    } catch (error) {
      // One database failing (PostgreSQL unreachable, say) leaves the other's figures.
      result[database] = { error: error instanceof Error ? error.message : String(error) };
      ctx.log(`${database} failed: ${String(error).split('\n')[0]}`);
    }
  }
  if (!p95s.length) throw new Error(`no database could be measured: ${JSON.stringify(result)}`);
  result.goals = {
    pluginP95: { value: Math.max(...cachedP95s), goal: '≤ 50 ms', met: Math.max(...cachedP95s) <= 50, as: 'served by default (answer cache on)' },
    pluginP95Uncached: { value: Math.max(...p95s), goal: '≤ 50 ms', met: Math.max(...p95s) <= 50, as: 'every answer from the database' },
    p95PluginToCore: { value: Math.max(...ratios), goal: '≤ 1.0', met: Math.max(...ratios) <= 1 },
  };
  return result;
}
