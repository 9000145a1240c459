import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CMS_DIR = join(ROOT, 'cms');
export const PLUGIN_DIR = join(ROOT, 'plugins', 'knowledge-base');
export const SITE_DIR = join(ROOT, 'site');
export const SEED_DIR = join(ROOT, 'seed');
export const BIN = (name: string) => join(ROOT, 'node_modules', '.bin', name);
/** Astro's command-line entry, as its package.json names it (it moved from astro.js to bin/astro.mjs in Astro 7). */
export const astroCli = (siteDir = SITE_DIR): string => {
  const manifest = require.resolve('astro/package.json', { paths: [siteDir] });
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { astro: string } };
  return join(dirname(manifest), bin.astro);
};
/** The site's own build, as `npm run build` in site/ runs it: `node <this> --outDir <dir>` (Astro, then the search index). */
export const SITE_BUILD = join(SITE_DIR, 'scripts', 'build.mjs');
