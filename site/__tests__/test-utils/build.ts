/**
 * Builds a site once per set of inputs: the output is kept in the temp folder, keyed by a
 * hash of the site's sources, the plugin's shared rules, the seed folder and the build
 * settings, so every suite of a run (and the next run, if nothing changed) reuses it.
 * Builds are serialised by a lock folder, so parallel Jest workers never build twice.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const SITE_DIR = resolve(__dirname, '../..');
export const REPO_DIR = resolve(SITE_DIR, '..');
export const FIXTURE_SEED = resolve(__dirname, '../fixtures/seed');
export const REAL_SEED = resolve(REPO_DIR, 'seed');

/** The fixture is built at a fixed instant, so its funding calls have known statuses. */
export const FIXTURE_NOW = '2026-03-01T12:00:00Z';
export const FIXTURE_ENV = { KB_SEED_DIR: FIXTURE_SEED, KB_NOW: FIXTURE_NOW, KB_PAGE_SIZE: '2' };
export const SEED_ENV = { KB_SEED_DIR: REAL_SEED };

export interface BuiltSite {
  dist: string;
  /** How long the build took (0 when reused). */
  seconds: number;
  log: string;
}

const INPUTS = [
  'src',
  'integrations',
  'public',
  'guide.config.ts',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'scripts/build.mjs',
  'scripts/index-search.ts',
  '../plugins/knowledge-base/server/src/shared',
];

const files = (path: string): string[] => {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
};

const inputsHash = (env: Record<string, string>): string => {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(env));
  // Statuses and "days left" depend on the day the site is built.
  hash.update(env.KB_NOW ?? new Date().toISOString().slice(0, 10));
  for (const file of INPUTS.flatMap((input) => files(resolve(SITE_DIR, input)))) {
    hash.update(relative(REPO_DIR, file)).update(readFileSync(file));
  }
  // Seed file dates become entries' dates: they count too.
  for (const file of files(resolve(env.KB_SEED_DIR ?? REAL_SEED))) {
    hash.update(file).update(String(statSync(file).mtimeMs)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LOCK = join(tmpdir(), 'aimf-site-build.lock');
const STALE_LOCK_MS = 10 * 60_000;

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await sleep(300);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** The site's own build (Astro, then the search index in a process of its own), as `npm run build` runs it. */
const BUILD_SCRIPT = join(SITE_DIR, 'scripts', 'build.mjs');

const run = (env: Record<string, string>, outDir: string, cacheDir: string): Promise<{ code: number; log: string }> =>
  new Promise((resolvePromise, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, KB_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' };
    if (!env.KB_API_URL) delete childEnv.KB_API_URL;
    const child = spawn(process.execPath, [BUILD_SCRIPT, '--outDir', outDir], { cwd: SITE_DIR, env: childEnv });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, log }));
  });

/** Builds (or reuses) the site for `env`; `name` only makes the temp folder readable. */
export async function buildSite(name: string, env: Record<string, string>): Promise<BuiltSite> {
  const root = join(tmpdir(), `aimf-site-${name}-${inputsHash(env)}`);
  const dist = join(root, 'dist');
  const marker = join(root, 'built.json');
  const reuse = (): BuiltSite => ({ dist, seconds: 0, ...JSON.parse(readFileSync(marker, 'utf8')), reused: true });
  if (existsSync(marker)) return reuse();

  return withLock(async () => {
    if (existsSync(marker)) return reuse();
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const started = Date.now();
    const { code, log } = await run(env, dist, join(root, 'cache'));
    if (code !== 0) {
      rmSync(root, { recursive: true, force: true });
      throw new Error(`astro build (${name}) failed with code ${code}:\n${log.slice(-6000)}`);
    }
    const seconds = (Date.now() - started) / 1000;
    writeFileSync(marker, JSON.stringify({ seconds, log }));
    // Older builds of the same site are of no further use.
    for (const other of readdirSync(tmpdir()).filter((d) => d.startsWith(`aimf-site-${name}-`))) {
      if (join(tmpdir(), other) !== root) rmSync(join(tmpdir(), other), { recursive: true, force: true });
    }
    return { dist, seconds, log };
  });
}

export const buildFixtureSite = () => buildSite('fixture', FIXTURE_ENV);
export const buildSeedSite = () => buildSite('seed', SEED_ENV);
