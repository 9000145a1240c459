import type { Core } from '@strapi/strapi';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_BUILDS_DEFAULTS, type SiteBuildsConfig } from '../../config';
import { BuildQueue } from './queue';
import { Releases } from './releases';
import { runBuild, type BuildOutcome } from './run';

const UID = 'plugin::knowledge-base.site-build';
const TOKEN_NAME = 'Knowledge base site builder';
const CRON_TASK = 'knowledge-base-site-rebuild';
// What the build inherits from this process: its tools and the site's own settings, never the CMS's secrets.
const INHERITED_ENV = /^(PATH|HOME|TMPDIR|LANG|LC_.*|TZ|NODE_OPTIONS|KB_.*|ASTRO_.*)$/;

/** Rebuilds the public site when published content changes, one build at a time, and keeps a history. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let config: SiteBuildsConfig = SITE_BUILDS_DEFAULTS;
  let queue: BuildQueue | undefined;
  let releases: Releases | undefined;
  let token: string | undefined;

  const selfUrl = () => {
    if (config.apiUrl) return config.apiUrl;
    const host = strapi.config.get<string>('server.host', '127.0.0.1');
    return `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${strapi.config.get<number>('server.port', 1337)}`;
  };

  /** A read-only API token of its own: regenerated at every start, held only in memory. */
  const readOnlyToken = async (): Promise<string> => {
    const tokens = strapi.service('admin::api-token') as any;
    const existing = await tokens.getByName(TOKEN_NAME);
    if (existing) return (await tokens.regenerate(existing.id)).accessKey;
    const created = await tokens.create({
      name: TOKEN_NAME,
      description: 'Used by the knowledge-base plugin to read published entries when it rebuilds the site.',
      type: 'read-only',
      kind: 'content-api',
      lifespan: null,
    });
    return created.accessKey;
  };

  // The first build may be requested before the HTTP server listens.
  const waitForServer = async (timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${selfUrl()}/_health`)).status === 204) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the CMS did not answer at ${selfUrl()} within ${timeoutMs / 1000} s`);
  };

  const buildEnv = (): NodeJS.ProcessEnv => ({
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => INHERITED_ENV.test(key))),
    ASTRO_TELEMETRY_DISABLED: '1',
    ...config.env,
    KB_API_URL: selfUrl(),
    KB_API_TOKEN: token ?? '',
  });

  const build = async (reasons: string[]) => {
    const records = strapi.db.query(UID);
    const record = await records.create({ data: { reasons, status: 'running', startedAt: new Date() } });
    const outDir = releases!.next();
    strapi.log.info(`[knowledge-base] site build #${record.id} started (${reasons.join(', ')})`);
    let outcome: BuildOutcome;
    const started = Date.now();
    try {
      await waitForServer();
      outcome = await runBuild(config.command, { cwd: config.cwd, env: buildEnv(), outDir });
      if (outcome.ok && !existsSync(join(outDir, 'index.html')))
        outcome = { ...outcome, ok: false, logTail: `${outcome.logTail}\nThe build wrote no index.html into ${outDir}.` };
    } catch (error) {
      outcome = { ok: false, durationMs: Date.now() - started, exitCode: null, logTail: (error as Error).message };
    }
    if (outcome.ok) releases!.switchTo(outDir);
    else rmSync(outDir, { recursive: true, force: true });
    releases!.prune(config.keepReleases);
    await records.update({
      where: { id: record.id },
      data: {
        status: outcome.ok ? 'succeeded' : 'failed',
        finishedAt: new Date(),
        durationMs: outcome.durationMs,
        phases: outcome.phases ?? null,
        pages: outcome.pages ?? null,
        release: outcome.ok ? outDir : null,
        logTail: outcome.logTail,
      },
    });
    if (outcome.ok) {
      const phases = outcome.phases ? ` (fetch ${outcome.phases.fetch} ms, render ${outcome.phases.render} ms, index ${outcome.phases.index} ms)` : '';
      strapi.log.info(`[knowledge-base] site build #${record.id} succeeded in ${outcome.durationMs} ms${phases}: now serving ${outDir}`);
    } else {
      strapi.log.error(`[knowledge-base] site build #${record.id} failed after ${outcome.durationMs} ms; the previous site stays online.\n${outcome.logTail.slice(-1500)}`);
    }
  };

  return {
    /** Called at bootstrap: reads the config, makes the token, schedules the daily rebuild, and builds once. */
    async start() {
      config = { ...SITE_BUILDS_DEFAULTS, ...strapi.config.get<Partial<SiteBuildsConfig>>('plugin::knowledge-base.siteBuilds', {}) };
      if (!config.enabled) return;
      // A build cut short by a restart will never finish.
      await strapi.db.query(UID).updateMany({
        where: { status: 'running' },
        data: { status: 'failed', finishedAt: new Date(), logTail: 'Interrupted: the CMS stopped during the build.' },
      });
      releases = new Releases(config.releasesDir, config.current);
      token = await readOnlyToken();
      queue = new BuildQueue(config.debounceMs, build);
      if (config.schedule) strapi.cron.add({ [CRON_TASK]: { task: async () => queue?.request('daily rebuild'), options: { rule: config.schedule } } });
      // Rebuild at every start too: content imported or site code changed while the CMS was off.
      queue.request(releases.served() ? 'CMS started' : 'first build');
    },

    stop() {
      queue?.stop();
    },

    get enabled() {
      return Boolean(queue);
    },

    /** Asks for a rebuild; requests close together make one build. No-op when builds are off. */
    request(reason: string) {
      queue?.request(reason);
    },

    /** Resolves when no build is waiting or running. */
    idle(): Promise<void> {
      return queue?.idle() ?? Promise.resolve();
    },

    status() {
      return { enabled: Boolean(queue), state: queue?.state ?? 'off', served: releases?.served() ?? null };
    },

    async history(limit = 20) {
      return strapi.db.query(UID).findMany({ orderBy: { id: 'desc' }, limit });
    },
  };
};
