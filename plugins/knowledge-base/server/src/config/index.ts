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

export default {
  default: { siteBuilds: SITE_BUILDS_DEFAULTS, contribution: CONTRIBUTION_DEFAULTS, publicCache: PUBLIC_CACHE_DEFAULTS },
  validator(config: { siteBuilds?: Partial<SiteBuildsConfig>; contribution?: Partial<ContributionConfig>; publicCache?: Partial<PublicCacheConfig> }) {
    const cache = { ...PUBLIC_CACHE_DEFAULTS, ...config.publicCache };
    if (!Number.isInteger(cache.ttlSeconds) || cache.ttlSeconds < 0) throw new Error('knowledge-base plugin config: publicCache.ttlSeconds must be an integer ≥ 0 (0 turns the cache off)');
    if (!Number.isInteger(cache.maxAnswers) || cache.maxAnswers < 1) throw new Error('knowledge-base plugin config: publicCache.maxAnswers must be an integer ≥ 1');
    if (!Number.isInteger(cache.maxBytes) || cache.maxBytes < 1) throw new Error('knowledge-base plugin config: publicCache.maxBytes must be an integer ≥ 1');
    const contributionProblems = checkContributionConfig(config.contribution);
    if (contributionProblems.length) throw new Error(`knowledge-base plugin config: ${contributionProblems.join('; ')}`);
    const builds = { ...SITE_BUILDS_DEFAULTS, ...config.siteBuilds };
    if (!builds.enabled) return;
    const problems: string[] = [];
    if (!Array.isArray(builds.command) || !builds.command.length || !builds.command.some((part) => part.includes('{outDir}')))
      problems.push('siteBuilds.command must be a non-empty array of strings containing "{outDir}"');
    for (const key of ['cwd', 'releasesDir', 'current'] as const)
      if (typeof builds[key] !== 'string' || !builds[key]) problems.push(`siteBuilds.${key} must be a path`);
    if (!Number.isInteger(builds.debounceMs) || builds.debounceMs < 0) problems.push('siteBuilds.debounceMs must be an integer ≥ 0');
    if (!Number.isInteger(builds.keepReleases) || builds.keepReleases < 1) problems.push('siteBuilds.keepReleases must be an integer ≥ 1');
    if (problems.length) throw new Error(`knowledge-base plugin config: ${problems.join('; ')}`);
  },
};
