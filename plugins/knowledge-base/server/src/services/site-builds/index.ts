import type { Core } from '@strapi/strapi';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_BUILDS_DEFAULTS, pluginConfig, type SiteBuildsConfig } from '../../config';
import { buildSetupProblem } from './preflight';
import { BuildQueue } from './queue';
import { Releases } from './releases';
import { runBuild, type BuildOutcome } from './run';
import { UIDS } from '../../content-types/uids';

const UID = UIDS.siteBuild;
const TOKEN_NAME = 'Knowledge base site builder';
const CRON_TASK = 'knowledge-base-site-rebuild';
// What the build inherits from this process: its tools and the site's own settings, never the CMS's secrets.
const INHERITED_ENV = /^(PATH|HOME|TMPDIR|LANG|LC_.*|TZ|NODE_OPTIONS|KB_.*|ASTRO_.*)$/;

/** What the builds use of Strapi's API-token service (admin::api-token). */
type ApiTokens = {
  getByName(name: string): Promise<{ id: number } | null>;
  regenerate(id: number): Promise<{ accessKey: string }>;
  create(token: { name: string; description: string; type: 'read-only'; kind: 'content-api'; lifespan: null }): Promise<{ accessKey: string }>;
};

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
    const tokens = strapi.service('admin::api-token') as ApiTokens;
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

  /**
   * One build, from the checks to the switch. Never throws: whatever goes wrong, in the command
   * or around it (a releases folder that cannot be made, a link that cannot be written), is a
   * failed outcome with its reason.
   */
  const attempt = async (): Promise<BuildOutcome & { release?: string }> => {
    const started = Date.now();
    const failed = (reason: string): BuildOutcome => ({ ok: false, durationMs: Date.now() - started, exitCode: null, logTail: reason });
    let outDir: string | undefined;
    try {
      const env = buildEnv();
      // Before the releases folder is made: it often sits inside the site folder, and would create it.
      const problem = buildSetupProblem(config.command, { cwd: config.cwd, path: env.PATH });
      if (problem) return failed(`The build did not start: ${problem}.`);
      outDir = releases!.next();
      await waitForServer();
      let outcome = await runBuild(config.command, { cwd: config.cwd, env, outDir });
      if (outcome.ok && !existsSync(join(outDir, 'index.html')))
        outcome = { ...outcome, ok: false, logTail: `${outcome.logTail}\nThe build wrote no index.html into ${outDir}.` };
      if (!outcome.ok) {
        releases!.discard(outDir);
        return outcome;
      }
      releases!.switchTo(outDir);
      return { ...outcome, release: outDir };
    } catch (error) {
      if (outDir) releases!.discard(outDir);
      return failed((error as Error).message);
    }
  };

  const build = async (reasons: string[]) => {
    const records = strapi.db.query(UID);
    const record = await records.create({ data: { reasons, status: 'running', startedAt: new Date() } });
    strapi.log.info(`[knowledge-base] site build #${record.id} started (${reasons.join(', ')})`);
    const outcome = await attempt();
    await records.update({
      where: { id: record.id },
      data: {
        status: outcome.ok ? 'succeeded' : 'failed',
        finishedAt: new Date(),
        durationMs: outcome.durationMs,
        phases: outcome.phases ?? null,
        pages: outcome.pages ?? null,
        release: outcome.release ?? null,
        logTail: outcome.logTail,
      },
    });
    if (outcome.ok) {
      const phases = outcome.phases ? ` (fetch ${outcome.phases.fetch} ms, render ${outcome.phases.render} ms, index ${outcome.phases.index} ms)` : '';
      strapi.log.info(`[knowledge-base] site build #${record.id} succeeded in ${outcome.durationMs} ms${phases}: now serving ${outcome.release}`);
    } else {
      const online = releases!.served();
      strapi.log.error(
        `[knowledge-base] site build #${record.id} failed after ${outcome.durationMs} ms; ${online ? `the previous site stays online (${online})` : 'no site is online yet'}.\n${outcome.logTail.slice(-1500)}`,
      );
    }
    try {
      releases!.prune(config.keepReleases);
    } catch (error) {
      strapi.log.warn(`[knowledge-base] old site releases could not be removed: ${(error as Error).message}`);
    }
  };

  /** A build that threw before its record could say so (the database refused it): logged, never dropped. */
  const buildCrashed = (error: unknown, reasons: string[]) =>
    strapi.log.error(`[knowledge-base] a site build (${reasons.join(', ')}) could not run: ${(error as Error)?.stack ?? String(error)}`);

  return {
    /** Called at bootstrap: reads the config, makes the token, schedules the daily rebuild, and builds once. */
    async start() {
      config = { ...SITE_BUILDS_DEFAULTS, ...pluginConfig(strapi, 'siteBuilds') };
      if (!config.enabled) return;
      // A build cut short by a restart will never finish.
      await strapi.db.query(UID).updateMany({
        where: { status: 'running' },
        data: { status: 'failed', finishedAt: new Date(), logTail: 'Interrupted: the CMS stopped during the build.' },
      });
      releases = new Releases(config.releasesDir, config.current);
      token = await readOnlyToken();
      queue = new BuildQueue(config.debounceMs, build, buildCrashed);
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
