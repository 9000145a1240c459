// @ts-check
import { availableParallelism } from 'node:os';
import { defineConfig } from 'astro/config';
import { sitemap } from './integrations/sitemap';
import { pagefindIndex } from './integrations/pagefind';
import { contentStoreFromFile } from './integrations/content-store';
import { securityHeaders } from './integrations/security-headers';

function buildWorkers() {
  const asked = Number(process.env.KB_BUILD_WORKERS);
  return Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
}

export default defineConfig({
  site: process.env.KB_SITE_URL || 'https://guide.aimf.example',
  output: 'static',
  trailingSlash: 'always',
  // Tests build several sites side by side: each keeps its own content-layer cache.
  cacheDir: process.env.KB_CACHE_DIR || './node_modules/.astro',
  // Pages in flight per render worker: with one, a worker waits idle while the main thread writes what it
  // rendered and hands it the next page (10,000 entries on 2 cores: render 68 s with 1, 50 s with 4).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: buildWorkers() > 1 ? 4 : 1 },
  devToolbar: { enabled: false },
  experimental: {
    // Pages render on worker threads, one per core (Astro's default keeps a core free, which leaves one
    // worker on a 2-core machine); KB_BUILD_WORKERS sets another count, 1 renders on the main thread.
    parallelPrerender: buildWorkers() > 1 ? { workers: buildWorkers() } : false,
  },
  integrations: [contentStoreFromFile(), sitemap(), securityHeaders(), pagefindIndex()],
  vite: {
    // The plugin's shared rules are TypeScript source: compile them with the site.
    ssr: { noExternal: ['@aimf/strapi-plugin-knowledge-base'] },
  },
});
