/**
 * Where the site leans on Astro's internals, Astro itself is asked: an Astro release that renames
 * them fails here, not silently in a slower, bigger build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DATA_STORE_FILE, DATA_STORE_MODULE, READ_FROM_FILE } from '../integrations/content-store';
import { buildFixtureSite, SITE_DIR } from './test-utils/build';

const astroDir = dirname(require.resolve('astro/package.json', { paths: [SITE_DIR] }));

/** A module of Astro's dist, imported by Node itself (Astro is ESM; Jest runs CommonJS). */
const astroModule = (path: string): Record<string, unknown> =>
  JSON.parse(
    execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(pathToFileURL(join(astroDir, path)).href)});` +
        `const out = {}; for (const [k, v] of Object.entries(m)) out[k] = typeof v === 'function' ? String(v) : v;` +
        `console.log(JSON.stringify(out));`,
    ], { encoding: 'utf8' }),
  );

describe("Astro's internals the content-store integration names", () => {
  it('the resolved id of the data-store module and its file name are still these', () => {
    const consts = astroModule('dist/content/consts.js');
    expect(consts.RESOLVED_DATA_STORE_VIRTUAL_ID).toBe(DATA_STORE_MODULE);
    expect(consts.DATA_STORE_FILE).toBe(DATA_STORE_FILE);
  });

  it('a build writes the store in the cache folder, where the integration reads it', () => {
    const paths = astroModule('dist/content/paths.js');
    // getDataStoreFile(settings, isDev): the cache directory outside dev.
    expect(paths.getDataStoreFile).toMatch(/isDev \? settings\.dotAstroDir : settings\.config\.cacheDir/);
  });

  it('in a real build, pages read the store from its file', async () => {
    const { log } = await buildFixtureSite();
    expect(log).toContain(READ_FROM_FILE);
    expect(log).not.toContain('never came');
  });

  it("Astro's command-line entry is the one its package.json names", () => {
    const { bin } = JSON.parse(readFileSync(join(astroDir, 'package.json'), 'utf8')) as { bin: { astro: string } };
    expect(execFileSync(process.execPath, [join(astroDir, bin.astro), '--version'], { encoding: 'utf8', cwd: SITE_DIR })).toMatch(/7\.\d+\.\d+/);
  });
});
