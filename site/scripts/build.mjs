#!/usr/bin/env node
/**
 * The site's build: `astro build` (pages, sitemap), then the search index in a process of its own.
 * Pagefind holds the whole index in memory while it writes it; run inside Astro's process, that came on
 * top of everything Astro still held after rendering, which doubled the build's peak. Arguments go to
 * `astro build` (`--outDir <dir>`); the exit code is the first step that failed.
 *
 *   node scripts/build.mjs [--outDir dist]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--outDir');
const outDir = resolve(site, at >= 0 && args[at + 1] ? args[at + 1] : 'dist');

// Astro's command-line entry, as its package.json names it.
const manifest = createRequire(join(site, 'package.json')).resolve('astro/package.json');
const astro = join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.astro);

/** Runs a step to its end; a signal this script gets (a build stopped, Ctrl-C) is passed on to it. */
const run = (file, argv, env = process.env) =>
  new Promise((resolveStep) => {
    const child = spawn(process.execPath, [file, ...argv], { cwd: site, stdio: 'inherit', env });
    const pass = (signal) => child.kill(signal);
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, pass);
    child.on('exit', (code, signal) => {
      for (const name of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.off(name, pass);
      resolveStep(code ?? (signal ? 1 : 0));
    });
  });

const built = await run(astro, ['build', ...args], { ...process.env, KB_SEARCH_INDEX_LATER: '1' });
if (built !== 0) process.exit(built);
// Node 24 runs the integration's TypeScript as it is (its types are erasable).
process.exit(await run(join(site, 'scripts', 'index-search.ts'), [outDir]));
