import type { Core } from '@strapi/strapi';
import { ALERTS_DEFAULTS, checkAlertsConfig, type AlertsConfig } from './alerts';
import { CONTRIBUTION_DEFAULTS, checkContributionConfig, type ContributionConfig } from './contribution';

/** Rebuilding the public site when editors publish. Off unless the app turns it on. */
export interface SiteBuildsConfig {
  enabled: boolean;
  /** The build command; `{outDir}` is replaced by the new release's folder. */
  command: string[];
  /** Where the command runs (the site project). */
  cwd: string;
  /** Each build's own folder goes here. */
  releasesDir: string;
  /** A symlink to the release being served; the site server follows it. */
  current: string;
  /** Publishes that arrive within this window make one build. */
  debounceMs: number;
  /** Releases kept besides the served one, so a request still reading an older one finishes. */
  keepReleases: number;
  /** Cron rule of the daily rebuild (lists re-sort as deadlines pass), or '' for none. */
  schedule: string;
  /** How the build reaches this CMS; by default its own host and port. */
  apiUrl: string;
  /** Extra environment for the build (KB_SITE_URL…). */
  env: Record<string, string>;
}

export const SITE_BUILDS_DEFAULTS: SiteBuildsConfig = {
  enabled: false,
  command: [],
  cwd: '',
  releasesDir: '',
  current: '',
  debounceMs: 500,
  keepReleases: 2,
  schedule: '0 4 * * *',
  apiUrl: '',
  env: {},
};

/** The public read API's answers, kept in memory between publishes (services/answer-cache.ts). */
export interface PublicCacheConfig {
  /** How long an answer may be reused at most; 0 turns the cache off. */
  ttlSeconds: number;
  /** Answers kept at most; the least recently used go first. */
  maxAnswers: number;
  /** Bytes of serialized answers kept at most (a page of 100 entries weighs about 0.4 MB). */
  maxBytes: number;
}

export const PUBLIC_CACHE_DEFAULTS: PublicCacheConfig = { ttlSeconds: 60, maxAnswers: 2000, maxBytes: 64 * 2 ** 20 };

/** The plugin's settings: `config` of 'knowledge-base' in the app's config/plugins, over these defaults. */
export interface PluginConfig {
  /** The public site's origin: invitation, password-reset and alert links point there. */
  siteUrl: string;
  /** Where readers reach this CMS (alert links, the OpenAPI document); '' is the server's own URL. */
  publicApiUrl: string;
  siteBuilds: SiteBuildsConfig;
  contribution: ContributionConfig;
  publicCache: PublicCacheConfig;
  alerts: AlertsConfig;
}

export const PLUGIN_DEFAULTS: PluginConfig = {
  siteUrl: 'http://localhost:4321',
  publicApiUrl: '',
  siteBuilds: SITE_BUILDS_DEFAULTS,
  contribution: CONTRIBUTION_DEFAULTS,
  publicCache: PUBLIC_CACHE_DEFAULTS,
  alerts: ALERTS_DEFAULTS,
};

/** One part of the plugin's config, as validated at startup (Strapi merges the app's over the defaults). */
export const pluginConfig = <K extends keyof PluginConfig>(strapi: Core.Strapi, key: K): PluginConfig[K] =>
  strapi.config.get<PluginConfig[K]>(`plugin::knowledge-base.${key}`, PLUGIN_DEFAULTS[key]);

const HTTP_URL = /^https?:\/\/\S+$/;
type AppConfig = Partial<Omit<PluginConfig, 'siteBuilds' | 'contribution' | 'publicCache' | 'alerts'>> & {
  siteBuilds?: Partial<SiteBuildsConfig>;
  contribution?: Partial<ContributionConfig>;
  publicCache?: Partial<PublicCacheConfig>;
  alerts?: Partial<AlertsConfig>;
};

function checkSiteBuildsConfig(config: Partial<SiteBuildsConfig> | undefined): string[] {
  const builds = { ...SITE_BUILDS_DEFAULTS, ...config };
  if (!builds.enabled) return [];
  const problems: string[] = [];
  if (!Array.isArray(builds.command) || !builds.command.length || !builds.command.some((part) => part.includes('{outDir}')))
    problems.push('siteBuilds.command must be a non-empty array of strings containing "{outDir}"');
  for (const key of ['cwd', 'releasesDir', 'current'] as const)
    if (typeof builds[key] !== 'string' || !builds[key]) problems.push(`siteBuilds.${key} must be a path`);
  if (!Number.isInteger(builds.debounceMs) || builds.debounceMs < 0) problems.push('siteBuilds.debounceMs must be an integer ≥ 0');
  if (!Number.isInteger(builds.keepReleases) || builds.keepReleases < 1) problems.push('siteBuilds.keepReleases must be an integer ≥ 1');
  return problems;
}

function checkPublicCacheConfig(config: Partial<PublicCacheConfig> | undefined): string[] {
  const cache = { ...PUBLIC_CACHE_DEFAULTS, ...config };
  const problems: string[] = [];
  if (!Number.isInteger(cache.ttlSeconds) || cache.ttlSeconds < 0) problems.push('publicCache.ttlSeconds must be an integer ≥ 0 (0 turns the cache off)');
  if (!Number.isInteger(cache.maxAnswers) || cache.maxAnswers < 1) problems.push('publicCache.maxAnswers must be an integer ≥ 1');
  if (!Number.isInteger(cache.maxBytes) || cache.maxBytes < 1) problems.push('publicCache.maxBytes must be an integer ≥ 1');
  return problems;
}

export default {
  default: PLUGIN_DEFAULTS,
  validator(config: AppConfig) {
    const { siteUrl = PLUGIN_DEFAULTS.siteUrl, publicApiUrl = PLUGIN_DEFAULTS.publicApiUrl } = config;
    const problems = [
      ...(typeof siteUrl === 'string' && HTTP_URL.test(siteUrl) ? [] : ['siteUrl must be an http(s) URL (the public site)']),
      ...(publicApiUrl === '' || (typeof publicApiUrl === 'string' && HTTP_URL.test(publicApiUrl)) ? [] : ["publicApiUrl must be an http(s) URL, or '' for the server's own"]),
      ...checkPublicCacheConfig(config.publicCache),
      ...checkContributionConfig(config.contribution),
      ...checkAlertsConfig(config.alerts),
      ...checkSiteBuildsConfig(config.siteBuilds),
    ];
    if (problems.length) throw new Error(`knowledge-base plugin config: ${problems.join('; ')}`);
  },
};
